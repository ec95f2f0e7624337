package gateway

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// callLog is a CallObserver that keeps the calls it hears of.
type callLog struct {
	mu    sync.Mutex
	calls []Call
}

func (l *callLog) ObserveCall(_ context.Context, c Call) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if c.Header.Get("Authorization") == "" {
		panic("the observer should see the request's header while it runs")
	}
	c.Header = nil
	l.calls = append(l.calls, c)
}

func TestObserverHearsEachCall(t *testing.T) {
	log := &callLog{}
	e := newEnv(t, envOpts{deps: func(d *Deps) { d.Calls = log }})
	for _, c := range []struct {
		path string
		body any
	}{
		{"/v1/chat/completions", chat("hi", false, false)},
		{"/v1/chat/completions", chat("hi", true, true)},
		{"/v1/responses", map[string]any{"model": "gpt-4o", "input": "hi"}},
		{"/v1/responses", map[string]any{"model": "gpt-4o", "input": "hi", "stream": true}},
	} {
		if r, b := e.do(t, http.MethodPost, c.path, e.adaToken, c.body); r.StatusCode != 200 {
			t.Fatalf("%s: %d %s", c.path, r.StatusCode, b)
		}
	}
	if r, _ := e.do(t, http.MethodPost, "/v1/chat/completions", "stw_not-a-token", chat("hi", false, false)); r.StatusCode != 401 {
		t.Fatalf("bad token: %d", r.StatusCode)
	}
	events := e.rec.wait(t, 5)
	ctx, cancel := context.WithTimeout(bg, 5*time.Second)
	defer cancel()
	if err := e.gw.Shutdown(ctx); err != nil { // every call observed
		t.Fatal(err)
	}
	log.mu.Lock()
	defer log.mu.Unlock()
	if len(log.calls) != 5 {
		t.Fatalf("observed %d calls; want 5", len(log.calls))
	}
	for i, c := range log.calls[:4] {
		ev := events[i]
		prefix := map[bool]string{true: "chatcmpl-", false: "resp_"}[c.Operation == opChat]
		if !strings.HasPrefix(c.ResponseID, prefix) || c.RequestModel == "" || c.ResponseModel == "" || c.Refused || !c.Primary {
			t.Errorf("call %d (%s): %+v", i, c.Operation, c)
		}
		if c.Event.Time != ev.Time || c.End != ev.Time.Add(ev.Latency) || c.Event.InputTokens != ev.InputTokens || c.Event.Member != "Ada" {
			t.Errorf("call %d: event %+v, end %v; recorded %+v", i, c.Event, c.End, ev)
		}
		if c.ServerAddress != "127.0.0.1" || c.ServerPort == 0 {
			t.Errorf("call %d: server %s:%d", i, c.ServerAddress, c.ServerPort)
		}
	}
	if c := log.calls[4]; !c.Refused || c.Event.Status != 401 || c.ResponseID != "" {
		t.Errorf("refused call: %+v", c)
	}
}

func TestObserverPanicLosesOnlyTelemetry(t *testing.T) {
	e := newEnv(t, envOpts{deps: func(d *Deps) { d.Calls = panicObserver{} }})
	for range 2 {
		if r, b := e.do(t, http.MethodPost, "/v1/chat/completions", e.adaToken, chat("hi", false, false)); r.StatusCode != 200 {
			t.Fatalf("%d %s", r.StatusCode, b)
		}
	}
	e.rec.wait(t, 2)
}

type panicObserver struct{}

func (panicObserver) ObserveCall(context.Context, Call) { panic("observer broke") }
