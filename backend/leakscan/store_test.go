package leakscan

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"steward/backend/apperr"
	"steward/backend/secret"
	"steward/backend/secret/fakekey"
	"steward/backend/store"
)

func openStore(t *testing.T) (*store.Store, string) {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(context.Background(), dir, store.Options{})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st, dir
}

// TestStore saves scans, lists the last scan of each folder and reads the
// findings back, and never writes a key to the database.
func TestStore(t *testing.T) {
	ctx := context.Background()
	g := fakekey.New(51)
	st, dataDir := openStore(t)
	key, registered := g.Project(), g.Legacy()
	lookup := func(fp string) (string, string, bool) { return "ana", "prod", fp == secret.Fingerprint(registered) }
	s := NewStore(st, lookup)

	dirA, dirB := t.TempDir(), t.TempDir()
	writeFiles(t, dirA, map[string]string{"a.py": "k = '" + key + "'\nr = '" + registered + "'\n"})
	writeFiles(t, dirB, map[string]string{"b.txt": "clean\n"})
	first := scanDir(t, dirA, Options{})
	both, err := Scan(ctx, Options{Roots: []string{dirA, dirB}})
	if err != nil {
		t.Fatal(err)
	}
	firstID, err := s.Save(ctx, first)
	if err != nil {
		t.Fatalf("Save: %v", err)
	}
	bothID, err := s.Save(ctx, both)
	if err != nil {
		t.Fatalf("Save: %v", err)
	}

	t.Run("OK_LastScanPerFolder", func(t *testing.T) {
		last, err := s.LastScans(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(last) != 2 {
			t.Fatalf("last scans = %+v", last)
		}
		byRoot := map[string]ScanSummary{last[0].Root: last[0], last[1].Root: last[1]}
		a, b := byRoot[dirA], byRoot[dirB]
		if a.ID != bothID || a.Findings != 2 || a.Clean || a.Status != StatusCompleted || len(a.Roots) != 2 {
			t.Errorf("folder A = %+v", a)
		}
		if b.ID != bothID || b.Findings != 0 || !b.Clean || b.Files != both.Stats.Files {
			t.Errorf("folder B = %+v", b)
		}
		if !a.StartedAt.Equal(both.StartedAt) {
			t.Errorf("started %v, want %v", a.StartedAt, both.StartedAt)
		}
	})
	t.Run("OK_FindingsWithRegister", func(t *testing.T) {
		fs, err := s.Findings(ctx, firstID)
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) != 2 || fs[0].Severity != SeverityCritical || fs[0].Member != "ana" || fs[0].Line != 2 ||
			fs[1].Fingerprint != secret.Fingerprint(key) || fs[1].Root != dirA || fs[1].Column != 6 {
			t.Errorf("findings = %+v", fs)
		}
	})
	t.Run("OK_Summary", func(t *testing.T) {
		sum, err := s.Summary(ctx, firstID)
		if err != nil || sum.Findings != 2 || sum.Roots[0] != dirA {
			t.Errorf("summary = %+v, %v", sum, err)
		}
		if _, err := s.Summary(ctx, 999); !apperr.Is(err, apperr.NotFound) {
			t.Errorf("missing scan: %v", err)
		}
	})
	t.Run("OK_DeleteCascades", func(t *testing.T) {
		err := st.Write(ctx, func(tx *sql.Tx) error {
			_, err := tx.Exec(`DELETE FROM leak_scans WHERE id = ?`, firstID)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		var n int
		st.Read().QueryRow(`SELECT count(*) FROM leak_findings WHERE scan_id = ?`, firstID).Scan(&n)
		if n != 0 {
			t.Errorf("%d findings outlived their scan", n)
		}
	})
	t.Run("OK_NoKeyInDatabase", func(t *testing.T) {
		st.Write(ctx, func(tx *sql.Tx) error { _, err := tx.Exec(`PRAGMA wal_checkpoint(FULL)`); return err })
		entries, _ := os.ReadDir(dataDir)
		for _, e := range entries {
			b, _ := os.ReadFile(filepath.Join(dataDir, e.Name()))
			for _, k := range []string{key, registered, key[20:60]} {
				if bytes.Contains(b, []byte(k)) {
					t.Errorf("%s holds a key", e.Name())
				}
			}
		}
	})
}

// TestStoreKeepsCancelledScans records how a scan ended.
func TestStoreKeepsCancelledScans(t *testing.T) {
	ctx := context.Background()
	st, _ := openStore(t)
	s := NewStore(st, nil)
	r := &Result{Roots: []string{"/x"}, StartedAt: time.Now(), FinishedAt: time.Now(), Status: StatusCancelled,
		Error: "context canceled"}
	if _, err := s.Save(ctx, r); err != nil {
		t.Fatal(err)
	}
	last, err := s.LastScans(ctx)
	if err != nil || len(last) != 1 || last[0].Status != StatusCancelled || last[0].Clean || last[0].Error != "context canceled" {
		t.Fatalf("last = %+v, %v", last, err)
	}
}
