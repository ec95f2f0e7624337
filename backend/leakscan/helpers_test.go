package leakscan

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"steward/backend/secret"
	"steward/backend/secret/fakekey"
)

// keyOfKind makes a fake key of a secret kind; "" (the env rule) gets none.
func keyOfKind(g *fakekey.Generator, kind string) string {
	switch kind {
	case secret.KindProject:
		return g.Project()
	case secret.KindServiceAccount:
		return g.ServiceAccount()
	case secret.KindAdmin:
		return g.Admin()
	case secret.KindLegacyUser:
		return g.Legacy()
	}
	return ""
}

// scanText scans text as the file name and returns the hits.
func scanText(t testing.TB, name, text string) []hit {
	t.Helper()
	out, err := newStreamScanner(nil).scan(context.Background(), strings.NewReader(text), name)
	if err != nil {
		t.Fatalf("scan %s: %v", name, err)
	}
	return out.hits
}

// describeHits shows hits without any secret, for failure messages.
func describeHits(hs []hit) string {
	var parts []string
	for _, h := range hs {
		parts = append(parts, h.rule+"@"+strconv.Itoa(h.line)+":"+strconv.Itoa(h.column)+" "+h.redacted)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// writeFiles writes files (slash paths relative to dir) with their content.
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// scanDir scans dir with opts (Roots set to dir) and fails the test on error.
func scanDir(t testing.TB, dir string, opts Options) *Result {
	t.Helper()
	opts.Roots = []string{dir}
	r, err := Scan(context.Background(), opts)
	if err != nil {
		t.Fatalf("Scan: %v", err)
	}
	return r
}

// findingsSummary shows findings without secrets: rule file:line:col.
func findingsSummary(fs []LeakFinding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.Rule+" "+f.File+":"+strconv.Itoa(f.Line)+":"+strconv.Itoa(f.Column))
	}
	return out
}
