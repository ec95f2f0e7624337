package telemetry

import (
	"context"
	"net/http"
	"testing"
	"time"

	"steward/backend/gateway"
	"steward/backend/usage"
)

// BenchmarkGatewayCall is a chat completion through the gateway with no
// telemetry, with export to a local collector, and with export to a
// collector that accepts connections and never answers. Run it with
// go test -run '^$' -bench GatewayCall ./backend/telemetry/.
func BenchmarkGatewayCall(b *testing.B) {
	for _, tc := range []struct {
		name     string
		endpoint func(b *testing.B) string
	}{
		{"none", nil},
		{"collector", func(b *testing.B) string { return newCollector(b).URL }},
		{"blackholed", func(b *testing.B) string { return blackhole(b) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var obs gateway.CallObserver
			var exp *Exporter
			if tc.endpoint != nil {
				exp = newExporter(b, tc.endpoint(b), false)
				obs = exp
			}
			e := newEnv(b, obs, false)
			for b.Loop() {
				if code, body := e.chat(b, "hello", false); code != http.StatusOK {
					b.Fatalf("status %d: %s", code, body)
				}
			}
			if exp != nil {
				b.ReportMetric(float64(exp.Stats().Dropped)/float64(b.N), "dropped/op")
			}
		})
	}
}

// BenchmarkObserveCall is what the hook costs a call on its own goroutine:
// queueing the finished call (the worker records it in the background).
func BenchmarkObserveCall(b *testing.B) {
	exp, err := New(bg, Options{Endpoint: blackhole(b), QueueSize: 1 << 16})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		ctx, cancel := context.WithTimeout(bg, 100*time.Millisecond)
		defer cancel()
		_ = exp.Shutdown(ctx)
	})
	c := gateway.Call{
		Event: usage.Event{Time: time.Now(), Status: 200, Member: "Ada", Model: "gpt-4o-mini", InputTokens: 12, OutputTokens: 30},
		End:   time.Now(), Operation: "/chat/completions", RequestModel: "gpt-4o-mini", ResponseModel: "gpt-4o-mini",
		Primary: true, Header: http.Header{"Traceparent": {"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}},
	}
	for b.Loop() {
		exp.ObserveCall(bg, c)
	}
	b.ReportMetric(float64(exp.Stats().Dropped)/float64(b.N), "dropped/op")
}
