package openai

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"steward/backend/apperr"
	"steward/backend/openaitest"
)

func TestVerifyKey(t *testing.T) {
	good, revoked := testKey(t), testKey(t)
	tests := []struct {
		name    string
		key     string
		srvOpts []openaitest.Option
		prepare func(h *harness)
		want    VerifyStatus
		code    apperr.Code
	}{
		{"Valid", good, nil, nil, KeyValid, ""},
		{"Invalid", testKey(t), nil, nil, KeyInvalid, CodeKeyRejected},
		{"Revoked", revoked, []openaitest.Option{openaitest.WithRevokedKeys(revoked)}, nil, KeyRevoked, CodeKeyRejected},
		{"RateLimited", good, []openaitest.Option{openaitest.WithRateLimits(openaitest.RateLimits{RequestsPerMinute: 1})},
			func(h *harness) { _, _ = h.c.VerifyKey(context.Background()) }, KeyRateLimited, CodeRateLimited},
		{"Forbidden", good, nil, func(h *harness) { h.srv.FailNext(1, http.StatusForbidden) }, KeyForbidden, CodeForbidden},
		{"ServerError", good, nil, func(h *harness) { h.srv.FailNext(1, http.StatusServiceUnavailable) }, KeyServerError, CodeServerError},
		{"NetworkError", good, nil, func(h *harness) { h.srv.Inject(1, openaitest.Fault{Drop: true}) }, KeyNetworkError, CodeUnreachable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := append([]openaitest.Option{openaitest.WithKeys(good, revoked)}, tt.srvOpts...)
			h := newHarness(t, tt.key, opts, nil)
			if tt.prepare != nil {
				tt.prepare(h)
			}
			before := len(h.calls.Calls())
			res, err := h.c.VerifyKey(context.Background())
			if err != nil {
				t.Fatalf("VerifyKey error: %v", err)
			}
			if res.Status != tt.want || apperr.CodeOf(res.Cause) != tt.code && tt.code != "" {
				t.Fatalf("VerifyKey = %s (%v); want %s", res.Status, res.Cause, tt.want)
			}
			if tt.want == KeyValid && (res.ModelCount == 0 || res.Cause != nil || res.RequestID == "") {
				t.Fatalf("valid result = %+v", res)
			}
			if tt.want == KeyRateLimited && res.RetryAfter != time.Minute {
				t.Fatalf("RetryAfter = %v; want 1m", res.RetryAfter)
			}
			if n := len(h.calls.Calls()) - before; n != 1 {
				t.Fatalf("%d attempts; verification never retries", n)
			}
			noKey(t, tt.key, res, res.Cause)
		})
	}
}

func TestVerifyKeyCancelled(t *testing.T) {
	h := newHarness(t, testKey(t), nil, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := h.c.VerifyKey(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v; want context.Canceled", err)
	}
}
