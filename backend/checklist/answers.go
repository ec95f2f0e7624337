package checklist

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"steward/backend/apperr"
	"steward/backend/textfile"
)

// answer is the stored part of an item's state.
type answer struct {
	Status, Owner, Due, Notes, Reason string
	SetByWizard                       bool
	UpdatedAt                         string
}

// Items returns every catalogue item with the workspace's answers, in catalogue order.
func (s *Service) Items(workspace string) ([]ItemState, error) {
	w, err := s.Workspace(workspace)
	if err != nil {
		return nil, err
	}
	answers, err := s.answers(w.ID)
	if err != nil {
		return nil, err
	}
	evidence, err := s.evidence(w.ID)
	if err != nil {
		return nil, err
	}
	out := make([]ItemState, 0, len(s.cat.Items))
	for _, it := range s.cat.Items {
		out = append(out, s.state(it, answers[it.ID], evidence[it.ID]))
	}
	return out, nil
}

// Item returns one item's state.
func (s *Service) Item(workspace, itemID string) (ItemState, error) {
	items, err := s.Items(workspace)
	if err != nil {
		return ItemState{}, err
	}
	for _, it := range items {
		if it.ID == itemID {
			return it, nil
		}
	}
	return ItemState{}, apperr.New(apperr.ItemUnknown, "checklist.item", "id", itemID)
}

func (s *Service) state(it Item, a *answer, ev []Evidence) ItemState {
	st := ItemState{ItemInfo: it.ItemInfo, AppEvidence: it.Evidence, Status: StatusTodo, Evidence: ev}
	if st.AppEvidence == nil {
		st.AppEvidence = []string{}
	}
	if st.Evidence == nil {
		st.Evidence = []Evidence{}
	}
	if a != nil {
		st.Status, st.Owner, st.Due, st.Notes, st.Reason = a.Status, a.Owner, a.Due, a.Notes, a.Reason
		st.SetByWizard, st.UpdatedAt = a.SetByWizard, a.UpdatedAt
	}
	st.Overdue = st.Due != "" && st.Due < s.today() && st.Status != StatusDone && st.Status != StatusNotApplicable
	return st
}

// UpdateItem changes an item's answer and records each changed field in the audit trail.
func (s *Service) UpdateItem(workspace, itemID string, change Change) (ItemState, error) {
	w, err := s.Workspace(workspace)
	if err != nil {
		return ItemState{}, err
	}
	err = s.st.Write(context.Background(), func(tx *sql.Tx) error {
		return s.applyChange(tx, w.ID, itemID, change, s.who(), false)
	})
	if err != nil {
		return ItemState{}, err
	}
	return s.Item(workspace, itemID)
}

// applyChange validates and writes a change inside tx. byWizard marks a
// status the wizard set, so a later run of the wizard may undo it.
func (s *Service) applyChange(tx *sql.Tx, wsID int64, itemID string, c Change, source string, byWizard bool) error {
	if _, ok := s.cat.Item(itemID); !ok {
		return apperr.New(apperr.ItemUnknown, "checklist.update", "id", itemID)
	}
	old, err := loadAnswer(tx, wsID, itemID)
	if err != nil {
		return err
	}
	next, err := s.merge(old, itemID, c)
	if err != nil {
		return err
	}
	next.SetByWizard = byWizard || (old.SetByWizard && c.Status == nil)
	changes := diff(old, next)
	if len(changes) == 0 && next.SetByWizard == old.SetByWizard {
		return nil
	}
	next.UpdatedAt = s.stamp()
	if _, err := tx.Exec(`INSERT INTO item_answers(workspace_id, item_id, status, owner, due, notes, reason, set_by_wizard, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(workspace_id, item_id) DO UPDATE SET status=excluded.status, owner=excluded.owner, due=excluded.due,
		notes=excluded.notes, reason=excluded.reason, set_by_wizard=excluded.set_by_wizard, updated_at=excluded.updated_at`,
		wsID, itemID, next.Status, next.Owner, next.Due, next.Notes, next.Reason, next.SetByWizard, next.UpdatedAt); err != nil {
		return fmt.Errorf("save answer %s: %w", itemID, err)
	}
	for _, ch := range changes {
		if err := s.audit(tx, wsID, itemID, ch[0], ch[1], ch[2], source); err != nil {
			return err
		}
	}
	return nil
}

// merge applies c to old after validating every field.
func (s *Service) merge(old answer, itemID string, c Change) (answer, error) {
	next := old
	if c.Status != nil {
		if !slices.Contains(Statuses, *c.Status) {
			return next, apperr.New(apperr.StatusInvalid, "checklist.update", "status", *c.Status, "valid", strings.Join(Statuses, ", "))
		}
		next.Status = *c.Status
	}
	if c.Owner != nil {
		next.Owner = strings.TrimSpace(*c.Owner)
	}
	if c.Notes != nil {
		if len(*c.Notes) > MaxNotesBytes {
			return next, tooLong("checklist.update", "notes", "备注", len(*c.Notes), MaxNotesBytes)
		}
		next.Notes = *c.Notes
	}
	if c.Reason != nil {
		next.Reason = strings.TrimSpace(*c.Reason)
	}
	if c.Due != nil {
		due := strings.TrimSpace(*c.Due)
		if due != "" {
			if _, err := time.Parse(time.DateOnly, due); err != nil {
				return next, apperr.New(apperr.DateInvalid, "checklist.update", "date", due)
			}
		}
		next.Due = due
	}
	if next.Status == StatusNotApplicable && next.Reason == "" {
		return next, apperr.New(apperr.ReasonRequired, "checklist.update", "id", itemID)
	}
	if next.Status != StatusNotApplicable && old.Status == StatusNotApplicable && c.Reason == nil {
		next.Reason = ""
	}
	return next, nil
}

// diff lists the changed fields as (field, old, new).
func diff(a, b answer) [][3]string {
	var out [][3]string
	for _, f := range [][3]string{
		{"status", a.Status, b.Status}, {"owner", a.Owner, b.Owner}, {"due", a.Due, b.Due},
		{"notes", a.Notes, b.Notes}, {"reason", a.Reason, b.Reason},
	} {
		if f[1] != f[2] {
			out = append(out, f)
		}
	}
	return out
}

func loadAnswer(tx *sql.Tx, wsID int64, itemID string) (answer, error) {
	a := answer{Status: StatusTodo}
	err := tx.QueryRow(`SELECT status, owner, due, notes, reason, set_by_wizard, updated_at
		FROM item_answers WHERE workspace_id = ? AND item_id = ?`, wsID, itemID).
		Scan(&a.Status, &a.Owner, &a.Due, &a.Notes, &a.Reason, &a.SetByWizard, &a.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return a, nil
	}
	if err != nil {
		return a, fmt.Errorf("load answer %s: %w", itemID, err)
	}
	return a, nil
}

func (s *Service) answers(wsID int64) (map[string]*answer, error) {
	rows, err := s.st.Read().Query(`SELECT item_id, status, owner, due, notes, reason, set_by_wizard, updated_at
		FROM item_answers WHERE workspace_id = ?`, wsID)
	if err != nil {
		return nil, fmt.Errorf("load answers: %w", err)
	}
	defer rows.Close()
	out := map[string]*answer{}
	for rows.Next() {
		var id string
		a := &answer{}
		if err := rows.Scan(&id, &a.Status, &a.Owner, &a.Due, &a.Notes, &a.Reason, &a.SetByWizard, &a.UpdatedAt); err != nil {
			return nil, fmt.Errorf("load answers: %w", err)
		}
		out[id] = a
	}
	return out, rows.Err()
}

// Validate checks a change to an item that has no answer yet, without saving it.
func (s *Service) Validate(itemID string, c Change) error {
	if _, ok := s.cat.Item(itemID); !ok {
		return apperr.New(apperr.ItemUnknown, "checklist.update", "id", itemID)
	}
	_, err := s.merge(answer{Status: StatusTodo}, itemID, c)
	return err
}

// tooLong refuses a text field over its limit, in both languages.
func tooLong(op, field, fieldZh string, size, limit int) error {
	return apperr.Text(apperr.Invalid, op,
		fmt.Sprintf("The %s are %s, over the limit of %s. Keep long documents as evidence instead.", field, textfile.Size(int64(size)), textfile.Size(int64(limit))),
		fmt.Sprintf("%s为 %s，超过上限 %s。较长的文档请作为证据附上。", fieldZh, textfile.Size(int64(size)), textfile.Size(int64(limit))))
}
