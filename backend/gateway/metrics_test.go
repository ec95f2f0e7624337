package gateway

import (
	"testing"

	"steward/backend/usage"
)

func TestMetricsOutcomes(t *testing.T) {
	var m callMetrics
	for _, c := range []struct {
		e       usage.Event
		refused bool
	}{
		{usage.Event{Status: 200}, false},
		{usage.Event{Status: 429, ErrorType: "rate_limit_exceeded"}, true},
		{usage.Event{Status: 500, ErrorType: "server_error"}, false},
		{usage.Event{Status: 0, ErrorType: ReasonUpstreamUnreachable}, false},
		{usage.Event{Status: 200, ErrorType: ReasonClientClosed}, false},
	} {
		m.observe(&c.e, c.refused, 0)
	}
	for _, w := range []struct {
		outcome, class int
	}{{outcomeOK, 2}, {outcomeRefused, 4}, {outcomeError, 5}, {outcomeError, 0}, {outcomeAbandoned, 2}} {
		if n := m.calls[w.outcome][w.class].Load(); n != 1 {
			t.Errorf("%s/%s = %d; want 1", outcomeName(w.outcome), className(w.class), n)
		}
	}
	if n := m.upstreamErrors.Load(); n != 2 {
		t.Errorf("upstream errors = %d; want 2", n)
	}
}
