package leakscan

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"steward/backend/apperr"
	"steward/backend/secret"
	"steward/backend/secret/fakekey"
)

// TestScanAndSaveFolderByFolder: a missing folder is refused and never
// replaces the other folder's last scan; a registered key stays leaked
// through a failed scan of its folder and a scan of another folder, and
// is cleared only by a later completed scan of the same folder without it.
func TestScanAndSaveFolderByFolder(t *testing.T) {
	ctx := context.Background()
	g := fakekey.New(81)
	st, _ := openStore(t)
	key := g.Project()
	fp := secret.Fingerprint(key)
	s := NewStore(st, nil)
	good, other := t.TempDir(), t.TempDir()
	missing := filepath.Join(t.TempDir(), "missing")
	writeFiles(t, good, map[string]string{"a.py": "k = '" + key + "'\n"})

	var mu sync.Mutex
	dones, final := 0, Progress{}
	progress := func(p Progress) {
		mu.Lock()
		defer mu.Unlock()
		if p.Done {
			dones++
		}
		final = p
	}
	res, err := ScanAndSave(ctx, s, Options{Roots: []string{good, missing}, Progress: progress})
	if dones != 1 || !final.Done || final.Files != 1 {
		t.Fatalf("progress: %d final reports, last %+v", dones, final)
	}
	if !apperr.Is(err, CodeRootMissing) || len(res.Findings) != 1 || res.Status != StatusFailed {
		t.Fatalf("scan = %+v, %v", res, err)
	}
	if _, err := CheckRoot(missing); !apperr.Is(err, CodeRootMissing) {
		t.Fatalf("CheckRoot(missing) = %v", err)
	}
	last, err := s.LastScans(ctx)
	if err != nil || len(last) != 1 || last[0].Root != good || last[0].Status != StatusCompleted || last[0].Findings != 1 {
		t.Fatalf("last scans = %+v, %v", last, err)
	}
	leaked := func() bool {
		t.Helper()
		m, err := s.LeakedFingerprints(ctx)
		if err != nil {
			t.Fatal(err)
		}
		_, ok := m[fp]
		return ok
	}
	if !leaked() {
		t.Fatal("the key is not leaked after the scan that found it")
	}
	now := time.Now()
	if _, err := s.Save(ctx, &Result{Roots: []string{good}, Status: StatusFailed, StartedAt: now, FinishedAt: now}); err != nil {
		t.Fatal(err)
	}
	if _, err := ScanAndSave(ctx, s, Options{Roots: []string{other}}); err != nil {
		t.Fatal(err)
	}
	if !leaked() {
		t.Fatal("a failed scan of the folder, or a scan of another folder, cleared the leak")
	}
	writeFiles(t, good, map[string]string{"a.py": "k = 'rotated'\n"})
	if _, err := ScanAndSave(ctx, s, Options{Roots: []string{good}}); err != nil {
		t.Fatal(err)
	}
	if leaked() {
		t.Fatal("a completed scan of the folder without the key left it leaked")
	}
}
