package openaitest

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"
)

// bucket is a per-minute allowance that refills continuously.
type bucket struct {
	limit float64
	avail float64
	last  time.Time
}

func (b *bucket) refill(now time.Time) {
	if b.limit == 0 {
		return
	}
	if el := now.Sub(b.last); el > 0 {
		b.avail = math.Min(b.limit, b.avail+el.Minutes()*b.limit)
	}
	b.last = now
}

// until is how long until n units are available.
func (b *bucket) until(n float64) time.Duration {
	if b.avail >= n {
		return 0
	}
	return time.Duration((n - b.avail) / b.limit * float64(time.Minute))
}

// budget holds the request and token buckets.
type budget struct {
	requests, tokens bucket
}

func newBudget(l RateLimits, now time.Time) *budget {
	return &budget{
		requests: bucket{limit: float64(l.RequestsPerMinute), avail: float64(l.RequestsPerMinute), last: now},
		tokens:   bucket{limit: float64(l.TokensPerMinute), avail: float64(l.TokensPerMinute), last: now},
	}
}

// FormatReset writes a duration the way x-ratelimit-reset-* headers do:
// "1s", "6m0s", "20ms", "1.5s".
func FormatReset(d time.Duration) string {
	if d < time.Millisecond && d > 0 {
		d = time.Millisecond
	}
	return d.Round(time.Millisecond).String()
}

// setHeaders writes the x-ratelimit-* headers for the buckets in use.
func (b *budget) setHeaders(h http.Header) {
	for _, k := range []struct {
		name string
		bk   *bucket
	}{{"requests", &b.requests}, {"tokens", &b.tokens}} {
		if k.bk.limit == 0 {
			continue
		}
		h.Set("x-ratelimit-limit-"+k.name, strconv.Itoa(int(k.bk.limit)))
		h.Set("x-ratelimit-remaining-"+k.name, strconv.Itoa(int(math.Floor(k.bk.avail))))
		h.Set("x-ratelimit-reset-"+k.name, FormatReset(k.bk.until(k.bk.limit)))
	}
}

// takeRequest spends one request from the budget, or answers 429.
func (s *Server) takeRequest(x *exchange) bool {
	if s.budget == nil {
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.budget
	now := s.cfg.now()
	b.requests.refill(now)
	b.tokens.refill(now)
	if b.requests.limit > 0 {
		if b.requests.avail < 1 {
			wait := b.requests.until(1)
			msg := fmt.Sprintf("Rate limit reached for %s in organization org-openaitest on requests per min (RPM): Limit %d, Used %d, Requested 1. Please try again in %s. Visit https://platform.openai.com/account/rate-limits to learn more.",
				modelOf(x.body), int(b.requests.limit), int(b.requests.limit), FormatReset(wait))
			s.tooMany(x, wait, "requests", msg)
			return false
		}
		b.requests.avail--
	}
	b.setHeaders(x.w.Header())
	return true
}

// takeTokens spends n tokens from the budget, or answers 429. Handlers
// call it once they know what a request costs.
func (s *Server) takeTokens(x *exchange, model string, n int) bool {
	if s.budget == nil || s.budget.tokens.limit == 0 {
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.budget
	b.tokens.refill(s.cfg.now())
	need := float64(n)
	switch {
	case need > b.tokens.limit:
		msg := fmt.Sprintf("Request too large for %s in organization org-openaitest on tokens per min (TPM): Limit %d, Requested %d. The input or output tokens must be reduced in order to run successfully. Visit https://platform.openai.com/account/rate-limits to learn more.",
			model, int(b.tokens.limit), n)
		s.tooMany(x, 0, "tokens", msg)
		return false
	case need > b.tokens.avail:
		wait := b.tokens.until(need)
		msg := fmt.Sprintf("Rate limit reached for %s in organization org-openaitest on tokens per min (TPM): Limit %d, Used %d, Requested %d. Please try again in %s. Visit https://platform.openai.com/account/rate-limits to learn more.",
			model, int(b.tokens.limit), int(b.tokens.limit-math.Floor(b.tokens.avail)), n, FormatReset(wait))
		s.tooMany(x, wait, "tokens", msg)
		return false
	}
	b.tokens.avail -= need
	b.setHeaders(x.w.Header())
	return true
}

// tooMany answers 429 rate_limit_exceeded with retry-after headers; the
// caller holds s.mu.
func (s *Server) tooMany(x *exchange, wait time.Duration, kind, msg string) {
	h := x.w.Header()
	s.budget.setHeaders(h)
	if wait > 0 {
		h.Set("retry-after", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
		h.Set("retry-after-ms", strconv.FormatInt(wait.Milliseconds(), 10))
	}
	writeError(x.w, http.StatusTooManyRequests, apiError{Message: msg, Type: kind, Code: "rate_limit_exceeded"})
}

// modelOf reads the "model" field of a JSON body, if any.
func modelOf(body []byte) string {
	var v struct {
		Model string `json:"model"`
	}
	if json.Unmarshal(body, &v) != nil || v.Model == "" {
		return "the API"
	}
	return v.Model
}
