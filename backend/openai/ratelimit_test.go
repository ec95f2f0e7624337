package openai

import (
	"net/http"
	"testing"
	"time"
)

func TestParseResetDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"1s", time.Second, true},
		{"6m0s", 6 * time.Minute, true},
		{"1h2m3.5s", time.Hour + 2*time.Minute + 3500*time.Millisecond, true},
		{"20ms", 20 * time.Millisecond, true},
		{"8.64s", 8640 * time.Millisecond, true},
		{"0s", 0, true},
		{"2", 2 * time.Second, true},
		{"", 0, false},
		{"soon", 0, false},
		{"-1s", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseResetDuration(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseResetDuration(%q) = %v, %v; want %v ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestParseRateLimit(t *testing.T) {
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	h := func(kv ...string) http.Header {
		out := http.Header{}
		for i := 0; i+1 < len(kv); i += 2 {
			out.Set(kv[i], kv[i+1])
		}
		return out
	}
	tests := []struct {
		name string
		h    http.Header
		want RateLimit
	}{
		{"AllHeaders", h(
			"x-ratelimit-limit-requests", "500", "x-ratelimit-remaining-requests", "499", "x-ratelimit-reset-requests", "120ms",
			"x-ratelimit-limit-tokens", "30000", "x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "6m0s",
			"retry-after", "7"),
			RateLimit{500, 30000, 499, 0, 120 * time.Millisecond, 6 * time.Minute, 7 * time.Second}},
		{"NoHeaders", h(), RateLimit{-1, -1, -1, -1, 0, 0, 0}},
		{"RetryAfterMsWins", h("retry-after", "7", "retry-after-ms", "1500"), RateLimit{-1, -1, -1, -1, 0, 0, 1500 * time.Millisecond}},
		{"RetryAfterDate", h("retry-after", now.Add(90*time.Second).Format(http.TimeFormat)), RateLimit{-1, -1, -1, -1, 0, 0, 90 * time.Second}},
		{"RetryAfterPastDate", h("retry-after", now.Add(-time.Minute).Format(http.TimeFormat)), RateLimit{-1, -1, -1, -1, 0, 0, 0}},
		{"RetryAfterGarbage", h("retry-after", "later", "x-ratelimit-reset-requests", "?"), RateLimit{-1, -1, -1, -1, 0, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ParseRateLimit(tt.h, now); got != tt.want {
				t.Fatalf("ParseRateLimit = %+v; want %+v", got, tt.want)
			}
		})
	}
}
