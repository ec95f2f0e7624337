package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"sort"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"steward/backend/store"
	"steward/backend/store/pgtest"
)

// runProcess runs `steward args...` as a process of its own with env added
// to the environment, and returns its exit code and everything it printed.
func runProcess(t *testing.T, env []string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), append([]string{envRunCLI + "=1"}, env...)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return exit.ExitCode(), out.String()
	case err != nil:
		t.Fatalf("run %v: %v", args, err)
	}
	return 0, out.String()
}

// closedAddr is a loopback address nothing listens on.
func closedAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// withoutPassword splits a database URL into the URL without its password
// and the password.
func withoutPassword(t *testing.T, raw string) (string, string) {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	pw, _ := u.User.Password()
	u.User = url.User(u.User.Username())
	return u.String(), pw
}

// PostgreSQL down at start: `members list` with --database-url and
// `gateway` with STEWARD_DATABASE_URL exit 2 with an error naming the
// server, never the password.
func TestPostgresDownAtStart(t *testing.T) {
	addr := closedAddr(t)
	const pw = "down-pw-9d2f41"
	for _, c := range []struct {
		name string
		env  []string
		args []string
	}{
		{"members list", []string{"PGPASSWORD=" + pw},
			[]string{"--database-url", "postgres://steward@" + addr + "/team?sslmode=disable", "members", "list"}},
		{"gateway", []string{"STEWARD_DATABASE_URL=postgres://steward:" + pw + "@" + addr + "/team?sslmode=disable"},
			[]string{"gateway", "--listen", "127.0.0.1:0", "--admin-listen", "127.0.0.1:0"}},
	} {
		code, out := runProcess(t, c.env, append([]string{"--data-dir", t.TempDir()}, c.args...)...)
		if code != ExitError || !strings.Contains(out, "Cannot reach PostgreSQL at "+addr) || strings.Contains(out, pw) {
			t.Errorf("%s with PostgreSQL down = exit %d %q; want 2 and the server named, not the password", c.name, code, out)
		}
	}
}

// A wrong password: exit 2 with an error saying the login was refused,
// from the CLI and the headless gateway, with neither the wrong password
// nor the right one printed.
func TestPostgresWrongPassword(t *testing.T) {
	dbURL, right := withoutPassword(t, pgtest.URL(t))
	const wrong = "wrong-pw-5be17c"
	u, _ := url.Parse(dbURL)
	u.User = url.UserPassword(u.User.Username(), wrong)
	for _, c := range []struct {
		name string
		env  []string
		args []string
	}{
		{"members list", []string{"PGPASSWORD=" + wrong}, []string{"--database-url", dbURL, "members", "list"}},
		{"gateway", []string{"STEWARD_DATABASE_URL=" + u.String()}, []string{"gateway", "--listen", "127.0.0.1:0"}},
	} {
		code, out := runProcess(t, c.env, append([]string{"--data-dir", t.TempDir()}, c.args...)...)
		if code != ExitError || !strings.Contains(out, "refused user \"steward\"") || !strings.Contains(out, u.Host) ||
			strings.Contains(out, wrong) || strings.Contains(out, right) {
			t.Errorf("%s with a wrong password = exit %d %q; want 2 and the refusal, no password", c.name, code, out)
		}
	}
}

// dbSnapshot lists every table of the public schema with its row count,
// and the recorded migrations.
func dbSnapshot(t *testing.T, raw string) string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, raw)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)
	if err != nil {
		t.Fatal(err)
	}
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(tables)
	var b strings.Builder
	for _, name := range tables {
		var n int64
		if err := conn.QueryRow(ctx, "SELECT count(*) FROM "+pgx.Identifier{name}.Sanitize()).Scan(&n); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %d\n", name, n)
	}
	rows, err = conn.Query(ctx, `SELECT version::text || ' ' || name || ' ' || applied_at FROM schema_migrations ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	migs, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return b.String() + strings.Join(migs, "\n")
}

// A database a newer Steward wrote (a migration this build does not know)
// is refused, exit 2, by the CLI and the gateway, and left as it was.
func TestPostgresFromNewerSteward(t *testing.T) {
	ctx := context.Background()
	raw := pgtest.URL(t)
	st, err := store.OpenPostgres(ctx, raw, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	conn, err := pgx.Connect(ctx, raw)
	if err != nil {
		t.Fatal(err)
	}
	newer := store.LatestPostgresVersion() + 1
	_, err = conn.Exec(ctx, `INSERT INTO schema_migrations(version, name, applied_at) VALUES ($1, 'from a newer steward', '2030-01-01T00:00:00Z')`, newer)
	conn.Close(ctx)
	if err != nil {
		t.Fatal(err)
	}
	before := dbSnapshot(t, raw)
	dbURL, pw := withoutPassword(t, raw)
	for _, c := range []struct {
		name string
		env  []string
		args []string
	}{
		{"members list", []string{"PGPASSWORD=" + pw}, []string{"--database-url", dbURL, "members", "list"}},
		{"members add", []string{"PGPASSWORD=" + pw}, []string{"--database-url", dbURL, "members", "add", "Mei"}},
		{"gateway", []string{"STEWARD_DATABASE_URL=" + raw}, []string{"gateway", "--listen", "127.0.0.1:0"}},
	} {
		code, out := runProcess(t, c.env, append([]string{"--data-dir", t.TempDir()}, c.args...)...)
		if code != ExitError || !strings.Contains(out, "newer Steward") || !strings.Contains(out, fmt.Sprintf("schema %d", newer)) ||
			strings.Contains(out, pw) {
			t.Errorf("%s on a newer database = exit %d %q; want 2 and the refusal", c.name, code, out)
		}
	}
	if after := dbSnapshot(t, raw); after != before {
		t.Fatalf("the refused database changed:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}
