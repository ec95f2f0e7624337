package gateway

import (
	"fmt"
	"io"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"steward/backend/usage"
)

// Outcomes of a call, the requests counter's "outcome" label.
const (
	outcomeOK        = iota // answered by the upstream without an error
	outcomeError            // the upstream answered with an error, or could not be reached
	outcomeRefused          // the gateway answered the call itself (401, 403, 429, ...)
	outcomeAbandoned        // the client went away before the answer ended
	outcomes
)

// outcomeName is the "outcome" label's value.
func outcomeName(o int) string {
	switch o {
	case outcomeOK:
		return "ok"
	case outcomeError:
		return "error"
	case outcomeAbandoned:
		return "client_closed"
	}
	return "refused"
}

// statusClasses is how many values the "code" label takes: "none" when no
// answer was sent, then 1xx..5xx.
const statusClasses = 6

func className(c int) string {
	if c == 0 {
		return "none"
	}
	return strconv.Itoa(c) + "xx"
}

// callMetrics are the counters /metrics exposes, updated lock-free once
// per call.
type callMetrics struct {
	once           sync.Once
	calls          [outcomes][statusClasses]atomic.Int64
	upstreamErrors atomic.Int64
	added, total   histogram
}

// init sets the histograms' bucket bounds, in seconds: the gateway's own
// time in a call is well under a millisecond; a call takes up to minutes.
func (m *callMetrics) init() {
	m.once.Do(func() {
		m.added = newHistogram([]float64{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1})
		m.total = newHistogram([]float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300})
	})
}

// histogram is a Prometheus histogram over fixed bounds.
type histogram struct {
	bounds []float64
	counts []atomic.Int64 // per bucket, not cumulative; the last is +Inf
	sum    atomic.Int64   // nanoseconds
}

func newHistogram(bounds []float64) histogram {
	return histogram{bounds: bounds, counts: make([]atomic.Int64, len(bounds)+1)}
}

func (h *histogram) observe(d time.Duration) {
	d = max(d, 0)
	s := d.Seconds()
	i := 0
	for i < len(h.bounds) && s > h.bounds[i] {
		i++
	}
	h.counts[i].Add(1)
	h.sum.Add(int64(d))
}

// observe counts a finished call; upstream is the time spent sending it
// upstream and relaying the answer, the rest is the gateway's own.
func (m *callMetrics) observe(e *usage.Event, refused bool, upstream time.Duration) {
	m.init()
	out := outcomeOK
	switch {
	case refused:
		out = outcomeRefused
	case e.ErrorType == ReasonClientClosed:
		out = outcomeAbandoned
	case e.ErrorType != "":
		out = outcomeError
		m.upstreamErrors.Add(1)
	}
	class := 0
	if e.Status >= 100 && e.Status < 600 {
		class = e.Status / 100
	}
	m.calls[out][class].Add(1)
	m.total.observe(e.Latency)
	m.added.observe(e.Latency - upstream)
}

// QueueStats is the usage log writer's state, for /metrics; usage.Writer's
// Stats is one source.
type QueueStats = usage.Stats

// WriteMetrics writes the gateway's metrics, and the usage log queue's when
// queue is not nil, in the Prometheus text exposition format (0.0.4).
func (g *Gateway) WriteMetrics(w io.Writer, queue func() QueueStats) error {
	m := &g.stats.metrics
	m.init()
	p := &promWriter{w: w}
	p.help("steward_gateway_requests_total", "counter", "Calls the gateway finished, by outcome (ok, error, refused, client_closed) and HTTP status class.")
	for o := range outcomes {
		for c := range statusClasses {
			if n := m.calls[o][c].Load(); n > 0 || (o == outcomeOK && c == 2) {
				p.sample("steward_gateway_requests_total", fmt.Sprintf(`outcome="%s",code="%s"`, outcomeName(o), className(c)), float64(n))
			}
		}
	}
	st := g.stats.snapshot()
	p.metric("steward_gateway_upstream_errors_total", "counter", "Calls the upstream answered with an error or could not be reached.", float64(m.upstreamErrors.Load()))
	p.metric("steward_gateway_failovers_total", "counter", "Calls a provider failed that the next one took.", float64(st.Failovers))
	p.metric("steward_gateway_requests_in_flight", "gauge", "Calls being served now.", float64(st.InFlight))
	p.histogram("steward_gateway_added_latency_seconds", "Time a call spent in the gateway itself, outside the upstream.", &m.added)
	p.histogram("steward_gateway_request_duration_seconds", "Time from receiving a call to its last byte.", &m.total)
	if queue != nil {
		q := queue()
		p.metric("steward_usage_queue_depth", "gauge", "Usage rows waiting to be written.", float64(q.Queued))
		p.metric("steward_usage_queue_capacity", "gauge", "Usage rows the queue holds before dropping.", float64(q.Capacity))
		p.metric("steward_usage_rows_written_total", "counter", "Usage rows written to the database.", float64(q.Written))
		p.metric("steward_usage_rows_dropped_total", "counter", "Usage rows lost: the queue was full or writing failed every retry.", float64(q.Dropped))
		p.metric("steward_usage_write_failures_total", "counter", "Failed attempts to write a batch of usage rows.", float64(q.Failures))
	}
	p.metric("steward_gateway_recorder_failures_total", "counter", "Usage rows lost because the recorder failed.", float64(st.RecorderFailures))
	return p.err
}

// promWriter writes the text exposition format, keeping the first error.
type promWriter struct {
	w   io.Writer
	err error
}

func (p *promWriter) printf(format string, a ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, a...)
	}
}

func (p *promWriter) help(name, kind, help string) {
	p.printf("# HELP %s %s\n# TYPE %s %s\n", name, help, name, kind)
}

func (p *promWriter) sample(name, labels string, v float64) {
	if labels != "" {
		labels = "{" + labels + "}"
	}
	p.printf("%s%s %s\n", name, labels, strconv.FormatFloat(v, 'g', -1, 64))
}

func (p *promWriter) metric(name, kind, help string, v float64) {
	p.help(name, kind, help)
	p.sample(name, "", v)
}

func (p *promWriter) histogram(name, help string, h *histogram) {
	p.help(name, "histogram", help)
	var cum int64
	for i, b := range h.bounds {
		cum += h.counts[i].Load()
		p.sample(name+"_bucket", `le="`+strconv.FormatFloat(b, 'g', -1, 64)+`"`, float64(cum))
	}
	cum += h.counts[len(h.bounds)].Load()
	p.sample(name+"_bucket", `le="+Inf"`, float64(cum))
	p.sample(name+"_sum", "", time.Duration(h.sum.Load()).Seconds())
	p.sample(name+"_count", "", float64(cum))
}
