package usage

import (
	"context"
	"fmt"
)

// MembersByKey lists, per key fingerprint, the members the usage log has
// seen calling with that key (members' names, sorted), for the
// organization's "one key, several members" finding.
func (s *SQLite) MembersByKey(ctx context.Context) (map[string][]string, error) {
	rows, err := s.st.Read().QueryContext(ctx, `SELECT DISTINCT key_fingerprint, member FROM usage_daily
		WHERE key_fingerprint != '' AND member != '' ORDER BY key_fingerprint, member`)
	if err != nil {
		return nil, fmt.Errorf("read usage by key: %w", err)
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var fp, m string
		if err := rows.Scan(&fp, &m); err != nil {
			return nil, fmt.Errorf("read usage by key: %w", err)
		}
		out[fp] = append(out[fp], m)
	}
	return out, rows.Err()
}
