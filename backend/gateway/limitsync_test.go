package gateway

import (
	"testing"
	"time"
)

// Two replicas that exchange counts at every sync admit, together, no
// more than the limit plus one per other replica, with the clock stopped.
func TestSharedLimitsSplitTheBucket(t *testing.T) {
	now := time.Date(2026, 12, 8, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	a, b := newLimits(clock, nil), newLimits(clock, nil)
	for _, l := range []*limits{a, b} {
		l.shared, l.share, l.every = true, 2, 250*time.Millisecond
	}
	const limit = 9
	ok := 0
	for round := 0; round < 10; round++ {
		before := map[*limits]int64{}
		for _, l := range []*limits{a, b} {
			before[l] = l.snapshot()["ann"].requests
			for i := 0; i < limit; i++ {
				if admitted, _, _ := l.takeRequest("ann", limit); admitted {
					ok++
				}
			}
		}
		// the sync: each takes out what the other admitted
		da := a.snapshot()["ann"].requests - before[a]
		db := b.snapshot()["ann"].requests - before[b]
		rates := map[string]int{"ann": limit}
		a.absorb(map[string]int64{"ann": db}, nil, rates, 2)
		b.absorb(map[string]int64{"ann": da}, nil, rates, 2)
	}
	if ok < limit-1 || ok > limit+1 {
		t.Fatalf("admitted %d across two replicas, want %d (+1 at most)", ok, limit)
	}
	// a minute later the bucket has refilled (less any overshoot, paid
	// back), and is shared the same way
	now = now.Add(time.Minute)
	a.absorb(nil, nil, nil, 2)
	n := 0
	for i := 0; i < limit; i++ {
		if admitted, _, _ := a.takeRequest("ann", limit); admitted {
			n++
		}
	}
	if want := (limit - (ok - limit) + 1) / 2; n != want {
		t.Fatalf("after a minute one replica admitted %d before the next sync, want its half (%d)", n, want)
	}
}

// A replica alone (share 1) keeps the whole bucket, as without sharing.
func TestSharedLimitsAloneKeepsTheBurst(t *testing.T) {
	now := time.Date(2026, 12, 8, 10, 0, 0, 0, time.UTC)
	l := newLimits(func() time.Time { return now }, nil)
	l.shared, l.share, l.every = true, 1, 250*time.Millisecond
	n := 0
	for i := 0; i < 20; i++ {
		if ok, _, _ := l.takeRequest("bo", 12); ok {
			n++
		}
	}
	if n != 12 {
		t.Fatalf("admitted %d, want the whole bucket of 12", n)
	}
}

// Other replicas' tokens count against today's budget here.
func TestSharedLimitsAddTheOthersTokens(t *testing.T) {
	now := time.Date(2026, 12, 8, 10, 0, 0, 0, time.UTC)
	l := newLimits(func() time.Time { return now }, nil)
	l.shared, l.share = true, 2
	l.addTokens("cy", 100)
	l.absorb(nil, map[string]int64{"cy": 250}, nil, 2)
	if used, _ := l.tokensToday(t.Context(), "cy"); used != 350 {
		t.Fatalf("used %d tokens today, want 350", used)
	}
	if got := l.snapshot()["cy"]; got.tokens != 100 || got.day != "2026-12-08" {
		t.Fatalf("published %+v, want only this replica's 100 tokens of 2026-12-08", got)
	}
}
