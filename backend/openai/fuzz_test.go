package openai

import (
	"net/http"
	"testing"
	"time"
)

// FuzzParseRateLimit feeds arbitrary header values: parsing never panics
// and never yields a negative wait.
func FuzzParseRateLimit(f *testing.F) {
	for _, s := range []string{"1s", "6m0s", "1h2m3.5s", "20ms", "7", "1e308", "-5", "NaN", "Mon, 02 Mar 2026 10:01:00 GMT", ""} {
		f.Add(s, s)
	}
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, reset, retry string) {
		h := http.Header{}
		h.Set("x-ratelimit-reset-requests", reset)
		h.Set("x-ratelimit-reset-tokens", retry)
		h.Set("retry-after", retry)
		h.Set("retry-after-ms", reset)
		rl := ParseRateLimit(h, now)
		if rl.ResetRequests < 0 || rl.ResetTokens < 0 || rl.RetryAfter < 0 || rl.serverWait() < 0 {
			t.Fatalf("negative duration from %q / %q: %+v", reset, retry, rl)
		}
	})
}
