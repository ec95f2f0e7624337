package keys

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"steward/backend/apperr"
)

const keyCols = `k.id, k.label, k.member_id, m.name, k.environment, k.kind, k.fingerprint, k.redacted,
	k.status, k.notes, k.created_at, k.marked_at, k.rotated_at, k.revoked_at,
	coalesce(k.replaces, 0), coalesce(k.replaced_by, 0), k.verified_at, k.verify_result, k.verify_detail
	FROM api_keys k JOIN members m ON m.id = k.member_id`

// currentKey selects current keys only.
const currentKey = `k.status IN ('active','rotation_due')`

type rowScanner interface{ Scan(...any) error }

func scanKey(s rowScanner) (Key, error) {
	var k Key
	err := s.Scan(&k.ID, &k.Label, &k.MemberID, &k.Member, &k.Environment, &k.Kind, &k.Fingerprint, &k.Redacted,
		&k.Status, &k.Notes, &k.CreatedAt, &k.MarkedAt, &k.RotatedAt, &k.RevokedAt,
		&k.Replaces, &k.ReplacedBy, &k.VerifiedAt, &k.VerifyResult, &k.VerifyDetail)
	return k, err
}

// queryKeys runs a key query and fills in each current key's rotation date.
func (r *Register) queryKeys(ctx context.Context, q querier, where string, args ...any) ([]Key, error) {
	policy, err := r.policyDays(ctx, q)
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT `+keyCols+` `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("list keys: %w", err)
	}
	defer rows.Close()
	out := []Key{}
	for rows.Next() {
		k, err := scanKey(rows)
		if err != nil {
			return nil, fmt.Errorf("list keys: %w", err)
		}
		if k.Current() {
			k.RotateBy = rotateBy(k.CreatedAt, policy[k.Environment])
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// rotateBy is the date a key added at created falls due under a policy of days.
func rotateBy(created string, days int) string {
	t, err := time.Parse(time.RFC3339, created)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, days).Format(time.DateOnly)
}

// Keys returns every key record: current keys and the retired and revoked
// ones kept as history, by label, current first, newest first.
func (r *Register) Keys(ctx context.Context) ([]Key, error) {
	return r.queryKeys(ctx, r.st.Read(), `ORDER BY lower(k.label), `+currentKey+` DESC, k.id DESC`)
}

// Key returns the current key with the given label (any case).
func (r *Register) Key(ctx context.Context, label string) (Key, error) {
	return r.currentKey(ctx, r.st.Read(), "keys.key", label)
}

func (r *Register) currentKey(ctx context.Context, q querier, op, label string) (Key, error) {
	label = strings.TrimSpace(label)
	ks, err := r.queryKeys(ctx, q, `WHERE lower(k.label) = lower(?) AND `+currentKey, label)
	if err != nil {
		return Key{}, err
	}
	if len(ks) == 0 {
		return Key{}, errKeyUnknown(op, label)
	}
	return ks[0], nil
}

func (r *Register) keyByID(ctx context.Context, q querier, id int64) (Key, error) {
	ks, err := r.queryKeys(ctx, q, `WHERE k.id = ?`, id)
	if err != nil {
		return Key{}, err
	}
	if len(ks) == 0 {
		return Key{}, fmt.Errorf("key record %d: %w", id, sql.ErrNoRows)
	}
	return ks[0], nil
}

// Secret returns the full API key of the current key with the given label,
// for callers that must use it (verification, moderation runs, the gateway).
// It is the only way a key leaves the vault; callers must not keep, log or
// show it.
func (r *Register) Secret(ctx context.Context, label string) (string, error) {
	const op = "keys.secret"
	k, err := r.currentKey(ctx, r.st.Read(), op, label)
	if err != nil {
		return "", err
	}
	return r.secretOf(op, k)
}

// secretOf reads k's secret from the vault.
func (r *Register) secretOf(op string, k Key) (string, error) {
	s, err := r.vault.Get(account(k.ID))
	if isNotFound(err) {
		return "", apperr.Text(CodeSecretMissing, op,
			fmt.Sprintf("The vault holds no secret for key %q. It may have been deleted outside Steward; rotate the key to paste it again.", k.Label),
			fmt.Sprintf("保管库中没有密钥“%s”。它可能已在 Steward 之外被删除；请通过轮换重新粘贴该密钥。", k.Label))
	}
	if err != nil {
		return "", fmt.Errorf("read key %q from the vault: %w", k.Label, err)
	}
	return s, nil
}

// Lookup names the member and label of the key with the given fingerprint,
// for the leak scanner and the gateway. A current record wins over history.
func (r *Register) Lookup(fingerprint string) (member, label string, ok bool) {
	fp := strings.ToLower(strings.TrimSpace(fingerprint))
	err := r.st.Read().QueryRow(`SELECT m.name, k.label FROM api_keys k JOIN members m ON m.id = k.member_id
		WHERE k.fingerprint = ? ORDER BY `+currentKey+` DESC, k.id DESC LIMIT 1`, fp).Scan(&member, &label)
	if err != nil {
		if !errors.Is(err, sql.ErrNoRows) {
			r.log.Warn("key lookup failed", "err", err)
		}
		return "", "", false
	}
	return member, label, true
}
