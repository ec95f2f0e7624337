package openai

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

func TestLimiterRequests(t *testing.T) {
	clock := newFakeClock()
	l := NewLimiter(Limits{RequestsPerMinute: 60}, clock.Now, nil)
	for i := 0; i < 60; i++ {
		if d := l.Reserve(0); d != 0 {
			t.Fatalf("request %d waits %v within the burst", i, d)
		}
	}
	if d := l.Reserve(0); d != time.Second {
		t.Fatalf("61st request waits %v; want 1s", d)
	}
	if d := l.Reserve(0); d != 2*time.Second {
		t.Fatalf("62nd request waits %v; want 2s (queued behind the 61st)", d)
	}
	clock.Advance(3 * time.Second)
	if d := l.Reserve(0); d != 0 {
		t.Fatalf("after 3s a request waits %v; want 0", d)
	}
	clock.Advance(time.Hour) // refills only to one minute's worth
	for i := 0; i < 60; i++ {
		l.Reserve(0)
	}
	if d := l.Reserve(0); d != time.Second {
		t.Fatalf("burst after a long idle: wait %v; want 1s", d)
	}
}

func TestLimiterTokens(t *testing.T) {
	clock := newFakeClock()
	l := NewLimiter(Limits{TokensPerMinute: 1200}, clock.Now, nil)
	tests := []struct {
		name   string
		tokens int
		want   time.Duration
	}{
		{"FitsBudget", 600, 0},
		{"FitsRest", 600, 0},
		{"WaitsForRefill", 300, 15 * time.Second},    // 300 tokens at 20/s
		{"LargerThanBudget", 5000, 75 * time.Second}, // clamped to 1200, behind the 300 owed
		{"NoTokensNoWait", 0, 0},
	}
	for _, tt := range tests {
		if d := l.Reserve(tt.tokens); d != tt.want {
			t.Errorf("%s: Reserve(%d) = %v; want %v", tt.name, tt.tokens, d, tt.want)
		}
	}
}

func TestLimiterWait(t *testing.T) {
	clock := newFakeClock()
	s := &sleeper{clock: clock}
	l := NewLimiter(Limits{RequestsPerMinute: 2, TokensPerMinute: 100}, clock.Now, s.Sleep)
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		if err := l.Wait(ctx, 10); err != nil {
			t.Fatal(err)
		}
	}
	if w := s.Waits(); len(w) != 1 || w[0] != 30*time.Second {
		t.Fatalf("waits = %v; want [30s]", w)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	l.Reserve(0)
	if err := l.Wait(cancelled, 0); !errors.Is(err, context.Canceled) {
		t.Fatalf("Wait on a cancelled context = %v", err)
	}
	if l.Limits().RequestsPerMinute != 2 {
		t.Fatal("Limits() lost the budget")
	}
}

func TestLimiterConcurrent(t *testing.T) {
	clock := newFakeClock()
	l := NewLimiter(Limits{RequestsPerMinute: 600}, clock.Now, nil)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var total time.Duration
	for i := 0; i < 700; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := l.Reserve(0)
			mu.Lock()
			total = max(total, d)
			mu.Unlock()
		}()
	}
	wg.Wait()
	if total != 10*time.Second { // 100 over budget at 10 per second
		t.Fatalf("longest wait %v; want 10s", total)
	}
}
