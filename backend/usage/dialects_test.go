package usage

import (
	"context"
	"os"
	"os/exec"
	"testing"

	"steward/backend/store"
	"steward/backend/store/pgtest"
)

// The package's store tests run twice: on SQLite in this process, and on
// PostgreSQL in a child run of this test binary (TestOnPostgres), whose
// newTestService opens PostgreSQL databases instead.
const onPostgresEnv = "STEWARD_USAGE_TESTS_ON_POSTGRES"

func onPostgres() bool { return os.Getenv(onPostgresEnv) == "1" }

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// openTestStore opens a fresh, empty store of the dialect under test.
func openTestStore(t *testing.T) *store.Store {
	t.Helper()
	var st *store.Store
	var err error
	if onPostgres() {
		st, err = store.OpenPostgres(context.Background(), pgtest.URL(t), store.Options{})
	} else {
		st, err = store.Open(context.Background(), t.TempDir(), store.Options{})
	}
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// sqliteOnly skips a test of SQLite's own behaviour on PostgreSQL.
func sqliteOnly(t *testing.T, why string) {
	t.Helper()
	if onPostgres() {
		t.Skip("SQLite only: " + why)
	}
}

// TestOnPostgres runs every test of this package again against PostgreSQL.
func TestOnPostgres(t *testing.T) {
	if onPostgres() {
		t.Skip("already on PostgreSQL")
	}
	pgtest.SkipUnlessAvailable(t)
	if testing.Short() {
		t.Skip("-short: the PostgreSQL run is long")
	}
	args := []string{"-test.count=1", "-test.skip=^TestOnPostgres$"}
	if testing.Verbose() {
		args = append(args, "-test.v")
	}
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), onPostgresEnv+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil || testing.Verbose() {
		t.Logf("tests on PostgreSQL:\n%s", out)
	}
	if err != nil {
		t.Fatalf("tests on PostgreSQL failed: %v", err)
	}
}
