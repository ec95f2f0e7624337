package gateway

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// Which answers are the provider's failure, and which the request's own.
func TestFailoverCause(t *testing.T) {
	body := func(code string) string {
		return `{"error":{"message":"m","type":"t","param":null,"code":"` + code + `"}}`
	}
	tests := []struct {
		name     string
		status   int
		body     string
		own      bool
		failover bool
		account  bool
	}{
		{"Deactivated", 401, body("account_deactivated"), false, true, true},
		{"TeamKeyRefused", 401, body("invalid_api_key"), false, true, true},
		{"OwnKeyRefused", 401, body("invalid_api_key"), true, false, false},
		{"Region", 403, body("unsupported_country_region_territory"), false, true, true},
		{"OtherForbidden", 403, body("model_not_allowed"), false, false, false},
		{"Quota", 429, body("insufficient_quota"), false, true, true},
		{"RateLimit", 429, body("rate_limit_exceeded"), false, false, false},
		{"BadRequest", 400, body("invalid_value"), false, false, false},
		{"ServerError", 500, body(""), false, true, false},
		{"BadGateway", 502, "<html>", false, true, false},
		{"OK", 200, `{"id":"x"}`, false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := &http.Response{StatusCode: tt.status, Header: http.Header{"Content-Type": {"application/json"}},
				Body: io.NopCloser(strings.NewReader(tt.body))}
			c := &call{own: tt.own, up: &upstream{keys: &keyCache{}}}
			cause, account := c.failoverCause(resp)
			if (cause != "") != tt.failover || account != tt.account {
				t.Fatalf("cause %q, account %v", cause, account)
			}
			// The body is still whole for whoever reads it next.
			if b, _ := io.ReadAll(resp.Body); string(b) != tt.body {
				t.Fatalf("body after peeking = %q", b)
			}
		})
	}
}

func TestAccountTroubleAlerts(t *testing.T) {
	for _, tt := range []struct {
		status int
		typ    string
		own    bool
		want   bool
	}{
		{401, "account_deactivated", false, true},
		{429, "insufficient_quota", true, true},
		{403, "unsupported_country_region_territory", false, true},
		{401, "invalid_api_key", false, true},
		{401, "invalid_api_key", true, false},
		{400, "content_policy_violation", false, true},
		{429, "rate_limit_exceeded", false, false},
		{500, "server_error", false, false},
	} {
		if _, got := accountTrouble(tt.status, tt.typ, tt.own); got != tt.want {
			t.Errorf("%d %s own=%v: %v", tt.status, tt.typ, tt.own, got)
		}
	}
}
