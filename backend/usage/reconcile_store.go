package usage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"steward/backend/store"
)

// Reconciliations keeps every reconciliation with the Usage API, one row
// per run, so the checklist can tell when the last one ran and what it
// left unexplained.
type Reconciliations struct{ st *store.Store }

// NewReconciliations returns the reconciliations kept in st.
func NewReconciliations(st *store.Store) *Reconciliations { return &Reconciliations{st: st} }

// Save keeps a reconciliation that ran at at.
func (r *Reconciliations) Save(ctx context.Context, rec Reconciliation, at time.Time) error {
	b, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("keep the reconciliation: %w", err)
	}
	err = r.st.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO usage_reconciliations(ran_at, since, until, unseen, result) VALUES (?, ?, ?, ?, ?)`,
			at.UTC().Format(time.RFC3339), rec.Since.UTC().Format(time.RFC3339), rec.Until.UTC().Format(time.RFC3339),
			rec.UnseenRequests, string(b))
		return err
	})
	if err != nil {
		return fmt.Errorf("keep the reconciliation: %w", err)
	}
	return nil
}

// LastReconciliation returns the newest reconciliation and when it ran; ok
// is false before the first.
func (r *Reconciliations) LastReconciliation(ctx context.Context) (rec Reconciliation, at time.Time, ok bool, err error) {
	var ranAt, raw string
	err = r.st.Read().QueryRowContext(ctx,
		`SELECT ran_at, result FROM usage_reconciliations ORDER BY ran_at DESC, id DESC LIMIT 1`).Scan(&ranAt, &raw)
	if errors.Is(err, sql.ErrNoRows) {
		return Reconciliation{}, time.Time{}, false, nil
	}
	if err != nil {
		return Reconciliation{}, time.Time{}, false, fmt.Errorf("read the last reconciliation: %w", err)
	}
	if at, err = time.Parse(time.RFC3339, ranAt); err != nil {
		return Reconciliation{}, time.Time{}, false, fmt.Errorf("read the last reconciliation: %w", err)
	}
	if err := json.Unmarshal([]byte(raw), &rec); err != nil {
		return Reconciliation{}, time.Time{}, false, fmt.Errorf("read the last reconciliation: %w", err)
	}
	return rec, at, true, nil
}
