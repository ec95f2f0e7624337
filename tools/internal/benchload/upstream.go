// Package benchload is what Steward's benchmark drivers share: a minimal
// fast stand-in for the API and a load generator that measures latency.
package benchload

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"strconv"
)

// ChatJSON is a small chat completion with usage, as the API answers one.
var ChatJSON = []byte(`{"id":"chatcmpl-bench","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini-2024-07-18",` +
	`"choices":[{"index":0,"message":{"role":"assistant","content":"Hello! How can I help you today?","refusal":null,"annotations":[]},` +
	`"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":9,"total_tokens":21,` +
	`"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,` +
	`"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},"service_tier":"default","system_fingerprint":"fp_bench"}` + "\n")

// ChatEvents is a streamed chat completion with include_usage: a role
// chunk, eight content chunks, a finish chunk, the usage chunk and [DONE].
var ChatEvents = func() [][]byte {
	chunk := func(choices, usage string) []byte {
		return []byte(`data: {"id":"chatcmpl-bench","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini-2024-07-18",` +
			`"service_tier":"default","system_fingerprint":"fp_bench","choices":` + choices + `,"usage":` + usage + "}\n\n")
	}
	delta := func(d, finish string) string {
		return `[{"index":0,"delta":` + d + `,"logprobs":null,"finish_reason":` + finish + `}]`
	}
	out := [][]byte{chunk(delta(`{"role":"assistant","content":"","refusal":null}`, "null"), "null")}
	for _, w := range []string{"Hello", "!", " How", " can", " I", " help", " you", " today?"} {
		out = append(out, chunk(delta(`{"content":"`+w+`"}`, "null"), "null"))
	}
	out = append(out, chunk(delta(`{}`, `"stop"`), "null"))
	out = append(out, chunk(`[]`, `{"prompt_tokens":12,"completion_tokens":9,"total_tokens":21,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}`))
	return append(out, []byte("data: [DONE]\n\n"))
}()

// Upstream is a minimal, fast stand-in for the API: POST
// /v1/chat/completions answers ChatJSON, or ChatEvents flushed one by one
// when the body asks for a stream.
func Upstream() (url string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	streamFlag := []byte(`"stream":true`)
	jsonLen := strconv.Itoa(len(ChatJSON))
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var buf [4096]byte
		n, _ := io.ReadFull(r.Body, buf[:])
		_, _ = io.Copy(io.Discard, r.Body)
		h := w.Header()
		h["X-Request-Id"] = []string{"req_bench"}
		if !bytes.Contains(buf[:n], streamFlag) {
			h["Content-Type"] = []string{"application/json"}
			h["Content-Length"] = []string{jsonLen}
			_, _ = w.Write(ChatJSON)
			return
		}
		h["Content-Type"] = []string{"text/event-stream; charset=utf-8"}
		h["Cache-Control"] = []string{"no-cache"}
		f := w.(http.Flusher)
		for _, ev := range ChatEvents {
			_, _ = w.Write(ev)
			f.Flush()
		}
	})}
	go func() { _ = srv.Serve(ln) }()
	return "http://" + ln.Addr().String() + "/v1", func() { _ = srv.Close() }, nil
}
