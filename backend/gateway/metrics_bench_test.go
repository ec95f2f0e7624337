package gateway

import (
	"io"
	"testing"
	"time"

	"steward/backend/usage"
)

// BenchmarkMetricsObserve measures what /metrics adds to every call.
func BenchmarkMetricsObserve(b *testing.B) {
	var m callMetrics
	e := &usage.Event{Status: 200, Latency: 40 * time.Millisecond}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			m.observe(e, false, 39*time.Millisecond)
		}
	})
}

// BenchmarkWriteMetrics measures one scrape.
func BenchmarkWriteMetrics(b *testing.B) {
	g := &Gateway{}
	q := func() QueueStats { return QueueStats{Written: 1} }
	b.ReportAllocs()
	for b.Loop() {
		if err := g.WriteMetrics(io.Discard, q); err != nil {
			b.Fatal(err)
		}
	}
}
