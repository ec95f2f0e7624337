package gateway

import (
	"sync"
	"time"
)

// States of a provider's circuit breaker.
const (
	StateHealthy = "healthy" // calls go to it in its turn
	StateOpen    = "open"    // calls skip it until its cooldown ends
	StateProbing = "probing" // its cooldown ended: one call is trying it again
)

// transientTrips is how many 5xx answers or timeouts in a row open a
// breaker; one account-level failure opens it at once.
const transientTrips = 3

// breaker keeps calls off a provider that is failing, for a cooldown, then
// lets one call probe it; a success closes it again.
type breaker struct {
	mu          sync.Mutex
	state       string
	reason      string
	since       time.Time
	retryAt     time.Time
	inRow       int
	lastErr     string
	lastErrAt   time.Time
	requests    int64
	failures    int64
	lastLatency time.Duration
}

// claim reports whether a call may try the provider now; a claimed probe
// must end in success, failure or release.
func (b *breaker) claim(now time.Time) (ok, probe bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch {
	case b.state == "" || b.state == StateHealthy:
		return true, false
	case b.state == StateOpen && !now.Before(b.retryAt):
		b.state = StateProbing
		return true, true
	}
	return false, false
}

// release gives back a probe the call did not use.
func (b *breaker) release() {
	b.mu.Lock()
	if b.state == StateProbing {
		b.state = StateOpen
	}
	b.mu.Unlock()
}

// success notes an answer that was not a failure of the provider.
func (b *breaker) success(now time.Time, latency time.Duration) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.requests++
	b.lastLatency = latency
	if b.state != StateHealthy && b.state != "" {
		b.since = now
	}
	b.state, b.reason, b.inRow = StateHealthy, "", 0
}

// failure notes a failure of the provider and opens the breaker when it
// is account-level, when transient ones repeat, or when a probe failed.
// It reports whether the breaker opened.
func (b *breaker) failure(now time.Time, cause string, account bool, cooldown time.Duration) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.requests++
	b.failures++
	b.inRow++
	b.lastErr, b.lastErrAt = cause, now
	if account || b.inRow >= transientTrips || b.state == StateProbing {
		if b.state != StateOpen && b.state != StateProbing {
			b.since = now
		}
		b.state, b.reason, b.retryAt = StateOpen, cause, now.Add(cooldown)
		return true
	}
	return false
}

// ProviderState is a provider as the Gateway screen shows it.
type ProviderState struct {
	Provider
	State       string `json:"state"`         // StateHealthy, StateOpen or StateProbing
	Reason      string `json:"reason"`        // why it is open
	Since       string `json:"since"`         // RFC 3339: when it entered its state; "" if never changed
	RetryAt     string `json:"retry_at"`      // RFC 3339: when an open breaker lets a probe through
	LastError   string `json:"last_error"`    // the last failure's cause
	LastErrorAt string `json:"last_error_at"` // RFC 3339
	Requests    int64  `json:"requests"`      // calls it answered or failed
	Failures    int64  `json:"failures"`
	LatencyMS   int64  `json:"latency_ms"` // time to headers of its last good answer
}

// snapshot is the breaker's part of a ProviderState.
func (b *breaker) snapshot(s *ProviderState) {
	b.mu.Lock()
	defer b.mu.Unlock()
	s.State, s.Reason = b.state, b.reason
	if s.State == "" {
		s.State = StateHealthy
	}
	s.Since, s.LastErrorAt = stamp(b.since), stamp(b.lastErrAt)
	if b.state == StateOpen {
		s.RetryAt = stamp(b.retryAt)
	}
	s.LastError, s.Requests, s.Failures, s.LatencyMS = b.lastErr, b.requests, b.failures, b.lastLatency.Milliseconds()
}

// stamp is t in RFC 3339, UTC, or "" for the zero time.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
