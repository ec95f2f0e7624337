package keys

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"steward/backend/apperr"
	"steward/backend/secret"
)

// Rotate replaces the current key labelled label with its successor
// newSecret. The successor gets its own record under the same label,
// member and environment, and the old record's places to update, unticked.
// The old record is kept as retired with the date, and its secret is
// deleted from the vault.
func (r *Register) Rotate(ctx context.Context, label, newSecret string) (Key, error) {
	const op = "keys.rotate"
	nk, err := CleanKey(op, newSecret)
	if err != nil {
		return Key{}, err
	}
	fp, kind, red := secret.Fingerprint(nk), secret.Kind(nk), secret.Redact(nk)
	var newID int64
	steps := &vaultSteps{v: r.vault}
	err = r.write(ctx, func(tx *sql.Tx, ev *eventLog) error {
		old, err := r.currentKey(ctx, tx, op, label)
		if err != nil {
			return err
		}
		if fp == old.Fingerprint {
			return apperr.Text(CodeKeyExists, op,
				"That is the key being replaced. Create a new key at platform.openai.com/api-keys and paste that.",
				"这正是要被替换的密钥。请在 platform.openai.com/api-keys 创建新密钥后粘贴新密钥。")
		}
		if err := checkNewFingerprint(ctx, tx, op, fp, old.MemberID); err != nil {
			return err
		}
		if newID, err = r.replace(ctx, tx, old, kind, fp, red); err != nil {
			return err
		}
		if err := ev.add(EventRotated, old.ID, old.Label, old.Member, "retired; successor "+red); err != nil {
			return err
		}
		if err := ev.add(EventAdded, newID, old.Label, old.Member, "successor of "+old.Redacted); err != nil {
			return err
		}
		prev, err := steps.get(account(old.ID))
		if err != nil {
			return fmt.Errorf("rotate key %q: %w", old.Label, err)
		}
		if err := steps.set(account(newID), nk); err != nil {
			return fmt.Errorf("rotate key %q: %w", old.Label, err)
		}
		return steps.del(account(old.ID), prev)
	})
	if err != nil {
		steps.rollback()
		return Key{}, err
	}
	return r.keyByID(ctx, r.st.Read(), newID)
}

// replace retires old and inserts its successor, carrying its places over.
func (r *Register) replace(ctx context.Context, tx *sql.Tx, old Key, kind, fp, red string) (int64, error) {
	now := r.stamp()
	if _, err := tx.ExecContext(ctx, `UPDATE api_keys SET status = ?, rotated_at = ? WHERE id = ?`,
		StatusRetired, now, old.ID); err != nil {
		return 0, fmt.Errorf("retire key %q: %w", old.Label, err)
	}
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO api_keys(label, member_id, environment, kind, fingerprint, redacted, notes, created_at, replaces)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, old.Label, old.MemberID, old.Environment, kind, fp, red, old.Notes, now, old.ID).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("add successor of %q: %w", old.Label, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE api_keys SET replaced_by = ? WHERE id = ?`, id, old.ID); err != nil {
		return 0, fmt.Errorf("link successor of %q: %w", old.Label, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO key_places(key_id, place, added_at)
		SELECT CAST(? AS BIGINT), place, CAST(? AS TEXT) FROM key_places WHERE key_id = ? ORDER BY id`, id, now, old.ID); err != nil {
		return 0, fmt.Errorf("carry places of %q: %w", old.Label, err)
	}
	return id, nil
}

// Places lists where the current key labelled label must be updated when
// it is rotated, with what has been ticked off since.
func (r *Register) Places(ctx context.Context, label string) ([]Place, error) {
	k, err := r.currentKey(ctx, r.st.Read(), "keys.places", label)
	if err != nil {
		return nil, err
	}
	rows, err := r.st.Read().QueryContext(ctx, `SELECT id, key_id, place, added_at, done_at FROM key_places WHERE key_id = ? ORDER BY id`, k.ID)
	if err != nil {
		return nil, fmt.Errorf("list places of %q: %w", k.Label, err)
	}
	defer rows.Close()
	out := []Place{}
	for rows.Next() {
		var p Place
		if err := rows.Scan(&p.ID, &p.KeyID, &p.Place, &p.AddedAt, &p.DoneAt); err != nil {
			return nil, fmt.Errorf("list places of %q: %w", k.Label, err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// AddPlace adds somewhere the current key labelled label is used, such as
// "GitHub Actions secret OPENAI_API_KEY" or "prod server .env".
func (r *Register) AddPlace(ctx context.Context, label, place string) (Place, error) {
	const op = "keys.add_place"
	place = strings.TrimSpace(place)
	if err := checkText(op, "place", place); err != nil {
		return Place{}, err
	}
	if place == "" {
		return Place{}, errRequired(op, "A place", "更新位置")
	}
	if utf8.RuneCountInString(place) > 200 {
		return Place{}, apperr.Text(CodeFieldInvalid, op, "A place is limited to 200 characters.", "更新位置最多 200 个字符。")
	}
	var p Place
	err := r.write(ctx, func(tx *sql.Tx, ev *eventLog) error {
		k, err := r.currentKey(ctx, tx, op, label)
		if err != nil {
			return err
		}
		p = Place{KeyID: k.ID, Place: place, AddedAt: r.stamp()}
		err = tx.QueryRowContext(ctx, `INSERT INTO key_places(key_id, place, added_at) VALUES (?, ?, ?) RETURNING id`,
			k.ID, place, p.AddedAt).Scan(&p.ID)
		if err != nil {
			return fmt.Errorf("add place to %q: %w", k.Label, err)
		}
		return ev.add(EventPlaceAdded, k.ID, k.Label, k.Member, place)
	})
	return p, err
}

// TickPlace ticks a place off (done true) once the current key is in place
// there, or unticks it.
func (r *Register) TickPlace(ctx context.Context, placeID int64, done bool) (Place, error) {
	const op = "keys.tick_place"
	var p Place
	err := r.write(ctx, func(tx *sql.Tx, ev *eventLog) error {
		var status string
		err := tx.QueryRowContext(ctx, `SELECT p.id, p.key_id, p.place, p.added_at, p.done_at, k.status
			FROM key_places p JOIN api_keys k ON k.id = p.key_id WHERE p.id = ?`, placeID).
			Scan(&p.ID, &p.KeyID, &p.Place, &p.AddedAt, &p.DoneAt, &status)
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.Text(CodePlaceUnknown, op, "That place is not on any key's list.", "该更新位置不在任何密钥的清单中。")
		}
		if err != nil {
			return fmt.Errorf("tick place %d: %w", placeID, err)
		}
		if status != StatusActive && status != StatusRotationDue {
			return apperr.Text(CodeKeyNotCurrent, op, "That place belongs to a key no longer in use.", "该更新位置属于已不再使用的密钥。")
		}
		p.DoneAt = ""
		if done {
			p.DoneAt = r.stamp()
		}
		if _, err := tx.ExecContext(ctx, `UPDATE key_places SET done_at = ? WHERE id = ?`, p.DoneAt, p.ID); err != nil {
			return fmt.Errorf("tick place %d: %w", placeID, err)
		}
		k, err := r.keyByID(ctx, tx, p.KeyID)
		if err != nil {
			return err
		}
		state := "done"
		if !done {
			state = "not done"
		}
		return ev.add(EventPlaceTicked, k.ID, k.Label, k.Member, p.Place+": "+state)
	})
	return p, err
}
