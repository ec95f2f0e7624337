package checklist

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"steward/backend/apperr"
)

// EvidenceCheck is the evidence kind an automatic check leaves on its item:
// a JSON snapshot of what it looked at (counts, ids, fingerprints, paths;
// never a key).
const EvidenceCheck = "check"

// evidenceKindLabels name the evidence kinds for exports and the CLI.
var evidenceKindLabels = map[string]Text{
	EvidenceFile:   {"File", "文件"},
	EvidenceURL:    {"Web address", "网址"},
	EvidenceRecord: {"App record", "应用记录"},
	EvidenceCheck:  {"Automatic check", "自动检查"},
}

// EvidenceKindLabel names an evidence kind in lang.
func EvidenceKindLabel(kind, lang string) string {
	if t, ok := evidenceKindLabels[kind]; ok {
		return t.In(lang)
	}
	return kind
}

// CheckRecord is what an automatic check leaves on an item: its snapshot as
// the item's one "check" evidence, a line in the audit trail with the check
// as the actor, and, when Status is set, a new item status.
type CheckRecord struct {
	ItemID    string
	Actor     string // recorded as the audit trail's source, e.g. "check:KH-03"
	Snapshot  string // JSON; becomes the evidence's reference
	Label     string // the result and reason, in the user's words
	CheckedAt string // RFC 3339
	Old, New  string // the result before and now, for the audit trail; equal means no entry
	Status    string // the item status to set; "" leaves it
}

// RecordCheck stores a check's result on an item in one transaction.
func (s *Service) RecordCheck(ctx context.Context, workspace string, r CheckRecord) error {
	w, err := s.Workspace(workspace)
	if err != nil {
		return err
	}
	if _, ok := s.cat.Item(r.ItemID); !ok {
		return apperr.New(apperr.ItemUnknown, "checklist.check", "id", r.ItemID)
	}
	return s.st.Write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM item_evidence WHERE workspace_id = ? AND item_id = ? AND kind = ?`,
			w.ID, r.ItemID, EvidenceCheck); err != nil {
			return fmt.Errorf("replace check evidence of %s: %w", r.ItemID, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO item_evidence(workspace_id, item_id, kind, ref, label, added_at)
			VALUES (?, ?, ?, ?, ?, ?)`, w.ID, r.ItemID, EvidenceCheck, r.Snapshot, r.Label, r.CheckedAt); err != nil {
			return fmt.Errorf("save check evidence of %s: %w", r.ItemID, err)
		}
		if r.Old != r.New {
			if err := s.audit(tx, w.ID, r.ItemID, "check", r.Old, r.New, r.Actor); err != nil {
				return err
			}
		}
		if r.Status == "" {
			return nil
		}
		return s.applyChange(tx, w.ID, r.ItemID, Change{Status: &r.Status}, r.Actor, false)
	})
}

// OverrideCheck lets a person set an item's status against its check, with
// a note the audit trail keeps.
func (s *Service) OverrideCheck(ctx context.Context, workspace, itemID, status, note string) (ItemState, error) {
	note = strings.TrimSpace(note)
	if note == "" {
		return ItemState{}, apperr.Text(apperr.Invalid, "checklist.override",
			"Say why you overrule the automatic check: an override needs a note.",
			"请说明为何推翻自动检查的结果：推翻时必须填写说明。")
	}
	w, err := s.Workspace(workspace)
	if err != nil {
		return ItemState{}, err
	}
	change := Change{Status: &status}
	if status == StatusNotApplicable {
		change.Reason = &note // the note says why the item does not apply
	}
	err = s.st.Write(ctx, func(tx *sql.Tx) error {
		if err := s.applyChange(tx, w.ID, itemID, change, s.who(), false); err != nil {
			return err
		}
		return s.audit(tx, w.ID, itemID, "check_override", "", status+": "+note, s.who())
	})
	if err != nil {
		return ItemState{}, err
	}
	return s.Item(workspace, itemID)
}

// Source is who the service records as the actor of people's changes now: "app" or "cli", with the name of the person chosen in Settings or the OS user's name after a colon when known ("app:alice").
func (s *Service) Source() string { return s.who() }
