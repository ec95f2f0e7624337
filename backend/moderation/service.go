package moderation

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"steward/backend/store"
)

// Service answers every moderation-tester question for the GUI and the
// CLI: suites and their items, imports and exports, runs, results,
// thresholds, comparisons and metrics. Build one with New and share it.
type Service struct {
	st   *store.Store
	now  func() time.Time
	runs RunnerConfig

	mu     sync.Mutex
	active map[int64]*activeRun // runs being sent by this Service
}

// Options adjusts New; the zero value suits tests that do not send runs.
type Options struct {
	Now    func() time.Time // clock; time.Now by default
	Runner RunnerConfig     // how runs reach the API
}

// New returns a moderation service over the store.
func New(st *store.Store, opts Options) *Service {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Service{st: st, now: opts.Now, runs: opts.Runner, active: map[int64]*activeRun{}}
}

// stamp is the current time as stored: RFC 3339 in UTC.
func (s *Service) stamp() string { return s.now().UTC().Format(time.RFC3339) }

// bg is the context of calls the GUI makes, which carry none.
func bg() context.Context { return context.Background() }

// write runs fn in one write transaction, wrapping its error with what.
func (s *Service) write(what string, fn func(tx *sql.Tx) error) error {
	if err := s.st.Write(bg(), fn); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// marshal encodes v as JSON text for a column; nil maps become "{}".
func marshal(v any) string {
	b, err := json.Marshal(v)
	if err != nil || string(b) == "null" {
		return "{}"
	}
	return string(b)
}

type scanner interface{ Scan(...any) error }
