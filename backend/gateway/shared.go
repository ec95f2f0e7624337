package gateway

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"log/slog"
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
	s.log.Info("gateway: members' limits shared with the other replicas on the database",
		"replica", s.id, "other_replicas", share-1, "sync_every", s.every)
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
// A call never waits for a sync already running (a database that does
// not answer must not hold calls up): it goes on with the quotas it has.
func (s *SharedLimits) syncSoon(ctx context.Context, l *limits, a *Access) bool {
	if !s.syncMu.TryLock() {
		return false
	}
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
