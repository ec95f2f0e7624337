package checklist

import (
	"database/sql"
	"fmt"

	"steward/backend/apperr"
)

func (s *Service) audit(tx *sql.Tx, wsID int64, itemID, field, old, new, source string) error {
	_, err := tx.Exec(`INSERT INTO item_audit(workspace_id, item_id, at, field, old_value, new_value, source)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, wsID, itemID, s.stamp(), field, old, new, source)
	if err != nil {
		return fmt.Errorf("record audit for %s: %w", itemID, err)
	}
	return nil
}

// History returns an item's audit trail, newest first. An empty item id
// returns the whole workspace's trail.
func (s *Service) History(workspace, itemID string) ([]AuditEntry, error) {
	w, err := s.Workspace(workspace)
	if err != nil {
		return nil, err
	}
	if _, ok := s.cat.Item(itemID); itemID != "" && !ok {
		return nil, apperr.New(apperr.ItemUnknown, "checklist.history", "id", itemID)
	}
	rows, err := s.st.Read().Query(`SELECT id, item_id, at, field, old_value, new_value, source FROM item_audit
		WHERE workspace_id = ? AND (? = '' OR item_id = ?) ORDER BY id DESC`, w.ID, itemID, itemID)
	if err != nil {
		return nil, fmt.Errorf("load history: %w", err)
	}
	defer rows.Close()
	out := []AuditEntry{}
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(&e.ID, &e.ItemID, &e.At, &e.Field, &e.Old, &e.New, &e.Source); err != nil {
			return nil, fmt.Errorf("load history: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
