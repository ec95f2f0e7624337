package gateway

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"time"

	"steward/backend/apperr"
)

// Member tokens are "stw_" followed by 40 base62 characters (about 238 bits).
const (
	TokenPrefix = "stw_"
	tokenChars  = 40
	base62      = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	shownChars  = 4 // characters after the prefix kept to recognise a token by
	touchEvery  = time.Minute
	maxCached   = 4096
)

// Token is a member token as listed: never the token itself.
type Token struct {
	ID         int64  `json:"id"`
	Member     string `json:"member"`     // "" once the member has been removed
	Prefix     string `json:"prefix"`     // "stw_Ab3x…"
	CreatedAt  string `json:"created_at"` // RFC 3339, UTC
	LastUsedAt string `json:"last_used_at"`
	RevokedAt  string `json:"revoked_at"`
	Active     bool   `json:"active"` // not revoked, and its member is current
}

// tokenEntry is a cached answer to "whose token is this?".
type tokenEntry struct {
	hash      string
	id        int64
	member    string // "" when the token is unknown, revoked or its member removed
	checked   time.Time
	touchedAt time.Time
}

// newToken draws a fresh token from r, base62 by rejection sampling so every
// character is equally likely.
func newToken(r io.Reader) (string, error) {
	out := make([]byte, 0, len(TokenPrefix)+tokenChars)
	out = append(out, TokenPrefix...)
	buf := make([]byte, 64)
	for len(out) < cap(out) {
		if _, err := io.ReadFull(r, buf); err != nil {
			return "", fmt.Errorf("draw a token: %w", err)
		}
		for _, b := range buf {
			if b < 248 && len(out) < cap(out) { // 248 = 4 × 62
				out = append(out, base62[b%62])
			}
		}
	}
	return string(out), nil
}

// hashToken is the hex SHA-256 a token is stored as.
func hashToken(tok string) string {
	sum := sha256.Sum256([]byte(tok))
	return hex.EncodeToString(sum[:])
}

// CreateToken makes a new token for a current member and returns it. This is
// the only time it is shown: only its hash is kept.
func (a *Access) CreateToken(ctx context.Context, member string) (string, error) {
	m, err := a.dir.Member(ctx, member)
	if err != nil {
		return "", err
	}
	tok, err := newToken(a.rand)
	if err != nil {
		return "", err
	}
	err = a.st.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO gateway_tokens(member_id, hash, prefix, created_at) VALUES (?, ?, ?, ?)`,
			m.ID, hashToken(tok), tok[:len(TokenPrefix)+shownChars], a.stamp())
		return err
	})
	if err != nil {
		return "", fmt.Errorf("save a token for %q: %w", m.Name, err)
	}
	return tok, nil
}

// RevokeToken withdraws a token; the gateway refuses it from then on.
// Revoking a revoked token changes nothing.
func (a *Access) RevokeToken(ctx context.Context, id int64) error {
	err := a.st.Write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE gateway_tokens SET revoked_at = CASE WHEN revoked_at = '' THEN ? ELSE revoked_at END WHERE id = ?`,
			a.stamp(), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return apperr.Text(CodeTokenUnknown, "gateway.revoke_token",
				fmt.Sprintf("There is no member token with id %d.", id), fmt.Sprintf("没有编号为 %d 的成员令牌。", id))
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("revoke token %d: %w", id, err)
	}
	a.forget()
	return nil
}

// Tokens lists every token, newest first.
func (a *Access) Tokens(ctx context.Context) ([]Token, error) {
	names, err := a.memberNames(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := a.st.Read().QueryContext(ctx, `SELECT id, member_id, prefix, created_at, last_used_at, revoked_at
		FROM gateway_tokens ORDER BY id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list tokens: %w", err)
	}
	defer rows.Close()
	out := []Token{}
	for rows.Next() {
		var t Token
		var memberID int64
		if err := rows.Scan(&t.ID, &memberID, &t.Prefix, &t.CreatedAt, &t.LastUsedAt, &t.RevokedAt); err != nil {
			return nil, fmt.Errorf("list tokens: %w", err)
		}
		t.Prefix += "…"
		t.Member = names[memberID]
		t.Active = t.RevokedAt == "" && t.Member != ""
		out = append(out, t)
	}
	return out, rows.Err()
}

// authenticate names the member a token belongs to, or "" if it is not a
// usable token. Answers are cached for the cache TTL, unknown tokens too.
// While the database cannot be read, a token answered before keeps its
// last answer (checked again after another TTL), as policies do; a token
// never seen gets the error.
func (a *Access) authenticate(ctx context.Context, tok string) (tokenEntry, error) {
	h := hashToken(tok)
	now := a.now()
	a.mu.RLock()
	old, cached := a.tokens[h]
	a.mu.RUnlock()
	if cached && now.Sub(old.checked) < a.ttl && now.Sub(old.checked) >= 0 {
		return old, nil
	}
	e, err := a.lookupToken(ctx, h)
	if err != nil && !cached {
		return tokenEntry{}, err
	}
	if err != nil {
		e = old // the database is away: keep the last answer for another TTL
	}
	e.hash, e.checked = h, now
	a.mu.Lock()
	if len(a.tokens) >= maxCached {
		clear(a.tokens)
	}
	if old, ok := a.tokens[h]; ok {
		e.touchedAt = old.touchedAt
	}
	a.tokens[h] = e
	a.mu.Unlock()
	return e, nil
}

// lookupToken reads a token's record.
func (a *Access) lookupToken(ctx context.Context, hash string) (tokenEntry, error) {
	var e tokenEntry
	var memberID int64
	var revoked string
	err := a.st.Read().QueryRowContext(ctx, `SELECT id, member_id, revoked_at FROM gateway_tokens WHERE hash = ?`, hash).
		Scan(&e.id, &memberID, &revoked)
	if errors.Is(err, sql.ErrNoRows) {
		return e, nil
	}
	if err != nil {
		return e, fmt.Errorf("look up a member token: %w", err)
	}
	if revoked != "" {
		return e, nil
	}
	names, err := a.memberNames(ctx)
	if err != nil {
		return e, err
	}
	e.member = names[memberID]
	return e, nil
}

// dueForTouch reports whether a token's last-used time should be written
// now, at most once a minute, and notes that it is being written.
func (a *Access) dueForTouch(hash string, now time.Time) bool {
	due := func(e tokenEntry, ok bool) bool {
		return ok && (e.touchedAt.IsZero() || now.Sub(e.touchedAt) >= touchEvery)
	}
	a.mu.RLock()
	e, ok := a.tokens[hash]
	a.mu.RUnlock()
	if !due(e, ok) {
		return false
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if e, ok = a.tokens[hash]; !due(e, ok) {
		return false
	}
	e.touchedAt = now
	a.tokens[hash] = e
	return true
}

// touch records that a token was used at t.
func (a *Access) touch(ctx context.Context, id int64, t time.Time) error {
	return a.st.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE gateway_tokens SET last_used_at = ? WHERE id = ?`, t.UTC().Format(time.RFC3339), id)
		return err
	})
}

// TokenMember names the member a token is good for, or "" when it is
// unknown, revoked or its member removed: the gateway's own check, cache
// included, for other fronts and the store contract tests.
func (a *Access) TokenMember(ctx context.Context, tok string) (string, error) {
	e, err := a.authenticate(ctx, tok)
	return e.member, err
}
