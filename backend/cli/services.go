package cli

import (
	"context"
	"fmt"

	"steward/backend/checklist"
	"steward/backend/store"
)

// services are the opened store and the services commands use.
type services struct {
	store     *store.Store
	checklist *checklist.Service
}

// open opens the data directory's database and builds the services.
func open(ctx context.Context, env *Env) (*services, error) {
	dir, err := store.DefaultDir(env.DataDir, env.Getenv)
	if err != nil {
		return nil, err
	}
	st, err := store.Open(ctx, dir, store.Options{})
	if err != nil {
		return nil, err
	}
	cat, err := checklist.LoadCatalogue()
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("load catalogue: %w", err)
	}
	return &services{store: st, checklist: checklist.New(st, cat, checklist.Options{Source: "cli"})}, nil
}

func (s *services) Close() error { return s.store.Close() }
