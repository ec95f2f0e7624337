package moderation

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"steward/backend/secret"
	"steward/backend/secret/fakekey"
)

// TestPromptKeysNeverStoredOrReported puts every true positive of the leak
// scanner (every kind, every encoding) in prompts, by hand and by import,
// runs them, and reads back every moderation table and every report
// format: no piece of any key may be there.
func TestPromptKeysNeverStoredOrReported(t *testing.T) {
	h := newHarness(t)
	g := fakekey.New(61)
	var texts []string
	keys := g.Keys()
	for kind, key := range keys {
		for _, tmpl := range secret.KeyExamples(kind) {
			texts = append(texts, "please check "+g.Expand(tmpl, key))
		}
	}
	su := h.suite(t, texts...)
	var file bytes.Buffer
	for _, key := range keys {
		fmt.Fprintf(&file, "{\"text\":\"line1\\n%s\"}\n", key)
	}
	if _, err := h.svc.ImportFile(su.ID, writeFile(t, "in.jsonl", file.Bytes()), ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	run, err := h.svc.CreateRun(su.ID, RunOptions{BatchSize: 8, Concurrency: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.svc.Resume(run.ID); err != nil {
		t.Fatal(err)
	}
	seen := dumpTables(t, h, "moderation_items", "moderation_run_items")
	rep, err := h.svc.Report(run.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ReportFormats() {
		var b bytes.Buffer
		if err := WriteReport(&b, rep, f, "en"); err != nil {
			t.Fatal(err)
		}
		seen = append(seen, b.String())
	}
	p := filepath.Join(t.TempDir(), "r.html")
	if err := h.svc.ExportRun(run.ID, p, "", "en"); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	seen = append(seen, string(b))
	for _, s := range seen {
		for _, key := range keys {
			if fakekey.Holds(s, key) {
				t.Fatalf("a key was stored or reported: %s", secret.RedactKeys(s))
			}
		}
	}
	if len(rep.Items) != len(texts)+len(keys) {
		t.Fatalf("report has %d items, want %d", len(rep.Items), len(texts)+len(keys))
	}
}

// dumpTables returns every value of every row of the tables, as text.
func dumpTables(t *testing.T, h *harness, tables ...string) []string {
	t.Helper()
	var out []string
	for _, tab := range tables {
		rows, err := h.st.Read().QueryContext(context.Background(), "SELECT * FROM "+tab)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for _, v := range vals {
				if bs, ok := v.([]byte); ok {
					v = string(bs)
				}
				out = append(out, fmt.Sprint(v))
			}
		}
		rows.Close()
	}
	return out
}
