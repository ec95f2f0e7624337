package moderation

import (
	"context"
	"sync"
	"testing"
	"time"

	"steward/backend/openai"
	"steward/backend/openaitest"
)

// waitFor polls cond for up to two seconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for range 200 {
		if cond() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

func TestProgressShowsWaiting(t *testing.T) {
	clock := newFakeClock()
	tr := newTracker(Run{ID: 7, Total: 10, Done: 4}, clock.Now)
	release := make(chan struct{})
	block := func(ctx context.Context, d time.Duration) error { <-release; return nil }
	tr.setBusy(2)
	var wg sync.WaitGroup
	wg.Go(func() { tr.sleeper(true, block)(context.Background(), 2*time.Second) })
	waitFor(t, "the wait to register", func() bool { tr.mu.Lock(); defer tr.mu.Unlock(); return len(tr.waits) == 1 })
	if p := tr.snapshot(); p.State != ProgressRunning {
		t.Fatalf("one of two busy workers waiting: state %s", p.State)
	}
	tr.setBusy(-1)
	p := tr.snapshot()
	if p.State != ProgressWaiting || p.WaitingUntil != "2026-03-10T09:30:02.000Z" || p.WaitReason != WaitRateLimit || p.Done != 4 || p.Total != 10 {
		t.Fatalf("snapshot = %+v", p)
	}
	close(release)
	wg.Wait()
	if p := tr.snapshot(); p.State != ProgressRunning || p.WaitingUntil != "" {
		t.Fatalf("after the wait: %+v", p)
	}

	t.Run("OK_RetryAfterServerError", func(t *testing.T) {
		tr.ObserveCall(openai.CallInfo{Status: 503, WillRetry: true})
		release := make(chan struct{})
		wg.Go(func() {
			tr.sleeper(false, func(context.Context, time.Duration) error { <-release; return nil })(context.Background(), time.Second)
		})
		waitFor(t, "waiting", func() bool { return tr.snapshot().State == ProgressWaiting })
		if p := tr.snapshot(); p.WaitReason != WaitRetry {
			t.Fatalf("reason = %s", p.WaitReason)
		}
		close(release)
		wg.Wait()
	})
	t.Run("OK_RetryAfter429", func(t *testing.T) {
		tr.ObserveCall(openai.CallInfo{Status: 429, WillRetry: true})
		release := make(chan struct{})
		wg.Go(func() {
			tr.sleeper(false, func(context.Context, time.Duration) error { <-release; return nil })(context.Background(), time.Second)
		})
		waitFor(t, "waiting", func() bool { return tr.snapshot().State == ProgressWaiting })
		if p := tr.snapshot(); p.WaitReason != WaitRateLimit || p.RateLimited != 1 || p.Requests != 2 {
			t.Fatalf("snapshot = %+v", p)
		}
		close(release)
		wg.Wait()
	})
}

func TestProgressRateAndETA(t *testing.T) {
	clock := newFakeClock()
	tr := newTracker(Run{ID: 1, Total: 100}, clock.Now)
	if p := tr.snapshot(); p.Rate != 0 || p.ETASeconds != -1 {
		t.Fatalf("at start: %+v", p)
	}
	clock.Advance(10 * time.Second)
	tr.finished(make([]outcome, 20))
	if p := tr.snapshot(); p.Done != 20 || p.Errors != 20 || p.Rate != 2 || p.ETASeconds != 40 {
		t.Fatalf("after 10s: %+v", p)
	}
}

// TestProgressIsThrottled sends a slow run and checks that reports come at
// most every 100 ms, and that the last is final.
func TestProgressIsThrottled(t *testing.T) {
	h := newHarness(t)
	su := h.suite(t, prompts(8)...)
	h.srv.Inject(8, openaitest.Fault{Path: "/moderations", Delay: 40 * time.Millisecond})
	var mu sync.Mutex
	var at []time.Time
	var got []Progress
	h.svc.runs.Progress = ProgressFunc(func(p Progress) {
		mu.Lock()
		defer mu.Unlock()
		at, got = append(at, time.Now()), append(got, p)
	})
	start := time.Now()
	run, err := h.svc.StartRun(su.ID, RunOptions{BatchSize: 1, Concurrency: 1})
	if err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	mu.Lock()
	defer mu.Unlock()
	if len(got) < 2 {
		t.Fatalf("only %d reports", len(got))
	}
	// At most one report per 100 ms, plus the first and the final one. The
	// count is checked rather than each gap, which scheduling can shorten.
	if limit := int(elapsed/(100*time.Millisecond)) + 2; len(got) > limit {
		t.Fatalf("%d reports in %v; at most %d expected", len(got), elapsed, limit)
	}
	last := got[len(got)-1]
	if !last.Final || last.State != RunCompleted || last.Done != 8 || last.Total != 8 || last.RunID != run.ID || last.Requests != 8 {
		t.Fatalf("final report = %+v", last)
	}
	for _, p := range got[:len(got)-1] {
		if p.Final || p.RunID != run.ID || p.Done > 8 {
			t.Fatalf("report = %+v", p)
		}
	}
}
