package openai

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"
)

// VerifyStatus is the outcome of checking a key against GET /models.
type VerifyStatus string

// Verification outcomes.
const (
	KeyValid        VerifyStatus = "valid"         // the API accepted the key
	KeyInvalid      VerifyStatus = "invalid"       // 401: unknown or mistyped key
	KeyRevoked      VerifyStatus = "revoked"       // 401 saying the key was revoked, invalidated or deactivated
	KeyRateLimited  VerifyStatus = "rate_limited"  // 429: the key works but its budget is spent
	KeyForbidden    VerifyStatus = "forbidden"     // 403: the key may not list models, or the region is blocked
	KeyServerError  VerifyStatus = "server_error"  // 5xx: the API could not answer
	KeyNetworkError VerifyStatus = "network_error" // no answer from the base URL
)

// VerifyResult is what a key check found. Cause explains any outcome
// other than valid; apperr.Describe renders it in the user's language.
type VerifyResult struct {
	Status     VerifyStatus  `json:"status"`
	ModelCount int           `json:"model_count"`
	RequestID  string        `json:"request_id,omitempty"`
	RetryAfter time.Duration `json:"retry_after,omitempty"`
	CheckedAt  time.Time     `json:"checked_at"`
	Cause      error         `json:"-"`
}

// VerifyKey checks the client's key with one GET /models, without retries.
// Every outcome is a VerifyResult; the error is only for a cancelled or
// expired ctx.
func (c *Client) VerifyKey(ctx context.Context) (VerifyResult, error) {
	ctx, st := withCall(ctx, 1)
	list, err := c.api.ListModels(ctx)
	res := VerifyResult{CheckedAt: c.tr.now(), RequestID: st.last.RequestID}
	if err == nil {
		res.Status, res.ModelCount = KeyValid, len(list.Models)
		return res, nil
	}
	if ctxErr := ctx.Err(); ctxErr != nil {
		return res, c.fail("openai.verify", st, err)
	}
	res.Cause = c.fail("openai.verify", st, err)
	res.RetryAfter = st.last.RateLimit.serverWait()
	var ae *APIError
	if !errors.As(fromGoOpenAI(err, c.cfg.APIKey), &ae) {
		res.Status = KeyNetworkError
		return res, nil
	}
	switch {
	case ae.Status == http.StatusUnauthorized && revoked(ae):
		res.Status = KeyRevoked
	case ae.Status == http.StatusUnauthorized:
		res.Status = KeyInvalid
	case ae.Status == http.StatusTooManyRequests:
		res.Status = KeyRateLimited
	case ae.Status == http.StatusForbidden:
		res.Status = KeyForbidden
	default:
		res.Status = KeyServerError
	}
	return res, nil
}

// revoked tells a revoked key from a mistyped one. The API answers both
// with 401; a revoked or deactivated key gets its own code or wording.
func revoked(ae *APIError) bool {
	switch ae.Code {
	case "invalid_authentication", "account_deactivated", "api_key_revoked":
		return true
	}
	for _, w := range []string{"revoked", "deactivated", "invalidated", "disabled"} {
		if strings.Contains(strings.ToLower(ae.Message), w) {
			return true
		}
	}
	return false
}
