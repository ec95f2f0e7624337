package checklist

import (
	"context"
	"strings"
	"testing"

	"steward/backend/apperr"
)

func TestRecordCheck(t *testing.T) {
	s, _ := newTestService(t)
	ctx := context.Background()
	if _, err := s.CreateWorkspace("Bot"); err != nil {
		t.Fatal(err)
	}
	item := s.cat.Items[0].ID
	rec := CheckRecord{ItemID: item, Actor: "check:" + item, Snapshot: `{"files":3}`, Label: "fail: 3 files",
		CheckedAt: "2026-03-10T09:30:00Z", New: "fail: 3 files", Status: StatusAtRisk}
	if err := s.RecordCheck(ctx, "Bot", rec); err != nil {
		t.Fatal(err)
	}
	rec.Snapshot, rec.Old, rec.Status = `{"files":4}`, rec.New, ""
	if err := s.RecordCheck(ctx, "Bot", rec); err != nil {
		t.Fatal(err)
	}
	it, _ := s.Item("Bot", item)
	if it.Status != StatusAtRisk || len(it.Evidence) != 1 || it.Evidence[0].Kind != EvidenceCheck || it.Evidence[0].Ref != `{"files":4}` {
		t.Fatalf("item = %+v", it)
	}
	hist, _ := s.History("Bot", item)
	if len(hist) != 2 || hist[0].Source != "check:"+item || hist[1].Field != "check" {
		t.Fatalf("history = %+v", hist)
	}
	var md strings.Builder
	if err := Export(s, &md, "Bot", "md", LangEn, ExportOptions{}); err != nil || !strings.Contains(md.String(), "fail: 3 files (check, ") {
		t.Fatalf("markdown export: %v", err)
	}
	if err := s.RecordCheck(ctx, "Bot", CheckRecord{ItemID: "XX-99"}); !apperr.Is(err, apperr.ItemUnknown) {
		t.Fatalf("unknown item: %v", err)
	}
	if _, err := s.OverrideCheck(ctx, "Bot", item, StatusDone, ""); !apperr.Is(err, apperr.Invalid) {
		t.Fatalf("override without note: %v", err)
	}
	it, err := s.OverrideCheck(ctx, "Bot", item, StatusDone, "checked by hand")
	if err != nil || it.Status != StatusDone {
		t.Fatalf("override = %+v, %v", it, err)
	}
	// Not applicable needs a reason: the override's note is it.
	it, err = s.OverrideCheck(ctx, "Bot", item, StatusNotApplicable, "a test fixture, not the product")
	if err != nil || it.Status != StatusNotApplicable || it.Reason != "a test fixture, not the product" {
		t.Fatalf("override to not applicable = %+v, %v", it, err)
	}
	if EvidenceKindLabel(EvidenceCheck, LangZh) != "自动检查" {
		t.Fatal("no Chinese label for check evidence")
	}
}
