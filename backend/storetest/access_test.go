package storetest

import (
	"testing"

	"steward/backend/store"
	"steward/backend/store/pgtest"
)

// accessEngines opens a fresh store of each engine for the team-state cases.
var accessEngines = []struct {
	name string
	open func(t *testing.T) *store.Store
}{
	{"sqlite", func(t *testing.T) *store.Store {
		st, err := store.Open(t.Context(), t.TempDir(), store.Options{})
		if err != nil {
			t.Fatalf("open SQLite: %v", err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}},
	{"postgres", func(t *testing.T) *store.Store {
		st, err := store.OpenPostgres(t.Context(), pgtest.URL(t), store.Options{})
		if err != nil {
			t.Fatalf("open PostgreSQL: %v", err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}},
}

func TestTeamState(t *testing.T) {
	cases := map[string]func(*testing.T, func(*testing.T) *store.Store){
		"keys": Keys, "tokens": Tokens, "policies": Policies, "providers": Providers, "settings": Settings, "guard": Guard,
	}
	for _, e := range accessEngines {
		for name, run := range cases {
			t.Run(e.name+"/"+name, func(t *testing.T) { run(t, e.open) })
		}
	}
}
