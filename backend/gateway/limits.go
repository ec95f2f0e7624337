package gateway

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// TokensSinceFunc tells how many tokens (input plus output) a member's
// calls used since a time, from the usage log. The gateway asks once per
// member per day, so a restart does not reset a daily budget.
type TokensSinceFunc func(ctx context.Context, member string, since time.Time) (int64, error)

// limits keeps the running state of members' rate limits: a request bucket
// per member that refills continuously (as OpenAI's do) and a token count
// per member per day. When replicas share the limits (see SharedLimits),
// what the others admitted is taken out of the same buckets at each sync,
// and each replica admits at most its share of what is left until the next.
type limits struct {
	now   func() time.Time
	since TokensSinceFunc

	mu     sync.Mutex
	rpm    map[string]*bucket
	days   map[string]*dayCount
	shared bool          // replicas share the limits: quotas apply
	share  int           // live replicas, at least 1
	every  time.Duration // sync interval: the wait when a quota is spent
	claim  func() bool   // syncs now for more quota; set by SharedLimits
}

type bucket struct {
	avail    float64
	last     time.Time
	rate     float64 // the per-minute limit last applied
	quota    int     // admissions left here until the next sync, when shared
	asked    bool    // a call asked here: only then does this replica claim a quota
	admitted int64   // requests admitted here since start, for the other replicas
}

type dayCount struct {
	day    time.Time // start of the day counted
	used   int64
	seeded bool
	own    int64 // tokens counted here this day, for the other replicas
}

func newLimits(now func() time.Time, since TokensSinceFunc) *limits {
	return &limits{now: now, since: since, rpm: map[string]*bucket{}, days: map[string]*dayCount{}}
}

// takeRequest spends one request of a member's per-minute budget, or says
// how long until one is available.
func (l *limits) takeRequest(member string, perMinute int) (ok bool, remaining int, wait time.Duration) {
	ok, remaining, wait, more := l.tryRequest(member, perMinute)
	if more && l.claim != nil && l.claim() {
		ok, remaining, wait, _ = l.tryRequest(member, perMinute)
	}
	return ok, remaining, wait
}

// tryRequest is takeRequest without asking the other replicas: more says
// the bucket holds requests but this replica's quota of them is spent.
func (l *limits) tryRequest(member string, perMinute int) (ok bool, remaining int, wait time.Duration, more bool) {
	now := l.now()
	rate := float64(perMinute)
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.bucket(member, rate, now)
	b.asked = true
	if b.avail < 1 {
		return false, 0, time.Duration((1 - b.avail) / rate * float64(time.Minute)), false
	}
	if l.shared && b.quota <= 0 {
		return false, 0, l.every, true // this replica's share is spent until the next sync
	}
	b.avail--
	b.admitted++
	b.quota--
	return true, int(b.avail), 0, false
}

// setShared turns the replicas' quotas on (after a sync) or off (the
// database out of reach, or the gateway stopped: unspent quota goes back).
func (l *limits) setShared(on bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.claim == nil {
		return // not a replica
	}
	l.shared = on
	if !on {
		for _, b := range l.rpm {
			b.quota = 0
		}
	}
}

// bucket returns a member's bucket refilled to now; l.mu is held.
func (l *limits) bucket(member string, rate float64, now time.Time) *bucket {
	b, found := l.rpm[member]
	if !found { // when shared, its quota comes with the next sync
		b = &bucket{avail: rate, last: now}
		l.rpm[member] = b
	}
	if el := now.Sub(b.last); el > 0 {
		b.avail = math.Min(rate, b.avail+el.Minutes()*rate)
		b.last = now
	}
	b.avail = math.Min(b.avail, rate) // the limit may have been lowered
	b.rate = rate
	return b
}

// quotaOf is this replica's share of avail requests until the next sync,
// rounded up: never more than avail.
func (l *limits) quotaOf(avail float64) int {
	if !l.shared || avail < 1 {
		return 0
	}
	return int(math.Ceil(math.Floor(avail) / float64(max(l.share, 1))))
}

// startOfDay is midnight of t's day in t's location.
func startOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// tokensToday returns the tokens a member used today and the time until the
// day ends, asking the usage log once per day for what came before.
func (l *limits) tokensToday(ctx context.Context, member string) (used int64, reset time.Duration) {
	now := l.now()
	day := startOfDay(now)
	reset = day.AddDate(0, 0, 1).Sub(now)
	c := l.day(member, day)
	l.mu.Lock()
	seeded := c.seeded
	l.mu.Unlock()
	if !seeded && l.since != nil {
		n, err := l.since(ctx, member, day)
		l.mu.Lock()
		if err == nil && !c.seeded {
			c.used = max(c.used, n)
		}
		c.seeded = true
		l.mu.Unlock()
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return c.used, reset
}

// addTokens counts a finished call's tokens against today.
func (l *limits) addTokens(member string, n int64) {
	if n <= 0 {
		return
	}
	c := l.day(member, startOfDay(l.now()))
	l.mu.Lock()
	c.used += n
	c.own += n
	l.mu.Unlock()
}

// day returns the member's count for day, starting a new one at midnight.
func (l *limits) day(member string, day time.Time) *dayCount {
	l.mu.Lock()
	defer l.mu.Unlock()
	c, ok := l.days[member]
	if !ok || !c.day.Equal(day) {
		c = &dayCount{day: day}
		l.days[member] = c
	}
	return c
}

// formatReset writes a wait the way x-ratelimit-reset-* headers do: "1s",
// "6m0s", "20ms".
func formatReset(d time.Duration) string {
	if d > 0 && d < time.Millisecond {
		d = time.Millisecond
	}
	return d.Round(time.Millisecond).String()
}

// rateLimited is the 429 the gateway answers with, and its headers.
func rateLimited(h http.Header, kind, member string, limit int64, wait time.Duration) apiError {
	h.Set("x-ratelimit-limit-"+kind, strconv.FormatInt(limit, 10))
	h.Set("x-ratelimit-remaining-"+kind, "0")
	h.Set("x-ratelimit-reset-"+kind, formatReset(wait))
	h.Set("retry-after", strconv.FormatInt(int64(math.Ceil(wait.Seconds())), 10))
	h.Set("retry-after-ms", strconv.FormatInt(wait.Milliseconds(), 10))
	what := "requests per minute (RPM)"
	if kind == "tokens" {
		what = "tokens per day (TPD)"
	}
	return apiError{
		Status: http.StatusTooManyRequests, Type: kind, Code: ReasonRateLimited,
		Message: fmt.Sprintf("Rate limit reached for member %s on %s in Steward's gateway: Limit %d. Please try again in %s.",
			member, what, limit, formatReset(wait)),
	}
}
