package store

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"steward/backend/apperr"
)

func open(t *testing.T, dir string) *Store {
	t.Helper()
	s, err := Open(context.Background(), dir, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpen(t *testing.T) {
	t.Run("OK_CreatesPrivateFiles", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "data")
		s := open(t, dir)
		if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o700 {
			t.Errorf("dir mode = %v, want 0700", fi.Mode().Perm())
		}
		if fi, _ := os.Stat(s.Path()); fi.Mode().Perm() != 0o600 {
			t.Errorf("file mode = %v, want 0600", fi.Mode().Perm())
		}
		v, err := s.SchemaVersion(context.Background())
		if err != nil || v != LatestVersion() {
			t.Fatalf("schema version = %d, %v; want %d", v, err, LatestVersion())
		}
	})
	t.Run("OK_PragmasOnEveryConnection", func(t *testing.T) {
		s := open(t, t.TempDir())
		for _, db := range []*sql.DB{s.write, s.read} {
			var fk int
			var mode string
			db.QueryRow(`PRAGMA foreign_keys`).Scan(&fk)
			db.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
			if fk != 1 || mode != "wal" {
				t.Errorf("foreign_keys=%d journal_mode=%s", fk, mode)
			}
		}
	})
	t.Run("OK_ReopenKeepsData", func(t *testing.T) {
		dir := t.TempDir()
		s := open(t, dir)
		err := s.Write(context.Background(), func(tx *sql.Tx) error {
			_, err := tx.Exec(`INSERT INTO settings(key, value) VALUES ('k', 'v')`)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		s2 := open(t, dir)
		var v string
		if err := s2.Read().QueryRow(`SELECT value FROM settings WHERE key='k'`).Scan(&v); err != nil || v != "v" {
			t.Fatalf("value = %q, %v", v, err)
		}
		var n int
		s2.Read().QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n)
		if n != len(migrationFiles()) {
			t.Fatalf("recorded migrations = %d", n)
		}
	})
}

func TestOpenRefuses(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, path string)
		code    apperr.Code
	}{
		{"ErrNotSQLite", func(t *testing.T, path string) {
			os.WriteFile(path, []byte("this is a text file, not a database\n"), 0o600)
		}, apperr.DatabaseCorrupt},
		{"ErrCorruptPages", func(t *testing.T, path string) {
			makeDB(t, path)
			b, _ := os.ReadFile(path)
			for i := 100; i < len(b); i++ { // keep the header, ruin the rest
				b[i] = 0xA5
			}
			os.WriteFile(path, b, 0o600)
		}, apperr.DatabaseCorrupt},
		{"ErrNewerSchema", func(t *testing.T, path string) {
			db := makeDB(t, path)
			_ = db
			raw, _ := sql.Open("sqlite", path)
			defer raw.Close()
			if _, err := raw.Exec(`PRAGMA user_version = 999`); err != nil {
				t.Fatal(err)
			}
		}, apperr.DatabaseNewer},
		{"ErrUnknownMigrationRecorded", func(t *testing.T, path string) {
			makeDB(t, path)
			raw, _ := sql.Open("sqlite", path)
			defer raw.Close()
			if _, err := raw.Exec(`INSERT INTO schema_migrations VALUES (9001, 'from the future', '2030-01-01T00:00:00Z')`); err != nil {
				t.Fatal(err)
			}
		}, apperr.DatabaseNewer},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			tt.prepare(t, path)
			before, _ := os.ReadFile(path)
			_, err := Open(context.Background(), dir, Options{})
			if !apperr.Is(err, tt.code) {
				t.Fatalf("Open error = %v; want code %s", err, tt.code)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Fatal("the refused file was modified")
			}
		})
	}
}

func TestOpenUnwritableDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write anywhere; the permission check cannot fail")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	_, err := Open(context.Background(), filepath.Join(dir, "sub"), Options{})
	if !apperr.Is(err, apperr.DataDirUnusable) {
		t.Fatalf("err = %v", err)
	}
}

func TestOpenDataDirIsAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, []byte("x"), 0o600)
	_, err := Open(context.Background(), file, Options{})
	if !apperr.Is(err, apperr.DataDirUnusable) {
		t.Fatalf("err = %v", err)
	}
}

func TestBackup(t *testing.T) {
	ctx := context.Background()
	s := open(t, t.TempDir())
	s.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO settings(key, value) VALUES ('language', 'zh-CN')`)
		return err
	})
	dest := filepath.Join(t.TempDir(), "copy.db")
	os.WriteFile(dest, []byte("old backup"), 0o600) // an existing file is replaced whole
	if err := s.Backup(ctx, dest); err != nil {
		t.Fatalf("Backup: %v", err)
	}
	if fi, _ := os.Stat(dest); fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode = %v", fi.Mode().Perm())
	}
	copyDir := t.TempDir()
	b, _ := os.ReadFile(dest)
	os.WriteFile(filepath.Join(copyDir, FileName), b, 0o600)
	c := open(t, copyDir)
	var v string
	if err := c.Read().QueryRow(`SELECT value FROM settings WHERE key='language'`).Scan(&v); err != nil || v != "zh-CN" {
		t.Fatalf("backup value = %q, %v", v, err)
	}

	t.Run("ErrUnwritableDestination", func(t *testing.T) {
		err := s.Backup(ctx, filepath.Join(t.TempDir(), "missing", "x.db"))
		if !apperr.Is(err, apperr.BackupFailed) {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestMigrationFailureLeavesNoHalfState(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	bad := migration{version: 99, name: "broken", sql: `CREATE TABLE half(x); INSERT INTO nowhere VALUES (1);`}
	if err := s.apply(context.Background(), bad); err == nil {
		t.Fatal("a broken migration applied")
	}
	var n int
	s.Read().QueryRow(`SELECT count(*) FROM sqlite_master WHERE name='half'`).Scan(&n)
	v, _ := s.SchemaVersion(context.Background())
	if n != 0 || v != LatestVersion() {
		t.Fatalf("after failed migration: table half=%d version=%d", n, v)
	}
}

// makeDB creates a populated database file at path and closes it.
func makeDB(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Dir(path), Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Write(context.Background(), func(tx *sql.Tx) error {
		for i := 0; i < 200; i++ {
			tx.Exec(`INSERT INTO settings(key, value) VALUES (?, ?)`, i, "some value to fill a few pages")
		}
		return nil
	})
	s.Close()
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	return s
}
