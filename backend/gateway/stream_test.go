package gateway

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"steward/backend/openaitest"
	"steward/backend/usage"
)

func TestUsageFromJSONAnswers(t *testing.T) {
	e := newEnv(t, envOpts{})
	prompt := "count my tokens please"
	reply := "You said: " + prompt
	tests := []struct {
		name, path string
		body       any
		in, out    int
		model      string
	}{
		{"Chat", "/v1/chat/completions", chat(prompt, false, false), openaitest.CountTokens(prompt), openaitest.CountTokens(reply), "gpt-4o-mini"},
		{"Responses", "/v1/responses", map[string]any{"model": "gpt-4o", "input": prompt}, openaitest.CountTokens(prompt), openaitest.CountTokens(reply), "gpt-4o"},
		{"Embeddings", "/v1/embeddings", map[string]any{"model": "text-embedding-3-small", "input": prompt}, openaitest.CountTokens(prompt), 0, "text-embedding-3-small"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := e.do(t, http.MethodPost, tt.path, e.adaToken, tt.body)
			if resp.StatusCode != 200 {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			ev := e.rec.last(t, i+1)
			if ev.InputTokens != int64(tt.in) || ev.OutputTokens != int64(tt.out) || ev.Model != tt.model || ev.Stream {
				t.Fatalf("event = %+v; want %d in, %d out", ev, tt.in, tt.out)
			}
		})
	}
}

func TestUsageFromLargeJSONAnswerTail(t *testing.T) {
	e := newEnv(t, envOpts{})
	inputs := make([]string, 400) // ~400 vectors of 1536 floats: several MB
	for i := range inputs {
		inputs[i] = fmt.Sprintf("input number %d", i)
	}
	resp, body := e.do(t, http.MethodPost, "/v1/embeddings", e.adaToken, map[string]any{"model": "text-embedding-3-small", "input": inputs})
	if resp.StatusCode != 200 || len(body) < sniffHead {
		t.Fatalf("status %d, %d bytes", resp.StatusCode, len(body))
	}
	var direct struct {
		Usage struct {
			PromptTokens int64 `json:"prompt_tokens"`
		} `json:"usage"`
	}
	_ = json.Unmarshal(body, &direct)
	if ev := e.rec.last(t, 1); ev.InputTokens != direct.Usage.PromptTokens || ev.Model != "text-embedding-3-small" {
		t.Fatalf("event in %d model %q; the answer said %d", ev.InputTokens, ev.Model, direct.Usage.PromptTokens)
	}
}

// readSSE returns the data lines of a stream.
func readSSE(t *testing.T, body []byte) []string {
	t.Helper()
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if d, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
			out = append(out, d)
		}
	}
	return out
}

func TestUsageFromStreams(t *testing.T) {
	prompt := "stream this to me"
	in, out := int64(openaitest.CountTokens(prompt)), int64(openaitest.CountTokens("You said: "+prompt))
	tests := []struct {
		name            string
		addIncludeUsage bool
		path            string
		body            any
		in, out         int64
		usageChunk      bool // the client sees a chunk with empty choices and usage
	}{
		{"ChatWithIncludeUsage", false, "/v1/chat/completions", chat(prompt, true, true), in, out, true},
		{"ChatWithoutIncludeUsageIsUnknown", false, "/v1/chat/completions", chat(prompt, true, false), usage.Unknown, usage.Unknown, false},
		{"ChatWithAddIncludeUsage", true, "/v1/chat/completions", chat(prompt, true, false), in, out, true},
		{"ResponsesCompleted", false, "/v1/responses", map[string]any{"model": "gpt-4o", "input": prompt, "stream": true}, in, out, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, envOpts{cfg: Config{AddIncludeUsage: tt.addIncludeUsage}})
			resp, body := e.do(t, http.MethodPost, tt.path, e.adaToken, tt.body)
			if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
				t.Fatalf("status %d %s: %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
			}
			sawUsage := false
			for _, d := range readSSE(t, body) {
				if strings.Contains(d, `"choices":[]`) && strings.Contains(d, `"usage":{`) {
					sawUsage = true
				}
			}
			if sawUsage != tt.usageChunk {
				t.Fatalf("usage chunk seen = %v; want %v", sawUsage, tt.usageChunk)
			}
			ev := e.rec.last(t, 1)
			if ev.InputTokens != tt.in || ev.OutputTokens != tt.out || !ev.Stream || ev.ErrorType != "" {
				t.Fatalf("event = %+v; want %d in, %d out", ev, tt.in, tt.out)
			}
			if ev.TimeToFirstByte <= 0 || ev.TimeToFirstByte > ev.Latency {
				t.Fatalf("ttfb %v latency %v", ev.TimeToFirstByte, ev.Latency)
			}
		})
	}
}

// slowStream is an upstream that sends one chat chunk, then waits for
// release before finishing the stream.
func slowStream(t *testing.T, release <-chan struct{}) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		w.WriteHeader(200)
		fmt.Fprint(w, `data: {"id":"c1","object":"chat.completion.chunk","model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"first"}}]}`+"\n\n")
		w.(http.Flusher).Flush()
		select {
		case <-release:
		case <-r.Context().Done():
			return
		}
		fmt.Fprint(w, `data: {"id":"c1","object":"chat.completion.chunk","model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}`+"\n\n")
		fmt.Fprint(w, "data: [DONE]\n\n")
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestStreamsPassThroughUnbuffered(t *testing.T) {
	release := make(chan struct{})
	up := slowStream(t, release)
	e := newEnv(t, envOpts{baseURL: func(*env) string { return up.URL + "/v1" }})
	b, _ := json.Marshal(chat("hi", true, true))
	req, _ := http.NewRequestWithContext(bg, http.MethodPost, e.url+"/chat/completions", bytes.NewReader(b))
	req.Header.Set("Authorization", "Bearer "+e.adaToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(resp.Body).ReadString('\n')
		got <- line
	}()
	select {
	case line := <-got: // arrived while the upstream is still holding the rest
		if !strings.Contains(line, `"first"`) {
			t.Fatalf("first line = %q", line)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the first chunk did not arrive before the upstream finished: the stream is buffered")
	}
	close(release)
	if ev := e.rec.last(t, 1); ev.InputTokens != 3 || ev.OutputTokens != 1 || ev.ErrorType != "" {
		t.Fatalf("event = %+v", ev)
	}
}

func TestClientDisconnectMidStreamIsRecorded(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	up := slowStream(t, release)
	e := newEnv(t, envOpts{baseURL: func(*env) string { return up.URL + "/v1" }})
	ctx, cancel := context.WithCancel(bg)
	b, _ := json.Marshal(chat("hi", true, true))
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, e.url+"/chat/completions", bytes.NewReader(b))
	req.Header.Set("Authorization", "Bearer "+e.adaToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = bufio.NewReader(resp.Body).ReadString('\n')
	cancel()
	resp.Body.Close()
	ev := e.rec.last(t, 1)
	if ev.ErrorType != ReasonClientClosed || ev.Status != 200 || ev.Model != "gpt-4o-mini" || ev.InputTokens != usage.Unknown {
		t.Fatalf("event = %+v", ev)
	}
}
