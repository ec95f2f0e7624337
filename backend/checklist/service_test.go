package checklist

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"steward/backend/apperr"
	"steward/backend/store"
)

// fixedNow is the clock every test runs at.
var fixedNow = time.Date(2026, 3, 10, 9, 30, 0, 0, time.UTC)

func testCatalogue(t *testing.T, file string) *Catalogue {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	c, err := ParseCatalogue(b)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// newTestService opens a fresh database with the small test catalogue.
func newTestService(t *testing.T) (*Service, *store.Store) {
	t.Helper()
	st, err := store.Open(context.Background(), t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return New(st, testCatalogue(t, "catalogue-v1.json"), Options{Now: func() time.Time { return fixedNow }}), st
}

func ptr(s string) *string { return &s }

func TestWorkspaces(t *testing.T) {
	s, _ := newTestService(t)
	t.Run("OK", func(t *testing.T) {
		w, err := s.CreateWorkspace("  Support bot ")
		if err != nil || w.Name != "Support bot" || w.ReviewedVersion != "1.0" || w.Profile != nil {
			t.Fatalf("CreateWorkspace = %+v, %v", w, err)
		}
		list, _ := s.ListWorkspaces()
		if len(list) != 1 || list[0].Name != "Support bot" {
			t.Fatalf("list = %+v", list)
		}
	})
	t.Run("ErrWorkspaceExists", func(t *testing.T) {
		if _, err := s.CreateWorkspace("support BOT"); !apperr.Is(err, apperr.WorkspaceExists) {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("ErrNameRequired", func(t *testing.T) {
		if _, err := s.CreateWorkspace("  "); !apperr.Is(err, apperr.NameRequired) {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("ErrWorkspaceUnknown", func(t *testing.T) {
		if _, err := s.Items("nope"); !apperr.Is(err, apperr.WorkspaceUnknown) {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("OK_DeleteRemovesAnswers", func(t *testing.T) {
		s.CreateWorkspace("gone")
		s.UpdateItem("gone", "UP-01", Change{Status: ptr(StatusDone)})
		if err := s.DeleteWorkspace("gone"); err != nil {
			t.Fatal(err)
		}
		var n int
		s.st.Read().QueryRow(`SELECT count(*) FROM item_answers`).Scan(&n)
		if n != 0 {
			t.Fatalf("answers left: %d", n)
		}
	})
}

func TestUpdateItem(t *testing.T) {
	s, _ := newTestService(t)
	s.CreateWorkspace("w")
	t.Run("OK_RecordsEachFieldInAudit", func(t *testing.T) {
		it, err := s.UpdateItem("w", "UP-01", Change{Status: ptr(StatusInProgress), Owner: ptr("Mei"), Due: ptr("2026-03-01"), Notes: ptr("draft")})
		if err != nil {
			t.Fatal(err)
		}
		if it.Status != StatusInProgress || it.Owner != "Mei" || !it.Overdue {
			t.Fatalf("item = %+v", it)
		}
		h, _ := s.History("w", "UP-01")
		fields := []string{}
		for _, e := range h {
			fields = append(fields, e.Field+":"+e.Old+">"+e.New)
		}
		for _, want := range []string{"status:todo>in_progress", "owner:>Mei", "due:>2026-03-01", "notes:>draft"} {
			if !slices.Contains(fields, want) {
				t.Errorf("history %v lacks %s", fields, want)
			}
		}
	})
	t.Run("OK_NoChangeNoAudit", func(t *testing.T) {
		before, _ := s.History("w", "UP-01")
		s.UpdateItem("w", "UP-01", Change{Owner: ptr("Mei")})
		after, _ := s.History("w", "UP-01")
		if len(after) != len(before) {
			t.Fatalf("an unchanged field was audited")
		}
	})
	t.Run("OK_DoneIsNotOverdue", func(t *testing.T) {
		it, _ := s.UpdateItem("w", "UP-01", Change{Status: ptr(StatusDone)})
		if it.Overdue {
			t.Fatal("a done item is overdue")
		}
	})
	tests := []struct {
		name   string
		item   string
		change Change
		code   apperr.Code
	}{
		{"ErrItemUnknown", "XX-99", Change{Status: ptr(StatusDone)}, apperr.ItemUnknown},
		{"ErrStatusInvalid", "UP-01", Change{Status: ptr("finished")}, apperr.StatusInvalid},
		{"ErrReasonRequired", "OP-01", Change{Status: ptr(StatusNotApplicable)}, apperr.ReasonRequired},
		{"ErrDateInvalid", "OP-01", Change{Due: ptr("next week")}, apperr.DateInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := s.Item("w", "OP-01")
			if _, err := s.UpdateItem("w", tt.item, tt.change); !apperr.Is(err, tt.code) {
				t.Fatalf("err = %v; want %s", err, tt.code)
			}
			after, _ := s.Item("w", "OP-01")
			if before.Status != after.Status || before.Due != after.Due {
				t.Fatal("a rejected change was saved")
			}
		})
	}
	t.Run("OK_NotApplicableWithReason", func(t *testing.T) {
		it, err := s.UpdateItem("w", "OP-01", Change{Status: ptr(StatusNotApplicable), Reason: ptr("no API calls yet")})
		if err != nil || it.Reason != "no API calls yet" {
			t.Fatalf("item = %+v, %v", it, err)
		}
		it, _ = s.UpdateItem("w", "OP-01", Change{Status: ptr(StatusTodo)})
		if it.Reason != "" {
			t.Fatal("reason kept after leaving not applicable")
		}
	})
}

func TestEvidence(t *testing.T) {
	s, _ := newTestService(t)
	s.CreateWorkspace("w")
	it, err := s.AddEvidence("w", "KH-01", EvidenceInput{Kind: EvidenceURL, Ref: "https://example.com/policy", Label: "Key policy"})
	if err != nil || len(it.Evidence) != 1 || it.Evidence[0].Label != "Key policy" {
		t.Fatalf("AddEvidence = %+v, %v", it.Evidence, err)
	}
	for name, in := range map[string]EvidenceInput{
		"ErrBadURL":   {Kind: EvidenceURL, Ref: "javascript:alert(1)"},
		"ErrEmptyRef": {Kind: EvidenceFile, Ref: " "},
		"ErrBadKind":  {Kind: "photo", Ref: "x"},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := s.AddEvidence("w", "KH-01", in); !apperr.Is(err, apperr.EvidenceInvalid) {
				t.Fatalf("err = %v", err)
			}
		})
	}
	it, err = s.RemoveEvidence("w", it.Evidence[0].ID)
	if err != nil || len(it.Evidence) != 0 {
		t.Fatalf("RemoveEvidence = %+v, %v", it.Evidence, err)
	}
	if _, err := s.RemoveEvidence("w", 999); !apperr.Is(err, apperr.EvidenceUnknown) {
		t.Fatalf("err = %v", err)
	}
	h, _ := s.History("w", "KH-01")
	if len(h) != 2 || h[0].Old != "url: https://example.com/policy" || h[1].New != "url: https://example.com/policy" {
		t.Fatalf("history = %+v", h)
	}
}

func TestWizard(t *testing.T) {
	s, _ := newTestService(t)
	s.CreateWorkspace("w")
	s.UpdateItem("w", "DP-01", Change{Status: ptr(StatusDone)}) // a person's answer is kept

	res, err := s.ApplyProfile("w", Profile{Chatbot: true}, LangEn)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.MarkedNotApplicable, []string{"DS-02"}) {
		t.Fatalf("marked = %v", res.MarkedNotApplicable)
	}
	it, _ := s.Item("w", "DS-02")
	if it.Status != StatusNotApplicable || !it.SetByWizard || it.Reason != "Onboarding answers: not a consumer-facing product; no medical use; no legal use; no financial use." {
		t.Fatalf("DS-02 = %s %q wizard=%v", it.Status, it.Reason, it.SetByWizard)
	}
	if it, _ := s.Item("w", "DP-01"); it.Status != StatusDone {
		t.Fatalf("the wizard overrode a person's answer: %s", it.Status)
	}
	w, _ := s.Workspace("w")
	if w.Profile == nil || !w.Profile.Chatbot {
		t.Fatalf("profile not saved: %+v", w.Profile)
	}

	t.Run("OK_RerunRestores", func(t *testing.T) {
		res, _ := s.ApplyProfile("w", Profile{Consumer: true, Medical: true}, LangZh)
		if !slices.Equal(res.Restored, []string{"DS-02"}) || len(res.MarkedNotApplicable) != 0 {
			t.Fatalf("rerun = %+v", res)
		}
		if it, _ := s.Item("w", "DS-02"); it.Status != StatusTodo || it.SetByWizard {
			t.Fatalf("DS-02 = %+v", it.Status)
		}
	})
	t.Run("OK_ChineseReason", func(t *testing.T) {
		s.ApplyProfile("w", Profile{}, LangZh)
		it, _ := s.Item("w", "DS-01")
		if it.Reason != "引导问卷：不含聊天机器人或对话式 AI；非面向消费者的产品。" {
			t.Fatalf("reason = %q", it.Reason)
		}
	})
	t.Run("OK_PersonOverridesWizard", func(t *testing.T) {
		s.UpdateItem("w", "DS-01", Change{Status: ptr(StatusInProgress)})
		s.ApplyProfile("w", Profile{}, LangEn)
		if it, _ := s.Item("w", "DS-01"); it.Status != StatusInProgress {
			t.Fatalf("wizard overrode a person's later answer: %s", it.Status)
		}
	})
}

func TestProgress(t *testing.T) {
	s, _ := newTestService(t)
	s.CreateWorkspace("w")
	s.UpdateItem("w", "UP-01", Change{Status: ptr(StatusDone)})
	s.UpdateItem("w", "OP-01", Change{Status: ptr(StatusAtRisk), Due: ptr("2026-01-01")})
	s.UpdateItem("w", "DP-01", Change{Status: ptr(StatusNotApplicable), Reason: ptr("no EU users")})
	p, err := s.Progress("w")
	if err != nil {
		t.Fatal(err)
	}
	o := p.Overall
	if o.Total != 6 || o.Done != 1 || o.AtRisk != 1 || o.NotApplicable != 1 || o.Todo != 3 || o.Percent != 20 {
		t.Fatalf("overall = %+v", o)
	}
	if !slices.Equal(p.Overdue, []string{"OP-01"}) || !slices.Equal(p.AtRisk, []string{"OP-01"}) {
		t.Fatalf("overdue %v at risk %v", p.Overdue, p.AtRisk)
	}
	for _, sp := range p.Sections {
		if sp.Section == "usage-policy" && sp.Percent != 100 {
			t.Fatalf("usage-policy = %+v", sp)
		}
		if sp.Section == "data-privacy" && sp.Percent != 100 {
			t.Fatalf("an all-not-applicable section is complete: %+v", sp)
		}
	}
}

func TestCatalogueChanges(t *testing.T) {
	s, st := newTestService(t)
	s.CreateWorkspace("w")
	newer := New(st, testCatalogue(t, "catalogue-v2.json"), Options{Now: s.now})
	c, err := newer.CatalogueChanges("w")
	if err != nil {
		t.Fatal(err)
	}
	if c.From != "1.0" || c.To != "1.1" || !slices.Equal(c.New, []string{"OP-02"}) || !slices.Equal(c.Changed, []string{"UP-01"}) {
		t.Fatalf("changes = %+v", c)
	}
	newer.MarkReviewed("w")
	c, _ = newer.CatalogueChanges("w")
	if len(c.New)+len(c.Changed) != 0 {
		t.Fatalf("after review = %+v", c)
	}
}

func TestCompareVersions(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{{"1.0", "1.0", 0}, {"1.2", "1.10", -1}, {"2", "1.9", 1}, {"1.0.1", "1.0", 1}} {
		if got := CompareVersions(tt.a, tt.b); got != tt.want {
			t.Errorf("CompareVersions(%s, %s) = %d", tt.a, tt.b, got)
		}
	}
}
