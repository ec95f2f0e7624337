package app

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"steward/backend/apperr"
	"steward/backend/store"
	"steward/backend/store/pgtest"
)

// openWith opens a data folder with the database URL in the environment.
func openWith(t *testing.T, env map[string]string) (*Services, error) {
	t.Helper()
	s, err := Open(t.Context(), Options{DataDir: t.TempDir(), Getenv: func(k string) string { return env[k] }})
	if err == nil {
		t.Cleanup(func() { s.Close() })
	}
	return s, err
}

// A wrong password is refused with DatabaseAuth, in English and Chinese,
// naming the server and the user and neither password.
func TestOpenWithWrongPassword(t *testing.T) {
	raw := pgtest.URL(t)
	dbURL, right := splitPassword(t, raw)
	const wrong = "wrong-pw-31c0aa"
	u, _ := url.Parse(dbURL)
	u.User = url.UserPassword(u.User.Username(), wrong)
	for name, env := range map[string]map[string]string{
		"in the URL": {EnvDatabaseURL: u.String()},
		"PGPASSWORD": {EnvDatabaseURL: dbURL, "PGPASSWORD": wrong},
	} {
		_, err := openWith(t, env)
		if !apperr.Is(err, store.DatabaseAuth) {
			t.Fatalf("%s: Open = %v, want %s", name, err, store.DatabaseAuth)
		}
		_, en := apperr.Describe(err, "en")
		_, zh := apperr.Describe(err, "zh-CN")
		for _, s := range []string{en, zh, err.Error()} {
			if strings.Contains(s, wrong) || strings.Contains(s, right) || !strings.Contains(s, u.Host) {
				t.Fatalf("%s: error %q; want the server named and no password", name, s)
			}
		}
	}
}

// A database with a migration this build does not know is refused with
// DatabaseNewer and not changed: no migration recorded, no table added.
func TestOpenDatabaseFromNewerSteward(t *testing.T) {
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
	defer conn.Close(ctx)
	newer := store.LatestPostgresVersion() + 1
	if _, err := conn.Exec(ctx, `INSERT INTO schema_migrations(version, name, applied_at) VALUES ($1, 'newer', 'x')`, newer); err != nil {
		t.Fatal(err)
	}
	state := func() string {
		var tables, migs int
		var members int
		if err := conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'),
			(SELECT count(*) FROM schema_migrations), (SELECT count(*) FROM members)`).Scan(&tables, &migs, &members); err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(tables, migs, members)
	}
	before := state()
	_, err = openWith(t, map[string]string{EnvDatabaseURL: raw})
	if !apperr.Is(err, apperr.DatabaseNewer) {
		t.Fatalf("Open = %v, want %s", err, apperr.DatabaseNewer)
	}
	_, pw := splitPassword(t, raw)
	if _, en := apperr.Describe(err, "en"); strings.Contains(en, pw) || !strings.Contains(en, fmt.Sprint(newer)) {
		t.Fatalf("error %q; want the version found and no password", en)
	}
	if after := state(); after != before {
		t.Fatalf("the refused database changed: %s -> %s (tables, migrations, members)", before, after)
	}
}
