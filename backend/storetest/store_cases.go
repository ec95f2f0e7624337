package storetest

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"steward/backend/apperr"
	"steward/backend/store"
)

// RunStore checks the store itself: migrations, reopening, refusing a
// newer database, write transactions, and the portable SQL dialect.
func RunStore(t *testing.T, open Opener, reopen Reopener) {
	ctx := context.Background()
	t.Run("MigrationsRecorded", func(t *testing.T) {
		s := open(t)
		var n, top int
		if err := s.Read().QueryRowContext(ctx, `SELECT count(*), max(version) FROM schema_migrations`).Scan(&n, &top); err != nil {
			t.Fatal(err)
		}
		v, err := s.SchemaVersion(ctx)
		if err != nil || n == 0 || v != top {
			t.Fatalf("%d migrations up to %d; SchemaVersion %d, %v", n, top, v, err)
		}
		if err := s.Ping(ctx); err != nil {
			t.Errorf("Ping: %v", err)
		}
	})
	t.Run("ReopenIsIdempotent", func(t *testing.T) {
		s := open(t)
		setSetting(t, s, "k", "v")
		before := migrationCount(t, s)
		s2, err := reopen(t, s)
		if err != nil {
			t.Fatalf("reopen: %v", err)
		}
		defer s2.Close()
		if got := migrationCount(t, s2); got != before {
			t.Errorf("migrations after reopen = %d, want %d", got, before)
		}
		if got := setting(t, s2, "k"); got != "v" {
			t.Errorf("setting after reopen = %q, want v", got)
		}
	})
	t.Run("NewerDatabaseRefused", func(t *testing.T) {
		s := open(t)
		err := s.Write(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)`,
				9999, "from_the_future", "2099-01-01T00:00:00Z")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		s2, err := reopen(t, s)
		if err == nil {
			s2.Close()
			t.Fatal("a database from a newer Steward was opened")
		}
		if apperr.CodeOf(err) != apperr.DatabaseNewer {
			t.Fatalf("error = %v, want %s", err, apperr.DatabaseNewer)
		}
		if got := migrationCount(t, s); got == 0 {
			t.Error("the refused database was changed")
		}
	})
	t.Run("WriteRollsBackOnError", func(t *testing.T) {
		s := open(t)
		boom := errors.New("boom")
		err := s.Write(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, `INSERT INTO settings(key, value) VALUES (?, ?)`, "k", "v"); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("Write = %v, want boom", err)
		}
		if got := setting(t, s, "k"); got != "" {
			t.Errorf("rolled-back row is there: %q", got)
		}
	})
	t.Run("PortableSQL", func(t *testing.T) { portableSQL(t, open(t)) })
}

// portableSQL runs the statements domain code writes once for both engines.
func portableSQL(t *testing.T, s *store.Store) {
	ctx := context.Background()
	setSetting(t, s, "k", "one")
	setSetting(t, s, "k", "two") // ON CONFLICT … DO UPDATE
	if got := setting(t, s, "k"); got != "two" {
		t.Errorf("after upsert: %q, want two", got)
	}
	var id1, id2 int64
	err := s.Write(ctx, func(tx *sql.Tx) error {
		for _, p := range []struct {
			name string
			id   *int64
		}{{"Ann?", &id1}, {"it's Bob", &id2}} {
			err := tx.QueryRowContext(ctx, `INSERT INTO members(name, created_at) VALUES (?, ?) RETURNING id`,
				p.name, "2026-01-01T00:00:00Z").Scan(p.id)
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil || id1 == 0 || id2 <= id1 {
		t.Fatalf("RETURNING ids %d, %d: %v", id1, id2, err)
	}
	var name string
	err = s.Read().QueryRowContext(ctx, `SELECT name FROM members WHERE name = 'Ann?' AND id = ? -- a comment with ?
		AND created_at = ?`, id1, "2026-01-01T00:00:00Z").Scan(&name)
	if err != nil || name != "Ann?" {
		t.Errorf("? inside quotes and comments: %q, %v", name, err)
	}
	err = s.Read().QueryRowContext(ctx, `SELECT name FROM members WHERE name = ? COLLATE NOCASE`, "IT'S BOB").Scan(&name)
	if err != nil || name != "it's Bob" {
		t.Errorf("COLLATE NOCASE lookup: %q, %v", name, err)
	}
	err = s.Write(ctx, func(tx *sql.Tx) error { // a Go bool is a 0/1 flag on both engines
		_, err := tx.ExecContext(ctx, `INSERT INTO gateway_drills(at, passed, results) VALUES (?, ?, '[]'), (?, ?, '[]')`,
			"a", true, "b", false)
		return err
	})
	var passed bool
	var sum int
	if err == nil {
		err = s.Read().QueryRowContext(ctx, `SELECT passed, (SELECT sum(passed) FROM gateway_drills)
			FROM gateway_drills WHERE at = 'a'`).Scan(&passed, &sum)
	}
	if err != nil || !passed || sum != 1 {
		t.Errorf("bool flags: passed %v, sum %d, %v", passed, sum, err)
	}
}

func setSetting(t *testing.T, s *store.Store, k, v string) {
	t.Helper()
	err := s.Write(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO settings(key, value) VALUES (?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value`, k, v)
		return err
	})
	if err != nil {
		t.Fatalf("set %s: %v", k, err)
	}
}

func setting(t *testing.T, s *store.Store, k string) string {
	t.Helper()
	var v string
	err := s.Read().QueryRow(`SELECT value FROM settings WHERE key = ?`, k).Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		t.Fatalf("read %s: %v", k, err)
	}
	return v
}

func migrationCount(t *testing.T, s *store.Store) int {
	t.Helper()
	var n int
	if err := s.Read().QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
