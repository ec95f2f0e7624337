package checklist

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"steward/backend/apperr"
)

// AddEvidence attaches a file, URL or app record to an item.
func (s *Service) AddEvidence(workspace, itemID string, in EvidenceInput) (ItemState, error) {
	w, err := s.Workspace(workspace)
	if err != nil {
		return ItemState{}, err
	}
	err = s.st.Write(context.Background(), func(tx *sql.Tx) error {
		return s.addEvidence(tx, w.ID, itemID, in, s.who())
	})
	if err != nil {
		return ItemState{}, err
	}
	return s.Item(workspace, itemID)
}

func (s *Service) addEvidence(tx *sql.Tx, wsID int64, itemID string, in EvidenceInput, source string) error {
	if _, ok := s.cat.Item(itemID); !ok {
		return apperr.New(apperr.ItemUnknown, "checklist.evidence", "id", itemID)
	}
	in.Ref, in.Label = strings.TrimSpace(in.Ref), strings.TrimSpace(in.Label)
	if err := validateEvidence(in); err != nil {
		return err
	}
	added := in.addedAt
	if added == "" {
		added = s.stamp()
	}
	if _, err := tx.Exec(`INSERT INTO item_evidence(workspace_id, item_id, kind, ref, label, added_at) VALUES (?, ?, ?, ?, ?, ?)`,
		wsID, itemID, in.Kind, in.Ref, in.Label, added); err != nil {
		return fmt.Errorf("add evidence to %s: %w", itemID, err)
	}
	return s.audit(tx, wsID, itemID, "evidence", "", in.Kind+": "+in.Ref, source)
}

func validateEvidence(in EvidenceInput) error {
	if in.Ref == "" {
		return apperr.New(apperr.EvidenceInvalid, "checklist.evidence", "why", "the reference is empty")
	}
	switch in.Kind {
	case EvidenceFile, EvidenceRecord, EvidenceCheck:
		return nil
	case EvidenceURL:
		u, err := url.Parse(in.Ref)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return apperr.New(apperr.EvidenceInvalid, "checklist.evidence", "why", "a URL must start with http:// or https://")
		}
		return nil
	}
	return apperr.New(apperr.EvidenceInvalid, "checklist.evidence", "why", fmt.Sprintf("unknown kind %q", in.Kind))
}

// RemoveEvidence detaches one piece of evidence and returns its item.
func (s *Service) RemoveEvidence(workspace string, evidenceID int64) (ItemState, error) {
	w, err := s.Workspace(workspace)
	if err != nil {
		return ItemState{}, err
	}
	var itemID string
	err = s.st.Write(context.Background(), func(tx *sql.Tx) error {
		var kind, ref string
		err := tx.QueryRow(`SELECT item_id, kind, ref FROM item_evidence WHERE id = ? AND workspace_id = ?`, evidenceID, w.ID).
			Scan(&itemID, &kind, &ref)
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.New(apperr.EvidenceUnknown, "checklist.evidence")
		}
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM item_evidence WHERE id = ?`, evidenceID); err != nil {
			return err
		}
		return s.audit(tx, w.ID, itemID, "evidence", kind+": "+ref, "", s.who())
	})
	if err != nil {
		return ItemState{}, fmt.Errorf("remove evidence: %w", err)
	}
	return s.Item(workspace, itemID)
}

func (s *Service) evidence(wsID int64) (map[string][]Evidence, error) {
	rows, err := s.st.Read().Query(`SELECT id, item_id, kind, ref, label, added_at FROM item_evidence
		WHERE workspace_id = ? ORDER BY id`, wsID)
	if err != nil {
		return nil, fmt.Errorf("load evidence: %w", err)
	}
	defer rows.Close()
	out := map[string][]Evidence{}
	for rows.Next() {
		var e Evidence
		var item string
		if err := rows.Scan(&e.ID, &item, &e.Kind, &e.Ref, &e.Label, &e.AddedAt); err != nil {
			return nil, fmt.Errorf("load evidence: %w", err)
		}
		out[item] = append(out[item], e)
	}
	return out, rows.Err()
}
