package gateway

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"steward/backend/usage"
)

// CallObserver hears of each call the gateway handled, once it is finished
// and its usage event recorded (OpenTelemetry export, for one). ObserveCall
// runs on the call's goroutine before the answer's last bytes may have been
// flushed: it must return at once and never block, queueing what it does.
type CallObserver interface {
	ObserveCall(ctx context.Context, c Call)
}

// Call is what an observer learns about a finished call: its usage event
// (Event.Time is its start; bodies only when body logging is on) and what
// the event does not keep.
type Call struct {
	Event usage.Event
	// End is when the gateway finished the call: Event.Time + Event.Latency.
	End time.Time
	// Operation is the API operation ("/chat/completions").
	Operation string
	// RequestModel is the model the request asked for (or the Azure
	// deployment); Event.Model may be the one that answered.
	RequestModel string
	// ResponseModel and ResponseID are the model and id the answer named.
	ResponseModel string
	ResponseID    string
	// Primary is set when the primary provider was the last one tried;
	// Azure when that provider is Azure OpenAI.
	Primary, Azure bool
	// ServerAddress and ServerPort name the upstream the call went to.
	ServerAddress string
	ServerPort    int
	// Refused is set when the gateway answered the call itself.
	Refused bool
	// Header is the client's request header, read-only and only while
	// ObserveCall runs (for trace context).
	Header http.Header
}

// observe hands the finished call to the observer. An observer that panics
// loses the call's telemetry, never the call.
func (c *call) observe() {
	g := c.g
	if g.calls == nil {
		return
	}
	defer func() {
		if r := recover(); r != nil {
			g.log.Warn("call observer failed", "panic", fmt.Sprint(r))
		}
	}()
	o := Call{
		Event: c.ev, End: c.ev.Time.Add(c.ev.Latency), Operation: c.op,
		RequestModel:  cmp.Or(c.info.model, c.deployment),
		ResponseModel: c.t.model, ResponseID: c.t.id,
		Primary: c.up.Primary, Azure: c.up.azure, ServerAddress: c.up.base.Hostname(),
		Refused: c.refused, Header: c.r.Header,
	}
	o.ServerPort, _ = strconv.Atoi(c.up.base.Port())
	if o.ServerPort == 0 {
		o.ServerPort = map[string]int{"http": 80, "https": 443}[c.up.base.Scheme]
	}
	g.calls.ObserveCall(context.WithoutCancel(c.r.Context()), o)
}
