package leakscan

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"steward/backend/apperr"
	"steward/backend/secret"
	"steward/backend/secret/fakekey"
)

// TestScanTree covers what a real tree holds: keys in every kind of file,
// binaries, .git internals, symlinks good and bad, unreadable files.
func TestScanTree(t *testing.T) {
	g := fakekey.New(21)
	dir := t.TempDir()
	legacy := g.Legacy()
	writeFiles(t, dir, map[string]string{
		"src/app.py":             "import openai\nclient = openai.OpenAI(api_key=\"" + g.Project() + "\")\n",
		"nb/analysis.ipynb":      `{"cells": [{"source": ["key = \"` + legacy + `\"\n"]}]}`,
		".env":                   "OPENAI_API_KEY=" + g.Alnum(40) + "\n",
		".env.example":           "OPENAI_API_KEY=" + g.Alnum(40) + "\n",
		"img/logo.png":           "\x89PNG\r\n\x1a\n\x00\x00" + g.Legacy(),
		".git/config":            "[remote] token = " + g.Legacy() + "\n",
		"sub/.git":               "gitdir: ../.git/modules/sub\n",
		"docs/placeholders.md":   "Use sk-... or sk-your-key-here or sk-proj-****abcd.\n",
		"real/target/linked.txt": "nothing\n",
	})
	mustSymlink(t, "../src/app.py", filepath.Join(dir, "links", "app-link.py"))
	mustSymlink(t, "missing.txt", filepath.Join(dir, "links", "broken"))
	mustSymlink(t, "..", filepath.Join(dir, "links", "loop-dir"))
	mustSymlink(t, "self", filepath.Join(dir, "links", "self"))

	r := scanDir(t, dir, Options{})
	got := findingsSummary(r.Findings)
	want := []string{
		"openai-legacy-key img/logo.png:3:3",
		"openai-project-key links/app-link.py:2:33",
		"openai-legacy-key nb/analysis.ipynb:1:33",
		"openai-project-key src/app.py:2:33",
		"openai-env-assignment .env:1:16",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings =\n%q\nwant\n%q", got, want)
	}
	wantSkipped := map[string]string{
		"links/broken": "broken symlink", "links/loop-dir": "symlink to a folder, not followed",
		"links/self": "symlink loop",
	}
	for _, s := range r.Skipped {
		if wantSkipped[s.File] != s.Reason {
			t.Errorf("skipped %s: %q, want %q", s.File, s.Reason, wantSkipped[s.File])
		}
		delete(wantSkipped, s.File)
	}
	if len(wantSkipped) > 0 {
		t.Errorf("not reported as skipped: %v", wantSkipped)
	}
	if r.Stats.BinaryFiles != 1 || r.Stats.Files != 8 || r.Status != StatusCompleted {
		t.Errorf("stats = %+v, status %s", r.Stats, r.Status)
	}
	if f := r.Findings[2]; f.Fingerprint != secret.Fingerprint(legacy) || f.Redacted != secret.Redact(legacy) || f.Root != dir {
		t.Errorf("finding = %+v", f)
	}
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("symlinks need privileges on Windows")
	}
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// TestUnreadableFileIsSkipped reports the file and goes on.
func TestUnreadableFileIsSkipped(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("file permissions do not bind here")
	}
	g := fakekey.New(22)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"locked.txt": g.Legacy(), "open.txt": g.Legacy(), "closed/a.txt": "x"})
	os.Chmod(filepath.Join(dir, "locked.txt"), 0)
	os.Chmod(filepath.Join(dir, "closed"), 0)
	t.Cleanup(func() { os.Chmod(filepath.Join(dir, "closed"), 0o755) })
	r := scanDir(t, dir, Options{})
	if len(r.Findings) != 1 || r.Findings[0].File != "open.txt" {
		t.Errorf("findings = %q", findingsSummary(r.Findings))
	}
	if len(r.Skipped) != 2 || r.Skipped[0].File != "closed" || r.Skipped[1].Reason != "not readable: permission denied" {
		t.Errorf("skipped = %+v", r.Skipped)
	}
}

// TestRespectGitignore honours .gitignore files at every level.
func TestRespectGitignore(t *testing.T) {
	g := fakekey.New(23)
	dir := t.TempDir()
	files := map[string]string{
		".gitignore":            "*.log\n!keep.log\nbuild/\n/top.txt\ndocs/**/secret.md\n\\#hash.txt\n",
		"app.log":               "",
		"keep.log":              "",
		"build/out.txt":         "",
		"top.txt":               "",
		"nested/top.txt":        "",
		"docs/a/b/secret.md":    "",
		"docs/secret.md":        "",
		"#hash.txt":             "",
		"pkg/.gitignore":        "generated.go\n",
		"pkg/generated.go":      "",
		"pkg/sub/generated.go":  "",
		"other/generated.go":    "",
		"node_modules/.ignored": "",
	}
	for name := range files {
		if name != ".gitignore" && name != "pkg/.gitignore" {
			files[name] = g.Legacy()
		}
	}
	writeFiles(t, dir, files)
	want := []string{"keep.log", "nested/top.txt", "node_modules/.ignored", "other/generated.go"}

	r := scanDir(t, dir, Options{RespectGitignore: true})
	var got []string
	for _, f := range r.Findings {
		got = append(got, f.File)
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("files with findings = %q, want %q", got, want)
	}
	if all := scanDir(t, dir, Options{}); len(all.Findings) != len(files)-2 {
		t.Errorf("without RespectGitignore: %d findings, want %d", len(all.Findings), len(files)-2)
	}
}

// TestLookupAndBaseline: a registered key is critical and named; a key the
// baseline accepts is hidden and counted.
func TestLookupAndBaseline(t *testing.T) {
	g := fakekey.New(24)
	dir := t.TempDir()
	mine, accepted, other := g.Project(), g.Legacy(), g.Admin()
	writeFiles(t, dir, map[string]string{"a.txt": mine + "\n" + accepted + "\n" + other + "\n"})
	lookup := func(fp string) (string, string, bool) {
		return "ana", "CI key", fp == secret.Fingerprint(mine)
	}
	base := NewBaseline([]LeakFinding{{Fingerprint: secret.Fingerprint(accepted)}})
	r := scanDir(t, dir, Options{Lookup: lookup, Baseline: base})
	if len(r.Findings) != 2 || r.Stats.Suppressed != 1 {
		t.Fatalf("findings = %q, suppressed %d", findingsSummary(r.Findings), r.Stats.Suppressed)
	}
	if f := r.Findings[0]; f.Severity != SeverityCritical || f.Member != "ana" || f.Label != "CI key" || f.Line != 1 {
		t.Errorf("first finding = %+v, want the registered key, critical", f)
	}
	if f := r.Findings[1]; f.Severity != SeverityHigh || f.Registered() {
		t.Errorf("second finding = %+v", f)
	}
}

// TestBaselineFileInRoot is read when Options gives none; a broken one fails.
func TestBaselineFileInRoot(t *testing.T) {
	g := fakekey.New(25)
	dir := t.TempDir()
	key := g.Legacy()
	writeFiles(t, dir, map[string]string{"a.txt": key})
	if err := WriteBaseline(filepath.Join(dir, BaselineFile), scanDir(t, dir, Options{}).Findings); err != nil {
		t.Fatal(err)
	}
	if r := scanDir(t, dir, Options{}); len(r.Findings) != 0 || r.Stats.Suppressed != 1 {
		t.Errorf("with baseline: %q, suppressed %d", findingsSummary(r.Findings), r.Stats.Suppressed)
	}
	b, err := os.ReadFile(filepath.Join(dir, BaselineFile))
	if err != nil || !containsAll(string(b), secret.Fingerprint(key), secret.Redact(key)) || containsAll(string(b), key) {
		t.Errorf("baseline file lacks the fingerprint, or holds the key (err %v)", err)
	}
	writeFiles(t, dir, map[string]string{BaselineFile: "{not json"})
	r, err := Scan(context.Background(), Options{Roots: []string{dir}})
	if !apperr.Is(err, CodeBaselineInvalid) || r.Status != StatusFailed {
		t.Errorf("err = %v, status %s; want %s, failed", err, r.Status, CodeBaselineInvalid)
	}
}

// TestMissingRootFails with a message naming it.
func TestMissingRootFails(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope")
	r, err := Scan(context.Background(), Options{Roots: []string{missing}})
	if !apperr.Is(err, CodeRootMissing) || r.Status != StatusFailed {
		t.Fatalf("err = %v, status %s", err, r.Status)
	}
	if _, msg := apperr.Describe(err, "zh-CN"); !containsAll(msg, missing, "无法扫描") {
		t.Errorf("zh-CN message = %q", msg)
	}
}

// TestCancelledScan returns a result marked cancelled with ctx's error.
func TestCancelledScan(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "x"})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r, err := Scan(ctx, Options{Roots: []string{dir}})
	if !errors.Is(err, context.Canceled) || r == nil || r.Status != StatusCancelled {
		t.Fatalf("err = %v, result %+v", err, r)
	}
}

// TestCancelledWorkersKeepWhatTheyFound: files already scanned stay in the
// result; those after the cancel are not read.
func TestCancelledWorkersKeepWhatTheyFound(t *testing.T) {
	g := fakekey.New(26)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": g.Legacy(), "b.txt": g.Legacy()})
	ctx, cancel := context.WithCancel(context.Background())
	jobs := make(chan fileJob)
	c := &collector{}
	done := make(chan struct{})
	go func() { scanFiles(ctx, jobs, c); close(done) }()
	jobs <- fileJob{root: dir, abs: filepath.Join(dir, "a.txt"), rel: "a.txt"}
	cancel()
	jobs <- fileJob{root: dir, abs: filepath.Join(dir, "b.txt"), rel: "b.txt"}
	close(jobs)
	<-done
	res := &Result{}
	finishResult(res, c, Options{Now: time.Now}, nil, time.Now(), ctx.Err())
	if res.Status != StatusCancelled || len(res.Findings) != 1 || res.Findings[0].File != "a.txt" {
		t.Fatalf("status %s, findings %q", res.Status, findingsSummary(res.Findings))
	}
}

// TestProgressIsThrottled: reports come at most every 100 ms, the last
// one marked done with the final counts.
func TestProgressIsThrottled(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 300 {
		files[fmt.Sprintf("d/%c/f%d.txt", 'a'+i%26, i)] = "hello\n"
	}
	writeFiles(t, dir, files)
	var mu sync.Mutex
	var times []time.Time
	var last Progress
	start := time.Now()
	r := scanDir(t, dir, Options{Progress: func(p Progress) {
		mu.Lock()
		defer mu.Unlock()
		times = append(times, time.Now())
		last = p
	}})
	if !last.Done || last.Files != 300 || last.Files != r.Stats.Files || last.Bytes != r.Stats.Bytes {
		t.Fatalf("last progress = %+v, stats %+v", last, r.Stats)
	}
	// At most one report per 100 ms plus the final one, counted rather than
	// checked gap by gap, which scheduling can shorten.
	if limit := int(time.Since(start)/(100*time.Millisecond)) + 2; len(times) > limit {
		t.Errorf("%d reports; at most %d expected", len(times), limit)
	}
}

func containsAll(s string, subs ...string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}
