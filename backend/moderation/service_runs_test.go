package moderation

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLabelledSuiteEndToEnd runs a labelled suite on two models, then
// compares the runs, computes metrics and exports the report.
func TestLabelledSuiteEndToEnd(t *testing.T) {
	h := newHarness(t)
	su := makeSuite(t, h.svc, "labelled")
	for _, in := range []ItemInput{
		{Text: "I will kill them", Expected: Labels{"violence": true, "harassment": true}},
		{Text: "how to shoplift a watch", Expected: Labels{"illicit": true, "violence": false}},
		{Text: "a calm walk in the park", Expected: Labels{"violence": false, "illicit": false}},
		{Text: "this violent film", Expected: Labels{"violence": false}},
	} {
		if _, err := h.svc.AddItem(su.ID, in); err != nil {
			t.Fatal(err)
		}
	}
	omni, err := h.svc.StartRun(su.ID, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	text, err := h.svc.StartRun(su.ID, RunOptions{Model: "text-moderation-latest"})
	if err != nil {
		t.Fatal(err)
	}

	t.Run("OK_Compare", func(t *testing.T) {
		c, err := h.svc.Compare(omni.ID, text.ID)
		if err != nil || c.Compared != 4 || c.NotInBoth != 0 || c.RunA.ID != omni.ID {
			t.Fatalf("Compare = %+v, %v", c, err)
		}
		for _, ch := range c.Changes {
			if ch.ItemID == 0 || (!ch.FlagChanged && !ch.TopChanged) {
				t.Fatalf("change = %+v", ch)
			}
		}
		other := makeSuite(t, h.svc, "other", "x")
		run, _ := h.svc.StartRun(other.ID, RunOptions{})
		_, err = h.svc.Compare(omni.ID, run.ID)
		wantCode(t, err, CodeCompareSuites)
	})
	t.Run("OK_Metrics", func(t *testing.T) {
		m, err := h.svc.Metrics(omni.ID)
		if err != nil || m.Labelled != 4 || len(m.Categories) != 13 || len(m.Sweep) != 13 {
			t.Fatalf("Metrics = %+v, %v", m, err)
		}
		v := m.Categories[11] // violence: one true positive, one false positive, two true negatives
		if v.Counts != (Counts{TP: 1, FP: 1, TN: 2}) || !ptrEq(v.Precision, 0.5) || !ptrEq(v.Recall, 1) {
			t.Fatalf("violence = %+v", v)
		}
		if _, err := h.svc.SetThresholds(su.ID, Thresholds{"violence": 0.999}); err != nil {
			t.Fatal(err)
		}
		m, _ = h.svc.Metrics(omni.ID)
		if v := m.Categories[11]; v.Counts.TP+v.Counts.FP != 0 {
			t.Fatalf("violence at 0.999 = %+v", v)
		}
		lm, _ := h.svc.Metrics(text.ID)
		if il := lm.Categories[4]; il.Labelled != 0 {
			t.Fatalf("legacy illicit counted: %+v", il)
		}
	})
	t.Run("OK_ExportRun", func(t *testing.T) {
		dir := t.TempDir()
		for _, f := range []string{"run.json", "run.csv", "run.html", "run.pdf"} {
			if err := h.svc.ExportRun(omni.ID, filepath.Join(dir, f), "", "zh-CN"); err != nil {
				t.Fatal(err)
			}
			b, _ := os.ReadFile(filepath.Join(dir, f))
			if len(b) == 0 {
				t.Fatalf("%s is empty", f)
			}
		}
		err := h.svc.ExportRun(omni.ID, filepath.Join(dir, "run.docx"), "", "en")
		if err == nil || !strings.Contains(err.Error(), "docx") {
			t.Fatalf("docx: %v", err)
		}
	})
	t.Run("OK_ListAndDeleteRuns", func(t *testing.T) {
		runs, err := h.svc.ListRuns(su.ID)
		if err != nil || len(runs) != 2 || runs[0].ID != text.ID {
			t.Fatalf("ListRuns = %+v, %v", runs, err)
		}
		if err := h.svc.DeleteRun(text.ID); err != nil {
			t.Fatal(err)
		}
		_, err = h.svc.Run(text.ID)
		wantCode(t, err, CodeRunUnknown)
	})
}
