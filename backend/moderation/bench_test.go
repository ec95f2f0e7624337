package moderation

import (
	"fmt"
	"math"
	"os"
	"strconv"
	"testing"
	"time"

	"steward/backend/openai"
	"steward/backend/openaitest"
	"steward/backend/store"
)

// benchSetting reads an integer from the environment, or def.
func benchSetting(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// BenchmarkBudget sends 1,000 prompts to the test server under a fixed
// requests-per-minute budget that forces waiting, with the client-side
// limiter set to the same budget, and compares the wall time with the
// minimum the budget allows. Both budgets are token buckets that start
// full and refill continuously, so the first RPM requests may go at once
// and the rest at RPM per minute: minimum = (requests − RPM) / RPM
// minutes. Run it with scripts/bench-moderation.sh; it takes about a
// minute. Targets: within 10% of the minimum, at most 2% of requests
// answered 429, every item completed.
func BenchmarkBudget(b *testing.B) {
	n := benchSetting("STEWARD_BENCH_PROMPTS", 1000)
	rpm := benchSetting("STEWARD_BENCH_RPM", 120)
	batch := benchSetting("STEWARD_BENCH_BATCH", 4)
	requests := (n + batch - 1) / batch
	minimum := time.Duration(float64(max(0, requests-rpm)) / float64(rpm) * float64(time.Minute))
	for b.Loop() {
		key := testKey(b)
		srv := openaitest.New(b, openaitest.WithKeys(key), openaitest.WithRateLimits(openaitest.RateLimits{RequestsPerMinute: rpm}))
		st, err := store.Open(b.Context(), b.TempDir(), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		svc := New(st, Options{Runner: RunnerConfig{Config: func() (openai.Config, error) {
			return openai.Config{BaseURL: srv.URL, APIKey: key, HTTPClient: srv.Client()}, nil
		}}})
		su, err := svc.CreateSuite("bench")
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range prompts(n) {
			if _, err := svc.AddItem(su.ID, ItemInput{Text: p}); err != nil {
				b.Fatal(err)
			}
		}
		start := time.Now()
		run, err := svc.StartRun(su.ID, RunOptions{BatchSize: batch, RPM: rpm})
		wall := time.Since(start)
		st.Close()
		if err != nil {
			b.Fatal(err)
		}
		counts := srv.Counts()
		over := wall.Seconds()/minimum.Seconds() - 1
		limited := float64(counts.RateLimited) / float64(counts.Requests)
		fmt.Printf("moderation budget benchmark: %d prompts, batch %d, %d RPM on server and client, concurrency %d\n",
			n, batch, rpm, run.Concurrency)
		fmt.Printf("  wall time        %8.2f s\n", wall.Seconds())
		fmt.Printf("  budget minimum   %8.2f s   ((%d requests - %d burst) / %d per minute)\n", minimum.Seconds(), requests, rpm, rpm)
		fmt.Printf("  over minimum     %8.2f %%   (target <= 10%%)\n", over*100)
		fmt.Printf("  requests sent    %8d\n", counts.Requests)
		fmt.Printf("  answered 429     %8d     (%.2f%%; target <= 2%%)\n", counts.RateLimited, limited*100)
		fmt.Printf("  items completed  %8d / %d (errors %d, status %s)\n", run.Done, run.Total, run.Errors, run.Status)
		b.ReportMetric(wall.Seconds(), "wall-s")
		b.ReportMetric(minimum.Seconds(), "min-s")
		b.ReportMetric(float64(counts.Requests), "requests")
		b.ReportMetric(float64(counts.RateLimited), "429s")
		b.ReportMetric(float64(run.Done), "items")
		if run.Done != n || run.Status != RunCompleted || limited > 0.02 || (minimum > 0 && over > 0.10) || math.IsNaN(over) {
			b.Errorf("missed a target: %d/%d items, status %s, %.2f%% 429s, %.1f%% over the minimum", run.Done, n, run.Status, limited*100, over*100)
		}
	}
}
