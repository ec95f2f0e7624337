package moderation

import (
	"context"
	"sync"
	"time"

	"steward/backend/openai"
)

// Progress states.
const (
	ProgressRunning = "running" // sending
	ProgressWaiting = "waiting" // every busy request waits for the rate limit (or a retry) until WaitingUntil
)

// Wait reasons.
const (
	WaitRateLimit = "rate_limit" // the client-side limit, or a 429 from the API
	WaitRetry     = "retry"      // backing off after a server or network error
)

// Progress is a snapshot of a run being sent, reported at most every
// 100 ms and once more when the run stops (Final, with the run's status as
// State).
type Progress struct {
	RunID        int64   `json:"run_id"`
	Done         int     `json:"done"`   // items finished: answered or ended in an error
	Total        int     `json:"total"`  // items in the run
	Errors       int     `json:"errors"` // of Done, items that ended in an error
	Flagged      int     `json:"flagged"`
	Rate         float64 `json:"rate"`        // items finished per second since this session started
	ETASeconds   float64 `json:"eta_seconds"` // time left at Rate; -1 when unknown
	State        string  `json:"state"`       // running, waiting, or the run's status when Final
	WaitingUntil string  `json:"waiting_until"`
	WaitReason   string  `json:"wait_reason"`  // rate_limit or retry, when waiting
	Requests     int     `json:"requests"`     // HTTP attempts this session
	RateLimited  int     `json:"rate_limited"` // of those, answered 429
	Final        bool    `json:"final"`
}

// ProgressReporter receives a run's progress. Reports come from one
// goroutine at a time.
type ProgressReporter interface {
	ReportProgress(Progress)
}

// ProgressFunc adapts a function to ProgressReporter.
type ProgressFunc func(Progress)

// ReportProgress calls f.
func (f ProgressFunc) ReportProgress(p Progress) { f(p) }

// tracker counts a run's progress as workers finish items.
type tracker struct {
	mu          sync.Mutex
	now         func() time.Time
	p           Progress
	started     time.Time
	sessionDone int
	busy        int // workers holding a unit
	waits       map[int]wait
	nextWait    int
	lastRetry   int // status of the last attempt the client said it would retry
}

type wait struct {
	until  time.Time
	reason string
}

func newTracker(run Run, now func() time.Time) *tracker {
	// items that ended in an error are sent again, so only answers count
	return &tracker{now: now, started: now(), waits: map[int]wait{},
		p: Progress{RunID: run.ID, Total: run.Total, Done: run.Done, Flagged: run.Flagged, State: ProgressRunning}}
}

// finished counts items as they are stored.
func (t *tracker) finished(outs []outcome) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, o := range outs {
		t.p.Done++
		t.sessionDone++
		switch {
		case o.result == nil:
			t.p.Errors++
		case o.result.Flagged:
			t.p.Flagged++
		}
	}
}

// setBusy counts a worker starting (+1) or finishing (-1) a unit.
func (t *tracker) setBusy(delta int) {
	t.mu.Lock()
	t.busy += delta
	t.mu.Unlock()
}

// ObserveCall counts attempts and 429s.
func (t *tracker) ObserveCall(c openai.CallInfo) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.p.Requests++
	if c.Status == 429 {
		t.p.RateLimited++
	}
	if c.WillRetry {
		t.lastRetry = c.Status
	}
}

// sleeper wraps sleep so the time spent in it shows as waiting. A
// limiter's waits are for the rate limit; a retry's are for the rate
// limit after a 429 and a back-off otherwise.
func (t *tracker) sleeper(limiter bool, sleep func(ctx context.Context, d time.Duration) error) func(ctx context.Context, d time.Duration) error {
	return func(ctx context.Context, d time.Duration) error {
		if d <= 0 {
			return sleep(ctx, d)
		}
		t.mu.Lock()
		reason := WaitRateLimit
		if !limiter && t.lastRetry != 429 {
			reason = WaitRetry
		}
		id := t.nextWait
		t.nextWait++
		t.waits[id] = wait{until: t.now().Add(d), reason: reason}
		t.mu.Unlock()
		defer func() {
			t.mu.Lock()
			delete(t.waits, id)
			t.mu.Unlock()
		}()
		return sleep(ctx, d)
	}
}

// snapshot is the progress now.
func (t *tracker) snapshot() Progress {
	t.mu.Lock()
	defer t.mu.Unlock()
	p := t.p
	p.State, p.ETASeconds = ProgressRunning, -1
	if el := t.now().Sub(t.started).Seconds(); el > 0 {
		p.Rate = float64(t.sessionDone) / el
	}
	if p.Rate > 0 {
		p.ETASeconds = float64(p.Total-p.Done) / p.Rate
	}
	if len(t.waits) > 0 && len(t.waits) >= t.busy {
		var first wait
		for _, w := range t.waits {
			if first.until.IsZero() || w.until.Before(first.until) {
				first = w
			}
		}
		p.State, p.WaitingUntil, p.WaitReason = ProgressWaiting, first.until.UTC().Format(timeMillis), first.reason
	}
	return p
}

// timeMillis is RFC 3339 with milliseconds, for waits shorter than a
// second.
const timeMillis = "2006-01-02T15:04:05.000Z07:00"

// report sends a snapshot every 100 ms until the returned stop is called;
// stop waits for the reporting goroutine, so reports never overlap.
func (t *tracker) report(to ProgressReporter) (stop func()) {
	if to == nil {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				to.ReportProgress(t.snapshot())
			case <-done:
				return
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
	}
}
