package openai

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

func TestRetryable(t *testing.T) {
	netErr := errors.New("connection reset by peer")
	tests := []struct {
		status int
		code   string
		err    error
		want   bool
	}{
		{429, "rate_limit_exceeded", nil, true},
		{429, "insufficient_quota", nil, false},
		{500, "", nil, true}, {502, "", nil, true}, {503, "", nil, true}, {504, "", nil, true},
		{400, "", nil, false}, {401, "invalid_api_key", nil, false}, {403, "", nil, false}, {404, "", nil, false},
		{0, "", netErr, true},
		{0, "", fmt.Errorf("x: %w", context.Canceled), false},
		{0, "", context.DeadlineExceeded, false},
	}
	for _, tt := range tests {
		if got := Retryable(tt.status, tt.code, tt.err); got != tt.want {
			t.Errorf("Retryable(%d, %q, %v) = %v; want %v", tt.status, tt.code, tt.err, got, tt.want)
		}
	}
}

func TestRetryDelay(t *testing.T) {
	p := RetryPolicy{MaxAttempts: 5, BaseDelay: 500 * time.Millisecond, MaxDelay: 4 * time.Second, MaxServerWait: time.Minute,
		Rand: func() float64 { return 0.5 }}
	none := RateLimit{-1, -1, -1, -1, 0, 0, 0}
	tests := []struct {
		name    string
		attempt int
		rl      RateLimit
		want    time.Duration
		ok      bool
	}{
		{"JitterFirst", 1, none, 250 * time.Millisecond, true},
		{"JitterThird", 3, none, time.Second, true},
		{"JitterCapped", 12, none, 2 * time.Second, true},
		{"RetryAfter", 1, RateLimit{-1, -1, -1, -1, 0, 0, 7 * time.Second}, 7 * time.Second, true},
		{"ResetOfSpentTokens", 1, RateLimit{100, 1000, 5, 0, time.Second, 20 * time.Second, 0}, 20 * time.Second, true},
		{"ResetOfSpentRequests", 2, RateLimit{100, 1000, 0, 50, 3 * time.Second, 20 * time.Second, 0}, 3 * time.Second, true},
		{"ServerWaitTooLong", 1, RateLimit{-1, -1, -1, -1, 0, 0, 2 * time.Minute}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := p.Delay(tt.attempt, tt.rl)
			if got != tt.want || ok != tt.ok {
				t.Fatalf("Delay = %v, %v; want %v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
	// Full jitter spans [0, ceiling).
	p.Rand = nil
	for i := 0; i < 100; i++ {
		if d, _ := p.Delay(2, none); d < 0 || d >= time.Second {
			t.Fatalf("jittered delay %v outside [0, 1s)", d)
		}
	}
}
