package gateway

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	"steward/backend/openaitest"
	"steward/backend/usage"
)

// stillServes fails unless a plain call through the gateway succeeds.
func stillServes(t *testing.T, e *env) {
	t.Helper()
	if resp, body := e.do(t, http.MethodPost, "/v1/chat/completions", e.adaToken, chat("still there?", false, false)); resp.StatusCode != 200 {
		t.Fatalf("the gateway stopped serving: %d %s", resp.StatusCode, body)
	}
}

func TestUpstreamClosingMidStreamCutsTheClientOff(t *testing.T) {
	e := newEnv(t, envOpts{})
	e.up.Inject(1, openaitest.Fault{Path: "/chat/completions", DropAfterEvents: 2})
	stream, err := sdk(e, e.adaToken).CreateChatCompletionStream(bg, goopenai.ChatCompletionRequest{
		Model: "gpt-4o-mini", Stream: true, StreamOptions: &goopenai.StreamOptions{IncludeUsage: true},
		Messages: []goopenai.ChatCompletionMessage{{Role: "user", Content: "a reply of several words"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	var recvErr error
	for recvErr == nil {
		_, recvErr = stream.Recv()
	}
	if errors.Is(recvErr, io.EOF) {
		t.Fatal("the client saw a clean end of a stream the upstream dropped")
	}
	ev := e.rec.last(t, 1)
	if ev.ErrorType != ReasonUpstreamClosed || ev.Status != 200 || ev.InputTokens != usage.Unknown || ev.Model != "gpt-4o-mini" {
		t.Fatalf("event = %+v", ev)
	}
	if s := e.gw.Stats(); s.Errors != 1 || len(s.RecentErrors) != 1 || s.RecentErrors[0].Type != ReasonUpstreamClosed {
		t.Fatalf("stats = %+v", s)
	}
	stillServes(t, e)
}

func TestUpstreamThatNeverAnswersGets504(t *testing.T) {
	e := newEnv(t, envOpts{cfg: Config{FirstByteTimeout: 200 * time.Millisecond}})
	e.up.Inject(1, openaitest.Fault{Path: "/chat/completions", Delay: time.Minute})
	resp, body := e.do(t, http.MethodPost, "/v1/chat/completions", e.adaToken, chat("hello?", false, false))
	wantAPIError(t, resp, body, http.StatusGatewayTimeout, ReasonUpstreamTimeout)
	if ev := e.rec.last(t, 1); ev.ErrorType != ReasonUpstreamTimeout || ev.Status != 504 || ev.InputTokens != usage.Unknown {
		t.Fatalf("event = %+v", ev)
	}
	stillServes(t, e)
}

func TestUpstreamStallingMidStreamTimesOut(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	up := slowStream(t, release)
	e := newEnv(t, envOpts{cfg: Config{IdleTimeout: 200 * time.Millisecond}, baseURL: func(*env) string { return up.URL + "/v1" }})
	b, _ := json.Marshal(chat("hi", true, true))
	req, _ := http.NewRequestWithContext(bg, http.MethodPost, e.url+"/chat/completions", bytes.NewReader(b))
	req.Header.Set("Authorization", "Bearer "+e.adaToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err == nil || !strings.Contains(string(got), `"first"`) {
		t.Fatalf("read %q, %v; want the first chunk, then a cut", got, err)
	}
	if ev := e.rec.last(t, 1); ev.ErrorType != ReasonUpstreamTimeout || ev.Model != "gpt-4o-mini" {
		t.Fatalf("event = %+v", ev)
	}
}

func TestUnreachableUpstreamGets502(t *testing.T) {
	e := newEnv(t, envOpts{baseURL: func(*env) string { return "http://127.0.0.1:1/v1" }})
	resp, body := e.do(t, http.MethodGet, "/v1/models", e.adaToken, nil)
	got := wantAPIError(t, resp, body, http.StatusBadGateway, ReasonUpstreamUnreachable)
	if strings.Contains(got.Error.Message, e.teamKey) {
		t.Fatal("the error carries the key")
	}
}

func TestUpstreamErrorsPassThroughUnchanged(t *testing.T) {
	e := newEnv(t, envOpts{upstream: []openaitest.Option{openaitest.WithRateLimits(openaitest.RateLimits{RequestsPerMinute: 1})}})
	e.do(t, http.MethodGet, "/v1/models", e.adaToken, nil)
	resp, body := e.do(t, http.MethodGet, "/v1/models", e.adaToken, nil)
	wantAPIError(t, resp, body, http.StatusTooManyRequests, "rate_limit_exceeded")
	if resp.Header.Get("x-ratelimit-limit-requests") != "1" || resp.Header.Get(hdrGatewayError) != "" {
		t.Fatalf("headers = %v", resp.Header)
	}
	if ev := e.rec.last(t, 2); ev.ErrorType != "rate_limit_exceeded" || ev.Status != 429 || ev.InputTokens != 0 {
		t.Fatalf("event = %+v", ev)
	}
}

// unsized hides a reader's length, so the request is sent chunked.
type unsized struct{ io.Reader }

func TestOversizedBodiesGet413(t *testing.T) {
	e := newEnv(t, envOpts{cfg: Config{MaxBodyBytes: 300 << 10}})
	big := []byte(`{"model":"text-embedding-3-small","input":"` + strings.Repeat("a", 400<<10) + `"}`)
	tests := []struct {
		name string
		body io.Reader
	}{
		{"DeclaredLength", bytes.NewReader(big)},
		{"Chunked", unsized{bytes.NewReader(big)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequestWithContext(bg, http.MethodPost, e.url+"/embeddings", tt.body)
			req.Header.Set("Authorization", "Bearer "+e.adaToken)
			req.Header.Set("Content-Type", "application/json")
			resp, body := send(t, req)
			wantAPIError(t, resp, body, http.StatusRequestEntityTooLarge, ReasonBodyTooLarge)
		})
	}
	stillServes(t, e)
}

// panickyRecorder fails on every event.
type panickyRecorder struct{}

func (panickyRecorder) Record(usage.Event) { panic("disk full") }

// droppingRecorder keeps nothing and counts what it dropped, as a full
// queue does.
type droppingRecorder struct{ dropped atomic.Int64 }

func (d *droppingRecorder) Record(usage.Event) { d.dropped.Add(1) }

func TestFailingOrFullRecorderNeverFailsTheCall(t *testing.T) {
	drop := &droppingRecorder{}
	tests := []struct {
		name string
		deps func(*Deps)
		want func(Stats) bool
	}{
		{"Panics", func(d *Deps) { d.Recorder = panickyRecorder{} }, func(s Stats) bool { return s.RecorderFailures == 2 }},
		{"Full", func(d *Deps) { d.Recorder, d.Overflow = drop, drop.dropped.Load }, func(s Stats) bool { return s.QueueOverflow == 2 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, envOpts{deps: tt.deps})
			stillServes(t, e)
			stillServes(t, e)
			deadline := time.Now().Add(5 * time.Second)
			for s := e.gw.Stats(); !tt.want(s); s = e.gw.Stats() {
				if time.Now().After(deadline) {
					t.Fatalf("stats = %+v", s)
				}
				time.Sleep(5 * time.Millisecond)
			}
		})
	}
}

func TestShutdownCutsOffCallsStillRunning(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	up := slowStream(t, release)
	e := newEnv(t, envOpts{baseURL: func(*env) string { return up.URL + "/v1" }})
	b, _ := json.Marshal(chat("hi", true, false))
	req, _ := http.NewRequestWithContext(bg, http.MethodPost, e.url+"/chat/completions", bytes.NewReader(b))
	req.Header.Set("Authorization", "Bearer "+e.adaToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	ctx, cancel := context.WithTimeout(bg, 100*time.Millisecond)
	defer cancel()
	if err := e.gw.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if s := e.gw.Stats(); s.Running || s.InFlight != 0 {
		t.Fatalf("stats after shutdown = %+v", s)
	}
	if ev := e.rec.last(t, 1); ev.ErrorType == "" {
		t.Fatalf("the cut-off call was recorded as a success: %+v", ev)
	}
}
