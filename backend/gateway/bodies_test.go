package gateway

import (
	"net/http"
	"strings"
	"testing"
)

func TestBodiesGoWithTheEventOnlyWhenLoggingIsOn(t *testing.T) {
	for _, on := range []bool{false, true} {
		e := newEnv(t, envOpts{deps: func(d *Deps) { d.LogBodies = func() bool { return on } }})
		resp, body := e.do(t, http.MethodPost, "/v1/chat/completions", e.adaToken, chat("remember the lighthouse", false, false))
		if resp.StatusCode != 200 {
			t.Fatalf("status %d: %s", resp.StatusCode, body)
		}
		ev := e.rec.last(t, 1)
		if !on {
			if ev.RequestBody != "" || ev.ResponseBody != "" {
				t.Fatal("bodies were kept with logging off")
			}
			continue
		}
		if !strings.Contains(ev.RequestBody, "remember the lighthouse") || ev.ResponseBody != string(body) {
			t.Fatalf("bodies = %q / %q", ev.RequestBody, ev.ResponseBody)
		}
	}
}

func TestBodyLogIsCapped(t *testing.T) {
	b := bodyLog{on: true}
	b.add(make([]byte, maxLoggedBody-10))
	b.add(make([]byte, 100))
	if len(b.answer) != maxLoggedBody || !b.cut {
		t.Fatalf("kept %d, cut %v", len(b.answer), b.cut)
	}
}
