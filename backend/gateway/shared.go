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
// Every Every (250 ms by default) each replica publishes, in one
// transaction, its running counts per member (requests admitted since it
// started, tokens counted today) to gateway_limit_counts, and reads the
// other replicas' rows. What the others admitted since the last sync is
// taken out of this replica's own bucket for the member, and their tokens
// are added to its count for the day, so every replica converges on the
// one team-wide bucket. Until the next sync a replica admits at most
// ceil(left / live replicas) of a member's requests, so all replicas
// together admit at most what was left plus one per other replica in a
// sync interval (the bound of overshoot; a replica that has not yet seen a
// newly started one may still spend its whole share of the previous
// split). Daily token budgets can run over by the tokens other replicas'
// calls used in the last sync interval, besides the calls in flight that a
// single gateway already lets finish.
type SharedLimits struct {
	st    *store.Store
	id    string
	every time.Duration
	now   func() time.Time
	log   *slog.Logger

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
		var b [8]byte
		_, _ = rand.Read(b[:])
		opts.Replica = hex.EncodeToString(b[:])
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

// Replica is this replica's id.
func (s *SharedLimits) Replica() string { return s.id }

// start reads the other replicas' counts as they stand (admissions before
// this replica started are not taken out again), then syncs every interval
// until stopped.
func (s *SharedLimits) start(ctx context.Context, l *limits, a *Access) error {
	rows, err := s.read(ctx)
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
	go s.loop(ctx, l, a)
	return nil
}

func (s *SharedLimits) loop(ctx context.Context, l *limits, a *Access) {
	defer close(s.stopped)
	t := time.NewTicker(s.every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.sync(ctx, l, a); err != nil && ctx.Err() == nil {
				s.log.Warn("gateway: limit sync failed; limits hold per replica until it works again", "err", err)
			}
		}
	}
}

// close stops syncing and removes this replica's rows.
func (s *SharedLimits) close(ctx context.Context, l *limits, a *Access) {
	if s.stop == nil {
		return
	}
	s.stop()
	<-s.stopped
	_ = s.sync(ctx, l, a) // the last admissions, for the replicas still serving
	_ = s.st.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM gateway_limit_counts WHERE replica = ? AND member = ''`, s.id)
		return err
	})
}

// sync publishes this replica's counts and absorbs the others'.
func (s *SharedLimits) sync(ctx context.Context, l *limits, a *Access) error {
	if err := s.publish(ctx, l.snapshot()); err != nil {
		return err
	}
	rows, err := s.read(ctx)
	if err != nil {
		return err
	}
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
		if d := c.requests - last.requests; d > 0 {
			requests[k.member] += d
		}
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
	for m := range requests {
		if p, ok, err := a.policyFor(ctx, m); err == nil && ok {
			rates[m] = p.RequestsPerMinute
		}
	}
	l.absorb(requests, tokens, rates, share)
	return nil
}

// publish writes the heartbeat and every count that changed since the
// last sync, in one statement; once a minute it sweeps day-old rows.
func (s *SharedLimits) publish(ctx context.Context, now map[string]counts) error {
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
	values := strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?), ", len(args)/6), ", ")
	return s.st.Write(ctx, func(tx *sql.Tx) error {
		if sweep {
			old := stamp.Add(-24 * time.Hour).Format(time.RFC3339)
			if _, err := tx.ExecContext(ctx, `DELETE FROM gateway_limit_counts WHERE updated_at < ?`, old); err != nil {
				return fmt.Errorf("sweep limit counts: %w", err)
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO gateway_limit_counts(replica, member, requests, day, tokens, updated_at)
			VALUES `+values+` ON CONFLICT (replica, member) DO UPDATE SET requests = excluded.requests,
			day = excluded.day, tokens = excluded.tokens, updated_at = excluded.updated_at`, args...)
		if err != nil {
			return fmt.Errorf("publish limit counts: %w", err)
		}
		return nil
	})
}

// read returns the other replicas' rows.
func (s *SharedLimits) read(ctx context.Context) (map[peerKey]counts, error) {
	rows, err := s.st.Read().QueryContext(ctx, `SELECT replica, member, requests, day, tokens
		FROM gateway_limit_counts WHERE replica <> ?`, s.id)
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
