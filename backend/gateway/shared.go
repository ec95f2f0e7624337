package gateway

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"steward/backend/store"
)

// SharedLimits makes members' per-minute request limits and daily token
// budgets hold across gateway replicas on one PostgreSQL database.
//
// Each replica syncs every Every (250 ms by default), and at once when a
// member's quota here is spent while the bucket still holds requests (at
// most every Every/5). A sync is one transaction that first locks one row
// (so the replicas' syncs run one after another and each sees the others'
// latest rows), reads the other replicas' rows in gateway_limit_counts,
// and writes this replica's: per member, the requests it has claimed since
// it started (admitted plus the quota it may still spend) and the tokens
// it counted today. What the others claimed since the last sync is taken
// out of this replica's own bucket for the member (quota they gave back is
// returned) and their tokens are added to its count for the day, so every
// replica holds the one team-wide bucket. A replica admits only from its
// quota, ceil(left / live replicas), claimed in the same transaction that
// grants it: the claims of all replicas never exceed what the bucket
// holds, so together they admit no more than one gateway would.
//
// The limits: a replica joining does not see quota the others claimed
// before it started (it may admit up to that much extra, once); daily
// token budgets can run over by the tokens other replicas' calls used
// since the last sync, besides the calls in flight that a single gateway
// already lets finish. While the database cannot be reached, each replica
// enforces the limits on its own, as a single gateway does.
type SharedLimits struct {
	st    *store.Store
	id    string
	every time.Duration
	now   func() time.Time
	log   *slog.Logger

	syncMu   sync.Mutex // one sync at a time
	lastSync time.Time  // wall time of the last sync, for on-demand ones

	mu      sync.Mutex
	seen    map[peerKey]counts // the last counts read per replica and member
	beats   map[string]beat    // other replicas' heartbeats
	beat    int64
	syncs   int64
	sent    map[string]counts // what this replica last published
	stop    context.CancelFunc
	stopped chan struct{}
}

type peerKey struct{ replica, member string }

type beat struct {
	n       int64 // the replica's last beat
	changed int64 // our sync number when it last changed
}

// SharedOptions adjusts NewSharedLimits; the zero value is the production
// setting.
type SharedOptions struct {
	Every   time.Duration    // sync interval; 250 ms by default
	Replica string           // this replica's id; random by default
	Now     func() time.Time // wall clock for row stamps; time.Now by default
	Log     *slog.Logger
}

// liveSyncs is how many of our syncs a replica may miss beating in and
// still count as live.
const liveSyncs = 8

// NewSharedLimits returns the limit sharing of one replica over st.
func NewSharedLimits(st *store.Store, opts SharedOptions) *SharedLimits {
	if opts.Every <= 0 {
		opts.Every = 250 * time.Millisecond
	}
	if opts.Replica == "" {
		opts.Replica = replicaID()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	return &SharedLimits{st: st, id: opts.Replica, every: opts.Every, now: opts.Now, log: opts.Log,
		seen: map[peerKey]counts{}, beats: map[string]beat{}, sent: map[string]counts{}}
}

// replicaID draws a random replica id.
func replicaID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Replica is this replica's id.
func (s *SharedLimits) Replica() string { return s.id }

// start reads the other replicas' counts as they stand (admissions before
// this replica started are not taken out again), then syncs every interval
// until stopped.
func (s *SharedLimits) start(ctx context.Context, l *limits, a *Access) error {
	s.mu.Lock()
	if s.stopped != nil { // a restarted gateway is a new replica: its counts start again
		s.id, s.seen, s.beats, s.sent = replicaID(), map[peerKey]counts{}, map[string]beat{}, map[string]counts{}
	}
	s.mu.Unlock()
	rows, err := s.read(ctx, s.st.Read())
	if err != nil {
		return fmt.Errorf("gateway: read the other replicas' limit counts: %w", err)
	}
	s.mu.Lock()
	for k, c := range rows {
		s.seen[k] = c
		if k.member == "" {
			s.beats[k.replica] = beat{n: c.requests}
		}
	}
	share := 1 + len(s.beats)
	s.mu.Unlock()
	l.absorb(nil, nil, nil, share)
	ctx, s.stop = context.WithCancel(context.WithoutCancel(ctx))
	s.stopped = make(chan struct{})
	l.claim = func() bool { return s.syncSoon(ctx, l, a) }
	go s.loop(ctx, l, a)
	return nil
}

func (s *SharedLimits) loop(ctx context.Context, l *limits, a *Access) {
	defer close(s.stopped)
	t := time.NewTicker(s.every)
	defer t.Stop()
	failing := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			err := s.syncLocked(ctx, l, a)
			switch {
			case err != nil && ctx.Err() == nil && !failing:
				s.log.Warn("gateway: limit sync failed; each replica enforces members' limits on its own until it works again", "err", err)
				failing = true
			case err == nil && failing:
				s.log.Info("gateway: limit sync works again")
				failing = false
			}
		}
	}
}

// syncSoon syncs now for a request whose member's quota is spent, unless
// a sync ran within the last fifth of the interval; it reports whether
// this replica's quotas may have changed.
func (s *SharedLimits) syncSoon(ctx context.Context, l *limits, a *Access) bool {
	s.syncMu.Lock()
	defer s.syncMu.Unlock()
	if time.Since(s.lastSync) < s.every/5 {
		return false
	}
	return s.sync(ctx, l, a) == nil
}

func (s *SharedLimits) syncLocked(ctx context.Context, l *limits, a *Access) error {
	s.syncMu.Lock()
	defer s.syncMu.Unlock()
	return s.sync(ctx, l, a)
}

// close stops syncing and removes this replica's heartbeat, so the others
// count one replica fewer at once.
func (s *SharedLimits) close(ctx context.Context, l *limits, a *Access) {
	if s.stop == nil {
		return
	}
	s.stop()
	<-s.stopped
	s.syncMu.Lock()
	defer s.syncMu.Unlock()
	l.setShared(false) // the gateway has stopped: its unspent quotas go back
	_ = s.st.Write(ctx, func(tx *sql.Tx) error {
		if err := s.publish(ctx, tx, l.snapshot()); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM gateway_limit_counts WHERE replica = ? AND member = ''`, s.id)
		return err
	})
}

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
