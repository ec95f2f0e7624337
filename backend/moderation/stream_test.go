package moderation

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestRunFileStreamsInputAndReport runs a file of 3,000 prompts (more than
// one page of pending items) with a store: the items are read page by page
// (every one answered, in order), the report comes back streamed rather
// than held in memory, and it writes exactly what the whole report writes,
// in every format and language.
func TestRunFileStreamsInputAndReport(t *testing.T) {
	h := newHarness(t)
	var in strings.Builder
	const n = 3000
	for i := range n {
		fmt.Fprintf(&in, "prompt number %d\n", i)
	}
	cfg := h.runFileConfig(writeFile(t, "many.txt", []byte(in.String())))
	cfg.Store, cfg.Batch, cfg.Concurrency = h.st, 7, 3
	rep, err := RunFile(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Streamed() || rep.Items != nil || rep.Summary.Total != n || rep.Summary.Errors != 0 {
		t.Fatalf("report: streamed %v, %d items held, summary %+v", rep.Streamed(), len(rep.Items), rep.Summary)
	}
	i := 0
	if err := rep.EachItem(func(it ReportItem) error {
		if it.Index != i || it.Input != fmt.Sprintf("prompt number %d", i) || it.Error != "" {
			return fmt.Errorf("item %d = %+v", i, it)
		}
		i++
		return nil
	}); err != nil || i != n {
		t.Fatalf("items: %d, %v", i, err)
	}
	whole, err := h.svc.Report(rep.RunID)
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range ReportFormats() {
		for _, lang := range []string{"en", "zh-CN"} {
			var a, b bytes.Buffer
			if err := WriteReport(&a, rep, format, lang); err != nil {
				t.Fatal(err)
			}
			whole.Suite, whole.Skipped = rep.Suite, rep.Skipped
			if err := WriteReport(&b, whole, format, lang); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("%s %s: the streamed report differs from the whole one", format, lang)
			}
		}
	}
}
