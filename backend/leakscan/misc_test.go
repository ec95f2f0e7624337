package leakscan

import (
	"context"
	"path/filepath"
	"testing"

	"steward/backend/secret/fakekey"
)

// TestVanishedFileIsSkipped: a file gone between walk and read is reported.
func TestVanishedFileIsSkipped(t *testing.T) {
	dir := t.TempDir()
	c := &collector{}
	scanFile(context.Background(), newStreamScanner(nil), fileJob{root: dir, abs: filepath.Join(dir, "gone.txt"), rel: "gone.txt"}, c)
	if len(c.skipped) != 1 || c.skipped[0].Reason != "not readable: no such file or directory" {
		t.Fatalf("skipped = %+v", c.skipped)
	}
}

// TestSingleFileRoot scans a file given as a root.
func TestSingleFileRoot(t *testing.T) {
	g := fakekey.New(81)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"one.env": "OPENAI_API_KEY=" + g.Legacy() + "\n"})
	r := scanDir(t, filepath.Join(dir, "one.env"), Options{})
	if got := findingsSummary(r.Findings); len(got) != 1 || got[0] != "openai-legacy-key one.env:1:16" {
		t.Fatalf("findings = %q", got)
	}
}

// TestRootsInOneRepositoryScanItsHistoryOnce.
func TestRootsInOneRepositoryScanItsHistoryOnce(t *testing.T) {
	g := fakekey.New(82)
	repo := newTestRepo(t)
	repo.commit("two folders", map[string]string{"a/k.txt": g.Legacy() + "\n", "b/readme": "hi\n"})
	r, err := Scan(context.Background(), Options{Roots: []string{filepath.Join(repo.dir, "a"), filepath.Join(repo.dir, "b")}, History: true})
	if err != nil {
		t.Fatal(err)
	}
	history := 0
	for _, f := range r.Findings {
		if f.Commit != "" {
			history++
		}
	}
	if history != 1 || r.Stats.Commits != 1 {
		t.Fatalf("history findings %d, commits %d; want 1 and 1", history, r.Stats.Commits)
	}
}

// TestExpandTemplates keeps braces that are not tokens.
func TestExpandTemplates(t *testing.T) {
	g := fakekey.New(1)
	got := g.Expand(`{"a": "{key}", "b": "{rep:x:3}", "c": {nope}}`, "K")
	if got != `{"a": "K", "b": "xxx", "c": {nope}}` {
		t.Fatalf("Expand = %s", got)
	}
	if n := len(g.Expand("{alnum:7}{body:5}", "")); n != 12 {
		t.Fatalf("length %d", n)
	}
}
