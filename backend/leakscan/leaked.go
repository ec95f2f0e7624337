package leakscan

import (
	"context"
	"fmt"
	"time"

	"steward/backend/keys"
)

// LeakedFingerprints lists the keys each folder still leaks, so the key
// register can raise a "leaked" finding; it makes Store a keys.LeakSource.
// A key found in a folder stays leaked until a later completed scan of the
// same folder no longer finds it: a failed or cancelled scan, or a scan of
// another folder, clears nothing.
func (s *Store) LeakedFingerprints(ctx context.Context) (map[string]keys.LeakRef, error) {
	rows, err := s.st.Read().QueryContext(ctx, `
		SELECT f.fingerprint, f.file, f.line, f."commit", s.finished_at
		FROM leak_findings f JOIN leak_scans s ON s.id = f.scan_id
		WHERE f.fingerprint <> '' AND s.id >= coalesce((
			SELECT max(s2.id) FROM leak_scans s2, json_each(s2.roots) r2
			WHERE r2.value = f.root AND s2.status = 'completed'), 0)
		ORDER BY s.id DESC, f.id`)
	if err != nil {
		return nil, fmt.Errorf("list leaked keys: %w", err)
	}
	defer rows.Close()
	out := map[string]keys.LeakRef{}
	for rows.Next() {
		var fp, file, commit, finished string
		var line int
		if err := rows.Scan(&fp, &file, &line, &commit, &finished); err != nil {
			return nil, fmt.Errorf("list leaked keys: %w", err)
		}
		if _, ok := out[fp]; ok {
			continue
		}
		where := fmt.Sprintf("%s:%d", file, line)
		if commit != "" {
			where = fmt.Sprintf("%s (commit %.8s)", file, commit)
		}
		at, _ := time.Parse(time.RFC3339Nano, finished)
		out[fp] = keys.LeakRef{Where: where, FoundAt: at}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list leaked keys: %w", err)
	}
	return out, nil
}
