package gateway

import (
	"testing"
	"time"
)

// Two replicas whose syncs run one after another (as the lock row makes
// them) admit, together, no more than the limit with the clock stopped,
// and all of it once they have synced a few times.
func TestSharedLimitsSplitTheBucket(t *testing.T) {
	now := time.Date(2026, 12, 8, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	a, b := newLimits(clock, nil), newLimits(clock, nil)
	for _, l := range []*limits{a, b} {
		l.shared, l.share, l.every = true, 2, 250*time.Millisecond
	}
	const limit = 9
	rates := map[string]int{"ann": limit}
	seen := map[*limits]int64{} // the other's claim, as each last read it
	sync := func(l, other *limits) {
		c := other.snapshot()["ann"].requests
		l.absorb(map[string]int64{"ann": c - seen[l]}, nil, rates, 2)
		seen[l] = c
	}
	ok := 0
	for round := 0; round < 10; round++ {
		for _, l := range []*limits{a, b} {
			for i := 0; i < limit; i++ {
				if admitted, _, _ := l.takeRequest("ann", limit); admitted {
					ok++
				}
			}
		}
		sync(a, b)
		sync(b, a)
	}
	if ok != limit {
		t.Fatalf("admitted %d across two replicas, want %d", ok, limit)
	}
	// a minute later the bucket is full again, shared the same way
	now = now.Add(time.Minute)
	sync(a, b)
	n := 0
	for i := 0; i < limit; i++ {
		if admitted, _, _ := a.takeRequest("ann", limit); admitted {
			n++
		}
	}
	if n != 5 {
		t.Fatalf("after a minute one replica admitted %d before the next sync, want its half (5)", n)
	}
}

// A replica alone (share 1) is granted the whole bucket at its sync, as
// without sharing.
func TestSharedLimitsAloneKeepsTheBurst(t *testing.T) {
	now := time.Date(2026, 12, 8, 10, 0, 0, 0, time.UTC)
	l := newLimits(func() time.Time { return now }, nil)
	l.shared, l.share, l.every = true, 1, 250*time.Millisecond
	if ok, _, _ := l.takeRequest("bo", 12); ok {
		t.Fatal("admitted before the first sync granted a quota")
	}
	l.absorb(nil, nil, nil, 1)
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
