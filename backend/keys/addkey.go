package keys

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode/utf8"

	"steward/backend/apperr"
	"steward/backend/secret"
)

// AddKey registers apiKey for a member. The key goes into the vault only;
// the register keeps its label, environment, kind, fingerprint and redacted
// form. A string that is not shaped like an OpenAI API key is refused.
func (r *Register) AddKey(ctx context.Context, in KeyInput, apiKey string) (Key, error) {
	const op = "keys.add"
	k, err := CleanKey(op, apiKey)
	if err != nil {
		return Key{}, err
	}
	if in, err = cleanKeyInput(op, in); err != nil {
		return Key{}, err
	}
	fp, kind, red := secret.Fingerprint(k), secret.Kind(k), secret.Redact(k)
	var id int64
	steps := &vaultSteps{v: r.vault}
	err = r.write(ctx, func(tx *sql.Tx, ev *eventLog) error {
		m, err := memberByName(ctx, tx, op, in.Member)
		if err != nil {
			return err
		}
		if err := checkNewFingerprint(ctx, tx, op, fp, m.ID); err != nil {
			return err
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO api_keys(label, member_id, environment, kind, fingerprint, redacted, notes, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, in.Label, m.ID, in.Environment, kind, fp, red, in.Notes, r.stamp()).Scan(&id)
		if err != nil {
			return keyWriteErr(op, in.Label, err)
		}
		if err := ev.add(EventAdded, id, in.Label, m.Name, fmt.Sprintf("%s %s key %s", in.Environment, kind, red)); err != nil {
			return err
		}
		return steps.set(account(id), k)
	})
	if err != nil {
		steps.rollback()
		return Key{}, err
	}
	return r.keyByID(ctx, r.st.Read(), id)
}

// checkNewFingerprint refuses a key the register already knows for this
// member or has retired or revoked. The same key for another member is
// allowed so that sharing is on record and shows up as a finding.
func checkNewFingerprint(ctx context.Context, q querier, op, fp string, memberID int64) error {
	rows, err := q.QueryContext(ctx, `SELECT label, member_id, status, rotated_at, revoked_at FROM api_keys WHERE fingerprint = ?`, fp)
	if err != nil {
		return fmt.Errorf("check key is new: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var label, status, rotated, revoked string
		var member int64
		if err := rows.Scan(&label, &member, &status, &rotated, &revoked); err != nil {
			return fmt.Errorf("check key is new: %w", err)
		}
		switch {
		case status == StatusRetired || status == StatusRevoked:
			return apperr.Text(CodeKeyExists, op,
				fmt.Sprintf("This key was %s in Steward on %s (label %q). Revoke it at platform.openai.com/api-keys and create a new one.", status, day(rotated+revoked), label),
				fmt.Sprintf("该密钥已于 %s 在 Steward 中%s（标签“%s”）。请在 platform.openai.com/api-keys 吊销它并创建新密钥。", day(rotated+revoked), statusZh(status), label))
		case member == memberID:
			return apperr.Text(CodeKeyExists, op,
				fmt.Sprintf("This member already has this key, labelled %q.", label),
				fmt.Sprintf("该成员已登记过这把密钥，标签为“%s”。", label))
		}
	}
	return rows.Err()
}

// EditKey changes a current key's label, environment or notes.
func (r *Register) EditKey(ctx context.Context, label string, e KeyEdit) (Key, error) {
	const op = "keys.edit"
	var id int64
	err := r.write(ctx, func(tx *sql.Tx, ev *eventLog) error {
		k, err := r.currentKey(ctx, tx, op, label)
		if err != nil {
			return err
		}
		in := KeyInput{Label: k.Label, Member: k.Member, Environment: k.Environment, Notes: k.Notes}
		if e.Label != nil {
			in.Label = *e.Label
		}
		if e.Environment != nil {
			in.Environment = *e.Environment
		}
		if e.Notes != nil {
			in.Notes = *e.Notes
		}
		if in, err = cleanKeyInput(op, in); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE api_keys SET label = ?, environment = ?, notes = ? WHERE id = ?`,
			in.Label, in.Environment, in.Notes, k.ID); err != nil {
			return keyWriteErr(op, in.Label, err)
		}
		id = k.ID
		return ev.add(EventEdited, k.ID, in.Label, k.Member, editDetail(k, in))
	})
	if err != nil {
		return Key{}, err
	}
	return r.keyByID(ctx, r.st.Read(), id)
}

func editDetail(k Key, in KeyInput) string {
	var parts []string
	if k.Label != in.Label {
		parts = append(parts, "label was "+k.Label)
	}
	if k.Environment != in.Environment {
		parts = append(parts, "environment was "+k.Environment)
	}
	if k.Notes != in.Notes {
		parts = append(parts, "notes changed")
	}
	return strings.Join(parts, "; ")
}

// cleanKeyInput trims and checks a key's metadata.
func cleanKeyInput(op string, in KeyInput) (KeyInput, error) {
	in.Label, in.Notes, in.Member = strings.TrimSpace(in.Label), strings.TrimSpace(in.Notes), strings.TrimSpace(in.Member)
	if err := checkText(op, "label", in.Label); err != nil {
		return in, err
	}
	if err := checkText(op, "notes", in.Notes); err != nil {
		return in, err
	}
	if in.Label == "" {
		return in, errRequired(op, "A label", "标签")
	}
	if utf8.RuneCountInString(in.Label) > 100 || utf8.RuneCountInString(in.Notes) > 2000 {
		return in, apperr.Text(CodeFieldInvalid, op, "Labels are limited to 100 characters and notes to 2000.",
			"标签最多 100 个字符，备注最多 2000 个字符。")
	}
	env, err := cleanEnv(op, in.Environment)
	in.Environment = env
	return in, err
}

func keyWriteErr(op, label string, err error) error {
	if isUniqueViolation(err) {
		return errLabelTaken(op, label)
	}
	return fmt.Errorf("save key %q: %w", label, err)
}

// day is the date part of an RFC 3339 timestamp.
func day(stamp string) string {
	if len(stamp) >= 10 {
		return stamp[:10]
	}
	return stamp
}

func statusZh(status string) string {
	switch status {
	case StatusRetired:
		return "停用"
	case StatusRevoked:
		return "吊销"
	}
	return status
}
