package keys

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"steward/backend/apperr"
)

// revokeNote reminds people that Steward's revocation is local.
const revokeNote = "secret deleted from the vault; revoke it at platform.openai.com/api-keys too"

// RevokeKey withdraws a current key: its secret is deleted from the vault
// and its record kept as revoked. Steward cannot revoke a key at OpenAI;
// the UI must remind the user to do that on the platform.
func (r *Register) RevokeKey(ctx context.Context, label, reason string) (Key, error) {
	const op = "keys.revoke"
	reason = strings.TrimSpace(reason)
	if err := checkText(op, "notes", reason); err != nil {
		return Key{}, err
	}
	var id int64
	steps := &vaultSteps{v: r.vault}
	err := r.write(ctx, func(tx *sql.Tx, ev *eventLog) error {
		k, err := r.currentKey(ctx, tx, op, label)
		if err != nil {
			return err
		}
		id = k.ID
		return r.revoke(ctx, tx, ev, steps, k, reason)
	})
	if err != nil {
		steps.rollback()
		return Key{}, err
	}
	return r.keyByID(ctx, r.st.Read(), id)
}

// revoke marks k revoked and deletes its secret, inside a write transaction.
func (r *Register) revoke(ctx context.Context, tx *sql.Tx, ev *eventLog, steps *vaultSteps, k Key, reason string) error {
	if _, err := tx.ExecContext(ctx, `UPDATE api_keys SET status = ?, revoked_at = ? WHERE id = ?`,
		StatusRevoked, r.stamp(), k.ID); err != nil {
		return fmt.Errorf("revoke key %q: %w", k.Label, err)
	}
	detail := revokeNote
	if reason != "" {
		detail = reason + "; " + detail
	}
	if err := ev.add(EventRevoked, k.ID, k.Label, k.Member, detail); err != nil {
		return err
	}
	prev, err := steps.get(account(k.ID))
	if err != nil {
		return fmt.Errorf("revoke key %q: %w", k.Label, err)
	}
	if err := steps.del(account(k.ID), prev); err != nil {
		return fmt.Errorf("revoke key %q: %w", k.Label, err)
	}
	return nil
}

// MarkForRotation marks a current key as due for rotation (due true) or
// takes the mark off again. The key stays in use until Rotate.
func (r *Register) MarkForRotation(ctx context.Context, label string, due bool) (Key, error) {
	const op = "keys.mark"
	var id int64
	err := r.write(ctx, func(tx *sql.Tx, ev *eventLog) error {
		k, err := r.currentKey(ctx, tx, op, label)
		if err != nil {
			return err
		}
		id = k.ID
		status, marked, event := StatusActive, "", EventUnmarked
		if due {
			status, marked, event = StatusRotationDue, r.stamp(), EventMarked
		}
		if k.Status == status {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE api_keys SET status = ?, marked_at = ? WHERE id = ?`, status, marked, k.ID); err != nil {
			return fmt.Errorf("mark key %q: %w", k.Label, err)
		}
		return ev.add(event, k.ID, k.Label, k.Member, "")
	})
	if err != nil {
		return Key{}, err
	}
	return r.keyByID(ctx, r.st.Read(), id)
}

// RemoveMember removes a member. A member who still holds current keys
// needs a decision: revoke them (secrets deleted from the vault) or reassign
// them to another member. Either way it is recorded in the key event log.
func (r *Register) RemoveMember(ctx context.Context, name string, d Decision) error {
	const op = "keys.remove_member"
	steps := &vaultSteps{v: r.vault}
	err := r.write(ctx, func(tx *sql.Tx, ev *eventLog) error {
		m, err := memberByName(ctx, tx, op, name)
		if err != nil {
			return err
		}
		held, err := r.queryKeys(ctx, tx, `WHERE k.member_id = ? AND `+currentKey+` ORDER BY k.label`, m.ID)
		if err != nil {
			return err
		}
		detail, err := r.handOver(ctx, tx, ev, steps, m, held, d)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE members SET removed_at = ? WHERE id = ?`, r.stamp(), m.ID); err != nil {
			return fmt.Errorf("remove member %q: %w", m.Name, err)
		}
		return ev.add(EventRemoved, 0, "", m.Name, detail)
	})
	if err != nil {
		steps.rollback()
	}
	return err
}

// handOver carries out the decision for a removed member's current keys and
// says what was done.
func (r *Register) handOver(ctx context.Context, tx *sql.Tx, ev *eventLog, steps *vaultSteps, m Member, held []Key, d Decision) (string, error) {
	const op = "keys.remove_member"
	if len(held) == 0 {
		return "held no current keys", nil
	}
	switch strings.TrimSpace(d.Action) {
	case DecisionRevoke:
		for _, k := range held {
			if err := r.revoke(ctx, tx, ev, steps, k, "member "+m.Name+" removed"); err != nil {
				return "", err
			}
		}
		return fmt.Sprintf("%d key(s) revoked", len(held)), nil
	case DecisionReassign:
		to, err := memberByName(ctx, tx, op, d.To)
		if err != nil {
			return "", err
		}
		if to.ID == m.ID {
			return "", apperr.Text(CodeDecisionInvalid, op, "Reassign the keys to someone other than the member being removed.",
				"请将密钥转交给被移除成员以外的人。")
		}
		for _, k := range held {
			if _, err := tx.ExecContext(ctx, `UPDATE api_keys SET member_id = ? WHERE id = ?`, to.ID, k.ID); err != nil {
				return "", fmt.Errorf("reassign key %q: %w", k.Label, err)
			}
			if err := ev.add(EventReassigned, k.ID, k.Label, to.Name, "from "+m.Name+" to "+to.Name); err != nil {
				return "", err
			}
		}
		return fmt.Sprintf("%d key(s) reassigned to %s", len(held), to.Name), nil
	case "":
		labels := make([]string, len(held))
		for i, k := range held {
			labels[i] = k.Label
		}
		list := strings.Join(labels, ", ")
		return "", apperr.Text(CodeMemberHasKeys, op,
			fmt.Sprintf("%s still holds %d current key(s): %s. Choose whether to revoke them or reassign them to another member.", m.Name, len(held), list),
			fmt.Sprintf("%s 仍持有 %d 把在用密钥：%s。请选择吊销这些密钥，或将其转交给其他成员。", m.Name, len(held), list))
	}
	return "", apperr.Text(CodeDecisionInvalid, op,
		fmt.Sprintf("%q is not a decision; choose revoke or reassign.", shown(d.Action)),
		fmt.Sprintf("“%s”不是有效的处理方式；请选择吊销（revoke）或转交（reassign）。", shown(d.Action)))
}
