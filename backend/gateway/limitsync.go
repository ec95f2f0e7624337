package gateway

import (
	"math"
	"time"
)

// counts is what one replica publishes for one member: the requests it
// has claimed since it started (those admitted plus its unspent quota, so
// the others set aside what it may still admit before its next sync), and
// the tokens it counted on a day.
type counts struct {
	requests int64
	day      string // YYYY-MM-DD of tokens, in the gateway's clock
	tokens   int64
}

// dayKey names a day as counts do.
func dayKey(day time.Time) string { return day.Format(time.DateOnly) }

// snapshot returns this replica's counts per member.
func (l *limits) snapshot() map[string]counts {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make(map[string]counts, len(l.rpm)+len(l.days))
	for m, b := range l.rpm {
		c := out[m]
		c.requests = b.admitted + int64(max(b.quota, 0))
		out[m] = c
	}
	for m, d := range l.days {
		c := out[m]
		c.day, c.tokens = dayKey(d.day), d.own
		out[m] = c
	}
	return out
}

// absorb takes what the other replicas claimed since the last sync
// (requests per member, fewer when they gave unspent quota back; tokens
// per member today) out of this replica's buckets and budgets, then hands
// each bucket its share of what is left until the next sync. rates are the
// members' per-minute limits.
func (l *limits) absorb(requests, tokens map[string]int64, rates map[string]int, share int) {
	now := l.now()
	today := startOfDay(now)
	l.mu.Lock()
	defer l.mu.Unlock()
	l.share = max(share, 1)
	for m, n := range requests {
		if n == 0 || rates[m] <= 0 {
			continue
		}
		b := l.bucket(m, float64(rates[m]), now)
		b.avail = math.Min(math.Max(b.avail-float64(n), -b.rate), b.rate) // at most a minute of debt
	}
	for m, n := range tokens {
		c, ok := l.days[m]
		if !ok || !c.day.Equal(today) {
			c = &dayCount{day: today}
			l.days[m] = c
		}
		c.used += n
	}
	for m, b := range l.rpm {
		if b.rate > 0 {
			b = l.bucket(m, b.rate, now)
		}
		b.quota = 0
		if b.asked { // members only ever served elsewhere leave the bucket to the others
			b.quota = l.quotaOf(b.avail)
		}
	}
}
