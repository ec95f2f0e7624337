package gateway

import (
	"sync"
	"sync/atomic"
	"time"

	"steward/backend/usage"
)

// recentErrors is how many failed calls Stats keeps.
const recentErrors = 20

// Stats are the gateway's live counters since it started.
type Stats struct {
	Running   bool   `json:"running"`
	StartedAt string `json:"started_at"` // RFC 3339, UTC; "" before Start
	Requests  int64  `json:"requests"`   // calls received, answered or not
	InFlight  int64  `json:"in_flight"`
	Streams   int64  `json:"streams"` // calls answered with server-sent events
	Errors    int64  `json:"errors"`  // calls that ended in an error, the upstream's or the gateway's
	Refused   int64  `json:"refused"` // calls the gateway answered itself: 401, 403, 413, 429, ...
	// QueueOverflow counts usage rows the recorder could not keep (a full
	// queue, a full disk), as it reports them.
	QueueOverflow int64 `json:"queue_overflow"`
	// RecorderFailures counts usage rows lost because the recorder panicked.
	RecorderFailures int64        `json:"recorder_failures"`
	RecentErrors     []ErrorEntry `json:"recent_errors"` // newest first
	// Failovers counts calls a provider failed that the next one took.
	Failovers int64 `json:"failovers"`
	// Providers are the primary and the fallbacks with their breakers.
	Providers []ProviderState `json:"providers"`
	// Alerts are account trouble, low rate-limit headroom, flagged
	// answers and blocked end users, newest first.
	Alerts []Alert `json:"alerts"`
	// Headroom is each key's rate-limit headroom per model, lowest first.
	Headroom []Headroom `json:"headroom"`
}

// ErrorEntry is one failed call, for people: never a key or a prompt.
type ErrorEntry struct {
	Time     string `json:"time"` // RFC 3339, UTC
	Member   string `json:"member"`
	Method   string `json:"method"`
	Endpoint string `json:"endpoint"`
	Status   int    `json:"status"` // 0 when no answer was sent
	Type     string `json:"type"`   // the usage log's ErrorType
	Message  string `json:"message"`
}

// counters are updated on every call without locks; the recent error list
// takes a lock, on failures only.
type counters struct {
	requests, inFlight, streams, errors, refused, recorderFailures, failovers atomic.Int64
	metrics                                                                   callMetrics // for /metrics

	mu     sync.Mutex
	recent [recentErrors]ErrorEntry
	next   int
	count  int
}

func (c *counters) begin() {
	c.requests.Add(1)
	c.inFlight.Add(1)
}

// end counts a finished call described by e; msg explains a failure.
func (c *counters) end(e *usage.Event, refused bool, msg string) {
	c.inFlight.Add(-1)
	if e.Stream {
		c.streams.Add(1)
	}
	if refused {
		c.refused.Add(1)
	}
	if e.ErrorType == "" {
		return
	}
	c.errors.Add(1)
	entry := ErrorEntry{
		Time: e.Time.UTC().Format(time.RFC3339), Member: e.Member, Method: e.Method, Endpoint: e.Endpoint,
		Status: e.Status, Type: e.ErrorType, Message: scrubSecrets(msg),
	}
	c.mu.Lock()
	c.recent[c.next] = entry
	c.next = (c.next + 1) % recentErrors
	c.count = min(c.count+1, recentErrors)
	c.mu.Unlock()
}

// snapshot copies the counters, newest error first.
func (c *counters) snapshot() Stats {
	s := Stats{
		Requests: c.requests.Load(), InFlight: c.inFlight.Load(), Streams: c.streams.Load(),
		Errors: c.errors.Load(), Refused: c.refused.Load(), RecorderFailures: c.recorderFailures.Load(),
		Failovers: c.failovers.Load(),
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	s.RecentErrors = make([]ErrorEntry, 0, c.count)
	for i := 1; i <= c.count; i++ {
		s.RecentErrors = append(s.RecentErrors, c.recent[(c.next-i+recentErrors)%recentErrors])
	}
	return s
}
