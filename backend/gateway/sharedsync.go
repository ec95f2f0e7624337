package gateway

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// sync runs one exchange with the other replicas in one transaction; on
// failure this replica enforces the limits on its own until one works.
// s.syncMu is held.
func (s *SharedLimits) sync(ctx context.Context, l *limits, a *Access) error {
	s.lastSync = time.Now()
	err := s.st.Write(ctx, func(tx *sql.Tx) error {
		stamp := s.now().UTC().Format(time.RFC3339)
		// the lock row: syncs of all replicas run one after another
		if _, err := tx.ExecContext(ctx, `INSERT INTO gateway_limit_counts(replica, member, updated_at) VALUES ('', '', ?)
			ON CONFLICT (replica, member) DO NOTHING`, stamp); err != nil {
			return fmt.Errorf("lock limit counts: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE gateway_limit_counts SET requests = requests + 1, updated_at = ?
			WHERE replica = '' AND member = ''`, stamp); err != nil {
			return fmt.Errorf("lock limit counts: %w", err)
		}
		rows, err := s.read(ctx, tx)
		if err != nil {
			return err
		}
		s.absorb(ctx, l, a, rows)
		return s.publish(ctx, tx, l.snapshot())
	})
	if err != nil {
		l.setShared(false)
		return err
	}
	l.setShared(true)
	return nil
}

// absorb hands the other replicas' rows to the limits.
func (s *SharedLimits) absorb(ctx context.Context, l *limits, a *Access, rows map[peerKey]counts) {
	today := dayKey(startOfDay(l.now()))
	requests, tokens := map[string]int64{}, map[string]int64{}
	s.mu.Lock()
	s.syncs++
	for k, c := range rows {
		last := s.seen[k]
		s.seen[k] = c
		if k.member == "" {
			if b := s.beats[k.replica]; b.n != c.requests {
				s.beats[k.replica] = beat{n: c.requests, changed: s.syncs}
			}
			continue
		}
		requests[k.member] += c.requests - last.requests
		if c.day == today {
			prev := int64(0)
			if last.day == today {
				prev = last.tokens
			}
			if d := c.tokens - prev; d > 0 {
				tokens[k.member] += d
			}
		}
	}
	share := 1
	for r, b := range s.beats {
		if _, ok := rows[peerKey{r, ""}]; !ok {
			delete(s.beats, r) // stopped cleanly
			continue
		}
		if s.syncs-b.changed <= liveSyncs {
			share++
		}
	}
	s.mu.Unlock()
	rates := map[string]int{}
	for m, n := range requests {
		if n == 0 {
			continue
		}
		if p, ok, err := a.policyFor(ctx, m); err == nil && ok {
			rates[m] = p.RequestsPerMinute
		}
	}
	l.absorb(requests, tokens, rates, share)
}

// publish writes the heartbeat and every count that changed since the
// last sync, in one statement; once a minute it sweeps day-old rows.
func (s *SharedLimits) publish(ctx context.Context, tx *sql.Tx, now map[string]counts) error {
	s.mu.Lock()
	s.beat++
	stamp := s.now().UTC()
	args := []any{s.id, "", s.beat, "", 0, stamp.Format(time.RFC3339)}
	for m, c := range now {
		if m == "" || s.sent[m] == c {
			continue
		}
		s.sent[m] = c
		args = append(args, s.id, m, c.requests, c.day, c.tokens, stamp.Format(time.RFC3339))
	}
	sweep := s.beat%240 == 1
	s.mu.Unlock()
	if sweep {
		old := stamp.Add(-24 * time.Hour).Format(time.RFC3339)
		if _, err := tx.ExecContext(ctx, `DELETE FROM gateway_limit_counts WHERE updated_at < ?`, old); err != nil {
			return fmt.Errorf("sweep limit counts: %w", err)
		}
	}
	values := strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?), ", len(args)/6), ", ")
	_, err := tx.ExecContext(ctx, `INSERT INTO gateway_limit_counts(replica, member, requests, day, tokens, updated_at)
		VALUES `+values+` ON CONFLICT (replica, member) DO UPDATE SET requests = excluded.requests,
		day = excluded.day, tokens = excluded.tokens, updated_at = excluded.updated_at`, args...)
	if err != nil {
		return fmt.Errorf("publish limit counts: %w", err)
	}
	return nil
}

// read returns the other replicas' rows.
func (s *SharedLimits) read(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) (map[peerKey]counts, error) {
	rows, err := q.QueryContext(ctx, `SELECT replica, member, requests, day, tokens
		FROM gateway_limit_counts WHERE replica <> ? AND replica <> ''`, s.id)
	if err != nil {
		return nil, fmt.Errorf("read limit counts: %w", err)
	}
	defer rows.Close()
	out := map[peerKey]counts{}
	for rows.Next() {
		var k peerKey
		var c counts
		if err := rows.Scan(&k.replica, &k.member, &c.requests, &c.day, &c.tokens); err != nil {
			return nil, fmt.Errorf("read limit counts: %w", err)
		}
		out[k] = c
	}
	return out, rows.Err()
}
