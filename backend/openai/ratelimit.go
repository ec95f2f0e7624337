package openai

import (
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// RateLimit is what a response's headers say about the rate limits.
// Counts the server did not send are -1; durations it did not send are 0.
type RateLimit struct {
	LimitRequests     int           `json:"limit_requests"`
	LimitTokens       int           `json:"limit_tokens"`
	RemainingRequests int           `json:"remaining_requests"`
	RemainingTokens   int           `json:"remaining_tokens"`
	ResetRequests     time.Duration `json:"reset_requests"` // until the request budget is full again
	ResetTokens       time.Duration `json:"reset_tokens"`   // until the token budget is full again
	RetryAfter        time.Duration `json:"retry_after"`    // from retry-after-ms or retry-after
}

// ParseRateLimit reads x-ratelimit-{limit,remaining,reset}-{requests,tokens},
// retry-after-ms and retry-after (seconds or an HTTP date, relative to now).
func ParseRateLimit(h http.Header, now time.Time) RateLimit {
	count := func(name string) int {
		n, err := strconv.Atoi(strings.TrimSpace(h.Get(name)))
		if err != nil {
			return -1
		}
		return n
	}
	reset := func(name string) time.Duration {
		d, _ := ParseResetDuration(h.Get(name))
		return d
	}
	return RateLimit{
		LimitRequests:     count("x-ratelimit-limit-requests"),
		LimitTokens:       count("x-ratelimit-limit-tokens"),
		RemainingRequests: count("x-ratelimit-remaining-requests"),
		RemainingTokens:   count("x-ratelimit-remaining-tokens"),
		ResetRequests:     reset("x-ratelimit-reset-requests"),
		ResetTokens:       reset("x-ratelimit-reset-tokens"),
		RetryAfter:        retryAfter(h, now),
	}
}

// ParseResetDuration reads the durations OpenAI puts in
// x-ratelimit-reset-* headers: Go-style "1s", "6m0s", "1h2m3.5s", "20ms",
// or a bare number of seconds. Empty or negative values are an error.
func ParseResetDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	d, err := time.ParseDuration(s)
	if err != nil {
		f, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return 0, err
		}
		d, err = time.Duration(f*float64(time.Second)), nil
	}
	if d < 0 {
		return 0, &time.ParseError{Layout: "duration", Value: s, Message: ": negative"}
	}
	return d, err
}

// retryAfter prefers retry-after-ms, then retry-after as seconds or as an
// HTTP date.
func retryAfter(h http.Header, now time.Time) time.Duration {
	if v := strings.TrimSpace(h.Get("retry-after-ms")); v != "" {
		if ms, err := strconv.ParseFloat(v, 64); err == nil && ms > 0 && ms < math.MaxInt64/float64(time.Millisecond) {
			return time.Duration(ms * float64(time.Millisecond))
		}
	}
	v := strings.TrimSpace(h.Get("retry-after"))
	if v == "" {
		return 0
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil {
		if s > 0 && s < math.MaxInt64/float64(time.Second) {
			return time.Duration(s * float64(time.Second))
		}
		return 0
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// serverWait is how long the server asks a client to wait before trying
// again: Retry-After if given, else the reset of whichever budget is spent.
func (r RateLimit) serverWait() time.Duration {
	if r.RetryAfter > 0 {
		return r.RetryAfter
	}
	var d time.Duration
	if r.RemainingRequests == 0 {
		d = max(d, r.ResetRequests)
	}
	if r.RemainingTokens == 0 {
		d = max(d, r.ResetTokens)
	}
	return d
}
