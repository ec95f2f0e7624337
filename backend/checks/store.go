package checks

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"steward/backend/apperr"
)

// storedResult is a result as kept, with the status the check last set.
type storedResult struct {
	result  Result
	applied string
	stale   bool
}

func (s *Service) stored(ctx context.Context, wsID int64, item string) (storedResult, bool, error) {
	var sr storedResult
	var ev string
	err := s.st.Read().QueryRowContext(ctx, `SELECT status, reason_en, reason_zh, checked_at, evidence, applied_status, stale
		FROM check_results WHERE workspace_id = ? AND item_id = ?`, wsID, item).
		Scan(&sr.result.Status, &sr.result.Reason.En, &sr.result.Reason.Zh, &sr.result.CheckedAt, &ev, &sr.applied, &sr.stale)
	if errors.Is(err, sql.ErrNoRows) {
		return sr, false, nil
	}
	if err != nil {
		return sr, false, fmt.Errorf("read the result of check %s: %w", item, err)
	}
	sr.result.Item = item
	if err := json.Unmarshal([]byte(ev), &sr.result.Evidence); err != nil {
		return sr, false, fmt.Errorf("read the evidence of check %s: %w", item, err)
	}
	return sr, true, nil
}

func (s *Service) saveResult(ctx context.Context, wsID int64, r Result, applied string) error {
	ev, err := json.Marshal(r.Evidence)
	if err != nil {
		return fmt.Errorf("encode the evidence of check %s: %w", r.Item, err)
	}
	return s.st.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO check_results(workspace_id, item_id, status, reason_en, reason_zh,
			checked_at, evidence, applied_status, stale) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)
			ON CONFLICT(workspace_id, item_id) DO UPDATE SET status = excluded.status, reason_en = excluded.reason_en,
			reason_zh = excluded.reason_zh, checked_at = excluded.checked_at, evidence = excluded.evidence,
			applied_status = excluded.applied_status, stale = 0`,
			wsID, r.Item, r.Status, r.Reason.En, r.Reason.Zh, r.CheckedAt, string(ev), applied)
		if err != nil {
			return fmt.Errorf("save the result of check %s: %w", r.Item, err)
		}
		return nil
	})
}

func (s *Service) markStale(ctx context.Context, wsID int64, item string) error {
	return s.st.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE check_results SET stale = 1 WHERE workspace_id = ? AND item_id = ?`, wsID, item)
		return err
	})
}

func (s *Service) override(ctx context.Context, wsID int64, item string) (*Override, error) {
	var o Override
	err := s.st.Read().QueryRowContext(ctx, `SELECT status, check_status, note, source, at FROM check_overrides
		WHERE workspace_id = ? AND item_id = ?`, wsID, item).Scan(&o.Status, &o.CheckStatus, &o.Note, &o.Source, &o.At)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the override of %s: %w", item, err)
	}
	return &o, nil
}

func (s *Service) saveOverride(ctx context.Context, wsID int64, item string, o Override) error {
	return s.st.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO check_overrides(workspace_id, item_id, status, check_status, note, source, at)
			VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(workspace_id, item_id) DO UPDATE SET status = excluded.status,
			check_status = excluded.check_status, note = excluded.note, source = excluded.source, at = excluded.at`,
			wsID, item, o.Status, o.CheckStatus, o.Note, o.Source, o.At)
		if err != nil {
			return fmt.Errorf("save the override of %s: %w", item, err)
		}
		return nil
	})
}

func (s *Service) dropOverride(ctx context.Context, wsID int64, item string) error {
	return s.st.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM check_overrides WHERE workspace_id = ? AND item_id = ?`, wsID, item)
		return err
	})
}

func errNoCheck(item string) error {
	return apperr.Text(apperr.NotFound, "checks.run",
		fmt.Sprintf("There is no automatic check for item %s.", strings.TrimSpace(item)),
		fmt.Sprintf("检查项 %s 没有自动检查。", strings.TrimSpace(item)))
}
