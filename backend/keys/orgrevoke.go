package keys

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// EventRevokedInOpenAI records that the key was revoked at OpenAI itself
// through the Administration API, not only in Steward.
const EventRevokedInOpenAI = "revoked_in_openai"

// RevokedInOpenAI records that key record id was revoked in OpenAI at at,
// with the API's answer: a current record becomes revoked at that time and
// its secret leaves the vault; a record already revoked keeps its status.
// Either way the event log keeps the API's answer.
func (r *Register) RevokedInOpenAI(ctx context.Context, id int64, at time.Time, answer string) (Key, error) {
	steps := &vaultSteps{v: r.vault}
	stamp := at.UTC().Format(time.RFC3339)
	err := r.write(ctx, func(tx *sql.Tx, ev *eventLog) error {
		k, err := r.keyByID(ctx, tx, id)
		if err != nil {
			return err
		}
		if k.Current() {
			if _, err := tx.ExecContext(ctx, `UPDATE api_keys SET status = ?, revoked_at = ? WHERE id = ?`, StatusRevoked, stamp, id); err != nil {
				return fmt.Errorf("revoke key %q: %w", k.Label, err)
			}
			prev, err := steps.get(account(id))
			if err != nil {
				return fmt.Errorf("revoke key %q: %w", k.Label, err)
			}
			if err := steps.del(account(id), prev); err != nil {
				return fmt.Errorf("revoke key %q: %w", k.Label, err)
			}
		}
		return ev.add(EventRevokedInOpenAI, id, k.Label, k.Member, "revoked in OpenAI at "+stamp+": "+answer)
	})
	if err != nil {
		steps.rollback()
		return Key{}, err
	}
	return r.keyByID(ctx, r.st.Read(), id)
}
