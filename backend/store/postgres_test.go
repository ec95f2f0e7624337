package store_test

import (
	"context"
	"database/sql"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"

	"steward/backend/apperr"
	"steward/backend/store"
	"steward/backend/store/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func openPG(t *testing.T, u string) *store.Store {
	t.Helper()
	s, err := store.OpenPostgres(context.Background(), u, store.Options{})
	if err != nil {
		t.Fatalf("OpenPostgres: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenPostgres(t *testing.T) {
	ctx := context.Background()
	t.Run("OK_MigratesAndDescribesWithoutPassword", func(t *testing.T) {
		u := pgtest.URL(t)
		s := openPG(t, u)
		if s.Dialect() != store.Postgres || s.Pool() == nil {
			t.Fatalf("dialect %v, pool %v", s.Dialect(), s.Pool())
		}
		pu, _ := url.Parse(u)
		pw, _ := pu.User.Password()
		if strings.Contains(s.Path(), pw) || !strings.Contains(s.Path(), pu.Host) {
			t.Errorf("Path() = %q: want host, no password", s.Path())
		}
		v, err := s.SchemaVersion(ctx)
		if err != nil || v != store.LatestPostgresVersion() {
			t.Fatalf("schema version %d, %v; want %d", v, err, store.LatestPostgresVersion())
		}
		if err := s.Ping(ctx); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("OK_ConcurrentReplicasMigrateOnce", func(t *testing.T) {
		u := pgtest.URL(t)
		var wg sync.WaitGroup
		errs := make([]error, 4)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s, err := store.OpenPostgres(ctx, u, store.Options{})
				if err == nil {
					s.Close()
				}
				errs[i] = err
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatalf("concurrent open: %v", err)
			}
		}
		s := openPG(t, u)
		var n, distinct int
		s.Read().QueryRow(`SELECT count(*), count(DISTINCT version) FROM schema_migrations`).Scan(&n, &distinct)
		if n != distinct || n == 0 {
			t.Errorf("schema_migrations rows %d, distinct %d", n, distinct)
		}
	})
	t.Run("OK_NocaseCollation", func(t *testing.T) {
		s := openPG(t, pgtest.URL(t))
		err := s.Write(ctx, func(tx *sql.Tx) error {
			_, err := tx.Exec(`INSERT INTO members(name, created_at) VALUES (?, ?)`, "Ann", "2026-01-01T00:00:00Z")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		var id int64
		if err := s.Read().QueryRow(`SELECT id FROM members WHERE name = ? COLLATE NOCASE`, "aNN").Scan(&id); err != nil {
			t.Fatalf("case-insensitive lookup: %v", err)
		}
		err = s.Write(ctx, func(tx *sql.Tx) error {
			_, err := tx.Exec(`INSERT INTO members(name, created_at) VALUES (?, ?)`, "ANN", "2026-01-01T00:00:00Z")
			return err
		})
		if err == nil {
			t.Error("a second current member ANN was accepted beside Ann")
		}
	})
	t.Run("OK_BoolsAreIntegers", func(t *testing.T) {
		s := openPG(t, pgtest.URL(t))
		err := s.Write(ctx, func(tx *sql.Tx) error {
			_, err := tx.Exec(`INSERT INTO gateway_drills(at, passed, results) VALUES (?, ?, ?), (?, ?, ?)`,
				"a", true, "[]", "b", false, "[]")
			return err
		})
		if err != nil {
			t.Fatalf("bool into a BIGINT flag: %v", err)
		}
		var passed bool
		var sum int
		if err := s.Read().QueryRow(`SELECT passed, (SELECT sum(passed) FROM gateway_drills) FROM gateway_drills WHERE at = 'a'`).Scan(&passed, &sum); err != nil || !passed || sum != 1 {
			t.Errorf("passed = %v, sum = %d, %v", passed, sum, err)
		}
	})
	t.Run("Err_WrongPassword", func(t *testing.T) {
		u, _ := url.Parse(pgtest.URL(t))
		u.User = url.UserPassword(u.User.Username(), "not-the-password-x9")
		_, err := store.OpenPostgres(ctx, u.String(), store.Options{})
		assertCode(t, err, store.DatabaseAuth)
		if strings.Contains(err.Error(), "not-the-password-x9") {
			t.Errorf("error shows the password: %v", err)
		}
	})
	t.Run("Err_DatabaseMissing", func(t *testing.T) {
		u, _ := url.Parse(pgtest.URL(t))
		u.Path = "/no_such_db"
		_, err := store.OpenPostgres(ctx, u.String(), store.Options{})
		assertCode(t, err, store.DatabaseMissing)
		if !strings.Contains(err.Error(), "no_such_db") {
			t.Errorf("error does not name the database: %v", err)
		}
	})
	t.Run("Err_ServerDown", func(t *testing.T) {
		srv := pgtest.NewServer(t)
		u, _ := url.Parse(srv.URL(t))
		if err := srv.Stop(); err != nil {
			t.Fatal(err)
		}
		_, err := store.OpenPostgres(ctx, u.String(), store.Options{})
		assertCode(t, err, store.DatabaseUnreachable)
		pw, _ := u.User.Password()
		if !strings.Contains(err.Error(), u.Port()) || strings.Contains(err.Error(), pw) {
			t.Errorf("error should name the port, not the password: %v", err)
		}
		if zh := apperrMessage(err, "zh-CN"); !strings.Contains(zh, "PostgreSQL") {
			t.Errorf("zh-CN message = %q", zh)
		}
		if err := srv.Start(); err != nil {
			t.Fatal(err)
		}
		openPG(t, u.String())
	})
	t.Run("OK_RecoversAfterRestart", func(t *testing.T) {
		srv := pgtest.NewServer(t)
		s := openPG(t, srv.URL(t))
		put := func(v string) error {
			return s.Write(ctx, func(tx *sql.Tx) error {
				_, err := tx.Exec(`INSERT INTO settings(key, value) VALUES ('k', ?)
					ON CONFLICT(key) DO UPDATE SET value = excluded.value`, v)
				return err
			})
		}
		if err := put("before"); err != nil {
			t.Fatal(err)
		}
		if err := srv.Stop(); err != nil {
			t.Fatal(err)
		}
		if err := put("down"); err == nil {
			t.Fatal("a write succeeded while PostgreSQL was down")
		}
		if s.Ping(ctx) == nil {
			t.Error("Ping succeeded while PostgreSQL was down")
		}
		if err := srv.Start(); err != nil {
			t.Fatal(err)
		}
		var err error
		for range 3 { // pooled connections to the old server fail once each at most
			if err = put("after"); err == nil {
				break
			}
		}
		if err != nil {
			t.Fatalf("write after restart: %v", err)
		}
		var v string
		if err := s.Read().QueryRow(`SELECT value FROM settings WHERE key = 'k'`).Scan(&v); err != nil || v != "after" {
			t.Errorf("value = %q, %v", v, err)
		}
	})
	t.Run("Err_BadURL", func(t *testing.T) {
		_, err := store.OpenPostgres(ctx, "postgres://u:sekret-pw@host:notaport/db", store.Options{})
		assertCode(t, err, store.DatabaseURLInvalid)
		if strings.Contains(err.Error(), "sekret-pw") {
			t.Errorf("error shows the password: %v", err)
		}
	})
}

func assertCode(t *testing.T, err error, code apperr.Code) {
	t.Helper()
	var ae *apperr.Error
	if !asAppErr(err, &ae) || ae.Code != code {
		t.Fatalf("error = %v; want code %s", err, code)
	}
}
