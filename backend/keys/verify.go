package keys

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"steward/backend/apperr"
)

// verifyResults lists every result a Verifier may report.
var verifyResults = []string{VerifyValid, VerifyInvalid, VerifyRevoked, VerifyRateLimited, VerifyNetworkError}

// maxDetail caps the verifier's note kept on a key.
const maxDetail = 300

// Verify checks the current key labelled label against the OpenAI API and
// records the result and time on the key. A verifier that fails outright
// is recorded as a network error; a cancelled check records nothing.
func (r *Register) Verify(ctx context.Context, label string) (Key, error) {
	const op = "keys.verify"
	if r.verifier == nil {
		return Key{}, apperr.Text(CodeNoVerifier, op, "Key verification is not set up in this build.",
			"此版本未配置密钥验证。")
	}
	k, err := r.currentKey(ctx, r.st.Read(), op, label)
	if err != nil {
		return Key{}, err
	}
	s, err := r.secretOf(op, k)
	if err != nil {
		return Key{}, err
	}
	v, err := r.verifier.Verify(ctx, s)
	if err != nil {
		if ctx.Err() != nil {
			return Key{}, fmt.Errorf("verify key %q: %w", k.Label, scrubErr(err, s))
		}
		v = Verification{Result: VerifyNetworkError, Detail: err.Error()}
	}
	if !slices.Contains(verifyResults, v.Result) {
		return Key{}, fmt.Errorf("verify key %q: the verifier gave an unknown result %q", k.Label, shown(scrubText(v.Result, s)))
	}
	detail := shown(scrubText(strings.TrimSpace(v.Detail), s))
	if r := []rune(detail); len(r) > maxDetail {
		detail = string(r[:maxDetail])
	}
	at := v.At
	if at.IsZero() {
		at = r.now()
	}
	err = r.write(ctx, func(tx *sql.Tx, ev *eventLog) error {
		if _, err := tx.ExecContext(ctx, `UPDATE api_keys SET verified_at = ?, verify_result = ?, verify_detail = ? WHERE id = ?`,
			at.UTC().Format(time.RFC3339), v.Result, detail, k.ID); err != nil {
			return fmt.Errorf("record verification of %q: %w", k.Label, err)
		}
		return ev.add(EventVerified, k.ID, k.Label, k.Member, strings.TrimSuffix(v.Result+": "+detail, ": "))
	})
	if err != nil {
		return Key{}, err
	}
	return r.keyByID(ctx, r.st.Read(), k.ID)
}
