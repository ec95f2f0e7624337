// Package pgtest gives tests a real PostgreSQL: a private server started
// once per test binary from Debian's binaries (initdb into a temporary
// folder, a free port on 127.0.0.1, fsync off), as the non-root postgres
// user when the tests run as root, and a fresh empty database per call of
// URL. TestMain calls Main so the server stops when the tests end.
//
// Without the binaries, tests skip, or fail when STEWARD_REQUIRE_POSTGRES=1
// (as in CI). STEWARD_PG_BIN overrides the binaries' folder.
package pgtest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"testing"
)

// DefaultBin is where Debian's postgresql-15 package puts the server.
const DefaultBin = "/usr/lib/postgresql/15/bin"

// shared is the server of this test binary: the one piece of package state,
// since URL(t) must find the same server from every test.
var shared struct {
	mu  sync.Mutex
	srv *Server
	err error
}

// URL returns the URL of a fresh, empty database on this test binary's
// shared server, starting the server on first use.
func URL(t testing.TB) string {
	t.Helper()
	shared.mu.Lock()
	if shared.srv == nil && shared.err == nil {
		skipUnlessAvailable(t, func() { shared.mu.Unlock() })
		shared.srv, shared.err = start()
	}
	srv, err := shared.srv, shared.err
	shared.mu.Unlock()
	if err != nil {
		t.Fatalf("pgtest: start PostgreSQL: %v", err)
	}
	return srv.URL(t)
}

// Main runs the tests and stops the shared server afterwards; use it as
// func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }.
func Main(m *testing.M) int {
	code := m.Run()
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.srv != nil {
		if err := shared.srv.Close(); err != nil {
			fmt.Fprintf(os.Stderr, "pgtest: stop PostgreSQL: %v\n", err)
		}
		shared.srv = nil
	}
	return code
}

// NewServer starts a server of t's own, stopped when t ends: for tests
// that stop and restart PostgreSQL under load without disturbing others.
func NewServer(t testing.TB) *Server {
	t.Helper()
	skipUnlessAvailable(t, func() {})
	srv, err := start()
	if err != nil {
		t.Fatalf("pgtest: start PostgreSQL: %v", err)
	}
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Errorf("pgtest: stop PostgreSQL: %v", err)
		}
	})
	return srv
}

// Start starts a private server outside a test (a benchmark driver's);
// the caller closes it.
func Start() (*Server, error) {
	if _, err := os.Stat(filepath.Join(binDir(), "postgres")); err != nil {
		return nil, fmt.Errorf("PostgreSQL server binaries not found in %s: install them with `apt-get install postgresql` (or set STEWARD_PG_BIN)", binDir())
	}
	return start()
}

// SkipUnlessAvailable skips t when the server binaries are missing, or
// fails it when STEWARD_REQUIRE_POSTGRES=1, without starting a server.
func SkipUnlessAvailable(t testing.TB) {
	t.Helper()
	skipUnlessAvailable(t, func() {})
}

// binDir is the folder of initdb and postgres: STEWARD_PG_BIN, else
// Debian's PostgreSQL 15, else the newest other Debian version installed.
func binDir() string {
	if d := os.Getenv("STEWARD_PG_BIN"); d != "" {
		return d
	}
	if _, err := os.Stat(filepath.Join(DefaultBin, "postgres")); err == nil {
		return DefaultBin
	}
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/postgres")
	sort.Slice(found, func(i, j int) bool { return version(found[i]) < version(found[j]) })
	if len(found) > 0 {
		return filepath.Dir(found[len(found)-1])
	}
	return DefaultBin
}

// version is the major version in a /usr/lib/postgresql/N/bin/postgres path.
func version(path string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(path))))
	return n
}

// skipUnlessAvailable skips t (or fails it when PostgreSQL is required)
// when the server binaries are missing; release runs before either.
func skipUnlessAvailable(t testing.TB, release func()) {
	t.Helper()
	bin := binDir()
	if _, err := os.Stat(filepath.Join(bin, "postgres")); err == nil {
		return
	}
	release()
	msg := fmt.Sprintf("PostgreSQL server binaries not found in %s: install them with `apt-get install postgresql` (or set STEWARD_PG_BIN)", bin)
	if os.Getenv("STEWARD_REQUIRE_POSTGRES") == "1" {
		t.Fatalf("pgtest: %s; STEWARD_REQUIRE_POSTGRES=1 requires them", msg)
	}
	t.Skip("pgtest: " + msg)
}

// background is the context of the harness's own short admin calls.
func background() context.Context { return context.Background() }
