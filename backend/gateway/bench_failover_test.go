package gateway

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"steward/backend/keys"
	"steward/backend/store"
	"steward/backend/usage"
)

// BenchmarkFailover measures one call through the handler whose primary
// refuses connections: every call tried first (tiny breaker cooldown),
// with the breaker open, and, for comparison, a healthy primary with the
// fallback ready.
func BenchmarkFailover(b *testing.B) {
	up := benchUpstream(b)
	st, err := store.Open(bg, b.TempDir(), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	reg := keys.New(st, &memVault{m: map[string]string{}}, keys.Options{})
	_, _ = reg.AddMember(bg, keys.MemberInput{Name: "Ada"})
	if _, err := reg.AddKey(bg, keys.KeyInput{Label: "team", Member: "Ada", Environment: keys.EnvDev}, testKey(b)); err != nil {
		b.Fatal(err)
	}
	access := NewAccess(st, reg, AccessOptions{})
	tok, _ := access.CreateToken(bg, "Ada")
	dead := deadAddr(b)
	body := []byte(`{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello"}]}`)
	for _, tt := range []struct {
		name     string
		primary  string
		cooldown time.Duration
	}{
		{"PrimaryHealthy", up.URL + "/v1", 0},
		{"DeadPrimaryEveryCall", dead, time.Nanosecond},
		{"DeadPrimaryBreakerOpen", dead, 0},
	} {
		b.Run(tt.name, func(b *testing.B) {
			gw, err := New(Config{Upstream: tt.primary, UpstreamKeyLabel: "team", BreakerCooldown: tt.cooldown},
				Deps{Access: access, Secret: reg.Secret, Recorder: usage.RecorderFunc(func(usage.Event) {}),
					Fallbacks: []Provider{{Name: "fallback", BaseURL: up.URL + "/v1", KeyLabel: "team"}}})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/v1/chat/completions", bytes.NewReader(body))
				req.Header.Set("Authorization", "Bearer "+tok)
				req.Header.Set("Content-Type", "application/json")
				w := httptest.NewRecorder()
				gw.ServeHTTP(w, req)
				if w.Code != 200 {
					b.Fatalf("status %d: %s", w.Code, w.Body)
				}
			}
		})
	}
}
