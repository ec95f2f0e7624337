package storetest_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"steward/backend/store"
	"steward/backend/store/pgtest"
	"steward/backend/storetest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func TestSQLite(t *testing.T) {
	open := func(t *testing.T) *store.Store {
		s, err := store.Open(context.Background(), t.TempDir(), store.Options{})
		if err != nil {
			t.Fatalf("open SQLite: %v", err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	reopen := func(t *testing.T, s *store.Store) (*store.Store, error) {
		return store.Open(context.Background(), filepath.Dir(s.Path()), store.Options{})
	}
	storetest.Run(t, open, reopen)
}

func TestPostgres(t *testing.T) {
	var mu sync.Mutex
	urls := map[*store.Store]string{} // the URL (with its password) of each store opened
	open := func(t *testing.T) *store.Store {
		u := pgtest.URL(t)
		s, err := store.OpenPostgres(context.Background(), u, store.Options{})
		if err != nil {
			t.Fatalf("open PostgreSQL: %v", err)
		}
		t.Cleanup(func() { s.Close() })
		mu.Lock()
		urls[s] = u
		mu.Unlock()
		return s
	}
	reopen := func(t *testing.T, s *store.Store) (*store.Store, error) {
		mu.Lock()
		u := urls[s]
		mu.Unlock()
		return store.OpenPostgres(context.Background(), u, store.Options{})
	}
	storetest.Run(t, open, reopen)
}
