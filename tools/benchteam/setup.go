package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"

	"steward/backend/store"
	"steward/tools/internal/benchload"
)

// setup is one way of running the gateway: how many replicas, over which
// store, and where to count the rows afterwards.
type setup struct {
	name     string
	replicas int
	env      []string
	countURL string // PostgreSQL
	countDir string // SQLite data folder
	bin      string
	upstream string
	work     string
}

// measure registers the members, starts the replicas, warms up, measures,
// stops the replicas with SIGTERM and counts the rows they logged.
func (s setup) measure(ctx context.Context, c *http.Client, body []byte, o options) (result, error) {
	sw := steward{bin: s.bin, env: s.env}
	tokens, err := s.members(ctx, sw, o.people)
	if err != nil {
		return result{}, err
	}
	var reps []*replica
	stopAll := func() error {
		var errs []error
		for _, r := range reps {
			errs = append(errs, r.stop())
		}
		return errors.Join(errs...)
	}
	for i := range s.replicas {
		dir := s.countDir
		if dir == "" {
			dir = filepath.Join(s.work, fmt.Sprintf("replica%d", i+1))
		}
		r, err := sw.startReplica(dir, s.upstream)
		if err != nil {
			_ = stopAll()
			return result{}, err
		}
		reps = append(reps, r)
	}
	// Client k goes to replica k mod replicas as member k mod members.
	var eps []benchload.Endpoint
	for k := range max(o.people, s.replicas) {
		eps = append(eps, benchload.Endpoint{Base: reps[k%len(reps)].base, Cred: tokens[k%len(tokens)]})
	}
	benchload.ClosedLoop(c, eps, body, o.conc, o.warmup)
	m := benchload.ClosedLoop(c, eps, body, o.conc, o.n)
	if err := stopAll(); err != nil {
		return result{}, fmt.Errorf("stop the replicas: %w", err)
	}
	logged, err := s.rows(ctx)
	return result{name: s.name, m: m, sent: o.warmup + o.n, logged: logged}, err
}

// members adds n members and returns a gateway token for each.
func (s setup) members(ctx context.Context, sw steward, n int) ([]string, error) {
	if s.countDir == "" {
		sw.env = append(sw.env, "STEWARD_DATA_DIR="+filepath.Join(s.work, "admin"))
	}
	var tokens []string
	for i := range n {
		name := fmt.Sprintf("bench-%d", i+1)
		if _, err := sw.run(ctx, "members", "add", name); err != nil {
			return nil, err
		}
		tok, err := sw.run(ctx, "members", "token", name)
		if err != nil {
			return nil, err
		}
		tokens = append(tokens, strings.TrimSpace(tok))
	}
	return tokens, nil
}

// rows counts the usage rows the store holds.
func (s setup) rows(ctx context.Context) (int64, error) {
	var st *store.Store
	var err error
	if s.countURL != "" {
		st, err = store.OpenPostgres(ctx, s.countURL, store.Options{})
	} else {
		st, err = store.Open(ctx, s.countDir, store.Options{})
	}
	if err != nil {
		return 0, fmt.Errorf("open the store to count rows: %w", err)
	}
	defer st.Close()
	var n int64
	if err := st.Read().QueryRowContext(ctx, `SELECT count(*) FROM usage_events WHERE source = 'gateway'`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count usage rows: %w", err)
	}
	return n, nil
}
