package gateway

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"steward/backend/keys"
	"steward/backend/store"
	"steward/backend/usage"
)

// benchUpstream answers a small chat completion, or a short stream when the
// body asks for one.
func benchUpstream(b *testing.B) *httptest.Server {
	body := []byte(`{"id":"c","object":"chat.completion","model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"Hello!"},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}}`)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		in, _ := io.ReadAll(r.Body)
		if !bytes.Contains(in, []byte(`"stream":true`)) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write(body)
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		for i := range 5 {
			fmt.Fprintf(w, "data: {\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"w%d\"}}],\"usage\":null}\n\n", i)
			w.(http.Flusher).Flush()
		}
		fmt.Fprint(w, "data: {\"model\":\"gpt-4o-mini\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":5,\"total_tokens\":17}}\n\ndata: [DONE]\n\n")
	}))
	b.Cleanup(srv.Close)
	return srv
}

// BenchmarkGateway measures one call through the gateway's handler with a
// member token, against a local upstream, with a no-op recorder.
func BenchmarkGateway(b *testing.B) {
	up := benchUpstream(b)
	st, err := store.Open(bg, b.TempDir(), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	reg := keys.New(st, &memVault{m: map[string]string{}}, keys.Options{})
	_, _ = reg.AddMember(bg, keys.MemberInput{Name: "Ada"})
	if _, err := reg.AddKey(bg, keys.KeyInput{Label: "team", Member: "Ada", Environment: keys.EnvDev}, testKey(b)); err != nil {
		b.Fatal(err)
	}
	access := NewAccess(st, reg, AccessOptions{})
	tok, _ := access.CreateToken(bg, "Ada")
	gw, err := New(Config{Upstream: up.URL + "/v1", UpstreamKeyLabel: "team"},
		Deps{Access: access, Secret: reg.Secret, Recorder: usage.RecorderFunc(func(usage.Event) {})})
	if err != nil {
		b.Fatal(err)
	}
	for _, tt := range []struct{ name, body string }{
		{"JSON", `{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello"}]}`},
		{"Stream", `{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello"}],"stream":true,"stream_options":{"include_usage":true}}`},
	} {
		b.Run(tt.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/v1/chat/completions", bytes.NewReader([]byte(tt.body)))
				req.Header.Set("Authorization", "Bearer "+tok)
				req.Header.Set("Content-Type", "application/json")
				w := httptest.NewRecorder()
				gw.ServeHTTP(w, req)
				if w.Code != 200 {
					b.Fatalf("status %d: %s", w.Code, w.Body)
				}
			}
		})
	}
}

// BenchmarkSSEReader measures reading usage off a chat stream.
func BenchmarkSSEReader(b *testing.B) {
	stream := []byte(chatStream)
	b.SetBytes(int64(len(stream)))
	for b.Loop() {
		var s sseReader
		_, _ = s.Write(stream)
	}
}
