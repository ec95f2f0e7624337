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
// as JSON, CSV and HTML in both languages.
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
	for _, format := range []string{ReportJSON, ReportCSV, ReportHTML} { // a PDF carries its creation time; TestPDFItemLimit covers it
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

// TestPDFItemLimit: a report laid out for a PDF lists at most the limit's
// items and says, in the report's language, how many there are in all and
// where to find the rest; the HTML layout lists every item.
func TestPDFItemLimit(t *testing.T) {
	rep := sampleReport()
	total := rep.Summary.Total
	if total < 3 {
		t.Fatalf("the sample has %d items; the test needs 3", total)
	}
	for _, tt := range []struct {
		lang, want string
	}{{"en", fmt.Sprintf("the first 2 of %d items", total)}, {"zh-CN", fmt.Sprintf("前 2 条（共 %d 条）", total)}} {
		for _, limit := range []int{2, 0} {
			doc := reportDocument(localized(rep, tt.lang), tt.lang, limit)
			var notes []string
			rows := -1
			for _, b := range doc.Blocks {
				if b.Note != "" {
					notes = append(notes, b.Note)
				}
				if b.Table != nil {
					rows = len(b.Table.Rows)
					if err := b.Table.Each(func([]string) error { rows++; return nil }); err != nil {
						t.Fatal(err)
					}
				}
			}
			wantRows, wantNotes := total, 0
			if limit > 0 {
				wantRows, wantNotes = limit, 1
			}
			if rows != wantRows || len(notes) != wantNotes || (wantNotes == 1 && !strings.Contains(notes[0], tt.want)) {
				t.Errorf("%s, limit %d: %d rows, notes %q", tt.lang, limit, rows, notes)
			}
		}
	}
}
