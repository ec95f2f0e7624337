package telemetry

import (
	"net/http"
	"testing"

	"steward/backend/gateway"
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
