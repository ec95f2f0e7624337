package openai

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Limits is a per-minute budget, as on the user's OpenAI usage tier. Zero
// means no limit.
type Limits struct {
	RequestsPerMinute int `json:"requests_per_minute"`
	TokensPerMinute   int `json:"tokens_per_minute"`
}

// Limiter keeps calls within Limits on the client side, so that a long
// moderation run does not spend the team's shared budget in bursts. Each
// budget is a token bucket holding one minute's worth that refills
// continuously. It is safe for concurrent use; waiters are served in the
// order they reserve.
type Limiter struct {
	mu       sync.Mutex
	limits   Limits
	requests float64 // available; negative when reserved ahead
	tokens   float64
	last     time.Time
	now      func() time.Time
	sleep    func(context.Context, time.Duration) error
}

// NewLimiter returns a limiter for l with a full budget. now and sleep may
// be nil for the real clock; tests pass a fake clock and a sleeper that
// advances it.
func NewLimiter(l Limits, now func() time.Time, sleep func(context.Context, time.Duration) error) *Limiter {
	if now == nil {
		now = time.Now
	}
	if sleep == nil {
		sleep = sleepContext
	}
	return &Limiter{limits: l, requests: float64(l.RequestsPerMinute), tokens: float64(l.TokensPerMinute), last: now(), now: now, sleep: sleep}
}

// Limits returns the budget the limiter enforces.
func (l *Limiter) Limits() Limits { return l.limits }

// Wait blocks until one request and tokens tokens fit the budget, then
// spends them. A call larger than the whole token budget waits for a full
// bucket. It returns ctx's error if ctx ends first; the reservation is
// kept, as the caller may still send.
func (l *Limiter) Wait(ctx context.Context, tokens int) error {
	d := l.Reserve(tokens)
	if d <= 0 {
		return ctx.Err()
	}
	if err := l.sleep(ctx, d); err != nil {
		return fmt.Errorf("wait for rate limit: %w", err)
	}
	return nil
}

// Reserve spends one request and tokens tokens now and returns how long
// the caller must wait before using them.
func (l *Limiter) Reserve(tokens int) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if el := now.Sub(l.last); el > 0 {
		l.requests = refill(l.requests, el, l.limits.RequestsPerMinute)
		l.tokens = refill(l.tokens, el, l.limits.TokensPerMinute)
	}
	l.last = now
	var wait time.Duration
	if rpm := l.limits.RequestsPerMinute; rpm > 0 {
		wait = max(wait, shortfall(l.requests, 1, rpm))
		l.requests--
	}
	if tpm := l.limits.TokensPerMinute; tpm > 0 && tokens > 0 {
		need := float64(min(tokens, tpm))
		wait = max(wait, shortfall(l.tokens, need, tpm))
		l.tokens -= need
	}
	return wait
}

// refill adds el's share of a per-minute rate to avail, up to one minute.
func refill(avail float64, el time.Duration, perMinute int) float64 {
	if perMinute <= 0 {
		return avail
	}
	return min(float64(perMinute), avail+el.Minutes()*float64(perMinute))
}

// shortfall is how long until avail reaches need at perMinute.
func shortfall(avail, need float64, perMinute int) time.Duration {
	if avail >= need {
		return 0
	}
	return time.Duration((need - avail) / float64(perMinute) * float64(time.Minute))
}
