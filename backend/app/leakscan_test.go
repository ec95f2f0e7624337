package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"steward/backend/apperr"
	"steward/backend/leakscan"
	"steward/backend/secret/fakekey"
)

// TestScanFoldersSavesEachFolder: the window's scan of a good folder and a
// missing one saves the good folder's scan, names the missing one in a
// leak_root_missing error, and never saves a scan for it; the missing
// folder is refused when it is added.
func TestScanFoldersSavesEachFolder(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	good := t.TempDir()
	missing := filepath.Join(t.TempDir(), "gone")
	if err := os.WriteFile(filepath.Join(good, "config.py"), []byte("k = \""+fakekey.New(7).Project()+"\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if abs, err := s.LeakScan.CheckFolder(ctx, good); err != nil || abs != good {
		t.Fatalf("CheckFolder(good) = %q, %v", abs, err)
	}
	if _, err := s.LeakScan.CheckFolder(ctx, missing); !apperr.Is(err, leakscan.CodeRootMissing) || !strings.Contains(err.Error(), "gone") {
		t.Fatalf("CheckFolder(missing) = %v, want leak_root_missing naming it", err)
	}
	res, err := s.LeakScan.ScanFolders(ctx, ScanRequest{Paths: []string{good, missing}})
	if !apperr.Is(err, leakscan.CodeRootMissing) || res == nil || len(res.Findings) != 1 {
		t.Fatalf("ScanFolders = %+v, %v", res, err)
	}
	last, err := s.LeakScan.LastScans(ctx)
	if err != nil || len(last) != 1 || last[0].Root != good || last[0].Status != leakscan.StatusCompleted || last[0].Findings != 1 {
		t.Fatalf("LastScans = %+v, %v", last, err)
	}
}

// TestScanFoldersMaxFileSize: the window passes a size cap as the CLI's
// --max-file-size does; larger files are listed as skipped, and a negative
// cap is refused.
func TestScanFoldersMaxFileSize(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "big.log"), []byte(strings.Repeat("x", 4096)), 0o600); err != nil {
		t.Fatal(err)
	}
	res, err := s.LeakScan.ScanFolders(ctx, ScanRequest{Paths: []string{dir}, MaxFileSize: 1024})
	if err != nil || len(res.Skipped) != 1 || res.Skipped[0].File != "big.log" {
		t.Fatalf("ScanFolders = %+v, %v", res, err)
	}
	if _, err := s.LeakScan.ScanFolders(ctx, ScanRequest{Paths: []string{dir}, MaxFileSize: -1}); !apperr.Is(err, apperr.Invalid) {
		t.Fatalf("a negative cap: %v", err)
	}
}
