package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"steward/backend/apperr"
)

// limitPages caps the database at its current size plus extra pages, so
// the next writes meet SQLITE_FULL as on a full disk.
func limitPages(t *testing.T, s *Store, extra int) {
	t.Helper()
	err := s.Write(context.Background(), func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRow(`PRAGMA page_count`).Scan(&n); err != nil {
			return err
		}
		_, err := tx.Exec(`PRAGMA max_page_count = ` + strconv.Itoa(n+extra))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// makeFiller creates the table fill writes to.
func makeFiller(t *testing.T, s *Store) {
	t.Helper()
	if err := s.Write(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.Exec(`CREATE TABLE IF NOT EXISTS filler(b BLOB)`)
		return err
	}); err != nil {
		t.Fatal(err)
	}
}

// fill writes blobs until a write fails, and returns that error.
func fill(t *testing.T, s *Store) error {
	t.Helper()
	ctx := context.Background()
	for range 10000 {
		if err := s.Write(ctx, func(tx *sql.Tx) error {
			_, err := tx.Exec(`INSERT INTO filler(b) VALUES (randomblob(65536))`)
			return err
		}); err != nil {
			return err
		}
	}
	t.Fatal("the database never filled up")
	return nil
}

// assertDiskFull checks err names a full disk, in both languages, and
// never calls the database corrupt.
func assertDiskFull(t *testing.T, err error) {
	t.Helper()
	if !apperr.Is(err, apperr.DiskFull) {
		t.Fatalf("err = %v, want %s", err, apperr.DiskFull)
	}
	for _, lang := range []string{"en", "zh-CN"} {
		_, msg := apperr.Describe(err, lang)
		if strings.Contains(strings.ToLower(msg), "corrupt") || strings.Contains(msg, "损坏") || !(strings.Contains(msg, "full") || strings.Contains(msg, "已满")) {
			t.Errorf("%s message: %s", lang, msg)
		}
	}
}

// TestSQLiteFullIsNamedDiskFull: SQLITE_FULL (a page limit on a real file)
// is a disk_full error, CheckRoom says so, and writing resumes once there
// is room again.
func TestSQLiteFullIsNamedDiskFull(t *testing.T) {
	s, err := Open(context.Background(), t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	makeFiller(t, s)
	limitPages(t, s, 40)
	assertDiskFull(t, fill(t, s))
	assertDiskFull(t, s.CheckRoom(context.Background()))
	limitPages(t, s, 1000)
	if err := s.CheckRoom(context.Background()); err != nil {
		t.Fatalf("room again: %v", err)
	}
	if err := s.Write(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO filler(b) VALUES (randomblob(100))`)
		return err
	}); err != nil {
		t.Fatalf("writing did not resume: %v", err)
	}
}

// TestFullFilesystem fills a real (tmpfs) file system under a healthy
// database: writes, CheckRoom and opening it again name a full disk, never
// corruption; freeing space lets writing resume. Mounting needs root.
func TestFullFilesystem(t *testing.T) {
	dir := MountTinyTmpfs(t, "2m")
	ctx := context.Background()
	s, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	makeFiller(t, s)
	s.Close() // a clean close removes the -wal and -shm files; opening must create them again
	ballast := filepath.Join(dir, "ballast")
	FillDisk(t, ballast)
	if s2, err := Open(ctx, dir, Options{}); err != nil {
		if apperr.Is(err, apperr.DatabaseCorrupt) {
			t.Fatalf("a healthy database on a full disk was called corrupt: %v", err)
		}
		assertDiskFull(t, err)
	} else {
		assertDiskFull(t, s2.CheckRoom(ctx))
		s2.Close()
	}
	os.Remove(ballast)

	s, err = Open(ctx, dir, Options{})
	if err != nil {
		t.Fatalf("reopen with room: %v", err)
	}
	defer s.Close()
	FillDisk(t, ballast)
	assertDiskFull(t, fill(t, s))
	assertDiskFull(t, s.CheckRoom(ctx))
	os.Remove(ballast)
	if err := s.CheckRoom(ctx); err != nil {
		t.Fatalf("room again: %v", err)
	}
	if err := s.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO filler(b) VALUES (randomblob(100))`)
		return err
	}); err != nil {
		t.Fatalf("writing did not resume: %v", err)
	}
}

// MountTinyTmpfs mounts a tmpfs of size (e.g. "2m") on a fresh folder and
// returns it, or skips the test when not root (mounting needs it).
func MountTinyTmpfs(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a tiny tmpfs to fill needs root; TestSQLiteFullIsNamedDiskFull covers SQLITE_FULL unprivileged")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size+",mode=0700", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s)", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

// FillDisk writes path until the file system is full.
func FillDisk(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 4096)
	for {
		if _, err := f.Write(buf); err != nil {
			if !errors.Is(err, os.ErrNotExist) && IsDiskFull(err) {
				return
			}
			t.Fatalf("filling the disk: %v", err)
		}
	}
}
