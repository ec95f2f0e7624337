package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"steward/backend/leakscan"
	"steward/backend/store"
)

// TestScanGoodAndMissingFolder: `steward scan GOOD MISSING` scans and saves
// GOOD, reports MISSING as an error and exits 2; GOOD's last scan is the
// completed one with its finding.
func TestScanGoodAndMissingFolder(t *testing.T) {
	dir, good := t.TempDir(), t.TempDir()
	missing := filepath.Join(t.TempDir(), "gone")
	os.WriteFile(filepath.Join(good, "config.py"), []byte("k = \""+fakeKey(t)+"\"\n"), 0o600)
	code, out, errOut := run(t, dir, "scan", good, missing, "--format", "json")
	if code != ExitError || !strings.Contains(errOut, "gone") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var rep struct {
		Findings []struct{ File string } `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Findings) != 1 || rep.Findings[0].File != "config.py" {
		t.Fatalf("report = %v %s", err, out)
	}
	st, err := store.Open(context.Background(), dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	last, err := leakscan.NewStore(st, nil).LastScans(context.Background())
	if err != nil || len(last) != 1 || last[0].Root != good || last[0].Status != leakscan.StatusCompleted || last[0].Findings != 1 {
		t.Fatalf("last scans = %+v, %v", last, err)
	}
}

// TestScanMaxFileSize: files over --max-file-size are listed as skipped in
// the report, with the cap.
func TestScanMaxFileSize(t *testing.T) {
	dir, tree := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(tree, "big.log"), []byte(strings.Repeat("x", 4096)+fakeKey(t)), 0o600)
	code, out, errOut := run(t, dir, "scan", tree, "--max-file-size", "2KB")
	if code != ExitOK || !strings.Contains(out, "Skipped (1)") || !strings.Contains(out, "big.log: larger than --max-file-size") {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	if code, _, errOut := run(t, dir, "scan", tree, "--max-file-size", "lots"); code != ExitError || !strings.Contains(errOut, "not a size") {
		t.Fatalf("bad size: %d %s", code, errOut)
	}
}
