package openai

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"time"
)

// RetryPolicy decides whether and when a failed attempt is tried again.
// Retried: 429 (except insufficient_quota, which waiting does not fix),
// 500, 502, 503, 504 and network errors. Never retried: 400, 401, 403,
// 404 or any other status. The wait is the server's Retry-After or the
// reset of the spent budget when it gives one, otherwise exponential
// backoff with full jitter: a random time up to BaseDelay·2^(attempt-1),
// capped at MaxDelay.
type RetryPolicy struct {
	MaxAttempts int           // attempts in all, the first included; 1 disables retries
	BaseDelay   time.Duration // first backoff ceiling
	MaxDelay    time.Duration // backoff ceiling
	// MaxServerWait is the longest server-requested wait honoured; a
	// longer one ends the call with the rate-limit error instead.
	MaxServerWait time.Duration
	// Rand returns a number in [0, 1) for jitter; nil uses math/rand/v2.
	Rand func() float64
}

// DefaultRetryPolicy is four attempts, backoff from 500ms up to 20s, and
// server waits of up to two minutes.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{MaxAttempts: 4, BaseDelay: 500 * time.Millisecond, MaxDelay: 20 * time.Second, MaxServerWait: 2 * time.Minute}
}

// NoRetry tries each call once.
func NoRetry() RetryPolicy { return RetryPolicy{MaxAttempts: 1} }

// Retryable reports whether an attempt that ended with status (0 for no
// response) and API error code, or with err, is worth retrying.
func Retryable(status int, code string, err error) bool {
	if status == 0 {
		return err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded)
	}
	switch status {
	case http.StatusTooManyRequests:
		return code != "insufficient_quota"
	case http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// Delay is how long to wait after failed attempt number attempt (1-based)
// whose response carried rl. ok is false when the server asks for a wait
// longer than MaxServerWait.
func (p RetryPolicy) Delay(attempt int, rl RateLimit) (d time.Duration, ok bool) {
	if w := rl.serverWait(); w > 0 {
		if p.MaxServerWait > 0 && w > p.MaxServerWait {
			return 0, false
		}
		return w, true
	}
	ceiling := p.BaseDelay
	for i := 1; i < attempt && ceiling < p.MaxDelay; i++ {
		ceiling *= 2
	}
	if p.MaxDelay > 0 && ceiling > p.MaxDelay {
		ceiling = p.MaxDelay
	}
	r := rand.Float64
	if p.Rand != nil {
		r = p.Rand
	}
	return time.Duration(r() * float64(ceiling)), true
}

// sleepContext waits d or until ctx is done.
func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
