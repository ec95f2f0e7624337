package openaitest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// testKey makes a random project key at run time; no key literal lives in
// the source.
func testKey(t testing.TB) string {
	t.Helper()
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "sk-proj-" + hex.EncodeToString(b)
}

// client is a go-openai client pointed at srv.
func client(srv *Server, key string) *openai.Client {
	cfg := openai.DefaultConfig(key)
	cfg.BaseURL = srv.URL
	cfg.HTTPClient = srv.Client()
	return openai.NewClientWithConfig(cfg)
}

// post sends a raw JSON request and returns the response and its body.
func post(t *testing.T, srv *Server, key, path string, body any) (*http.Response, []byte) {
	t.Helper()
	b, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	return do(t, srv, key, http.MethodPost, srv.URL+path, bytes.NewReader(b))
}

func do(t *testing.T, srv *Server, key, method, url string, body io.Reader) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, out
}

// decode unmarshals JSON or fails.
func decode(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
}

// noKey fails if s contains key.
func noKey(t *testing.T, s, key string) {
	t.Helper()
	if strings.Contains(s, key) {
		t.Fatal("the full API key appears in output")
	}
}

// fakeClock is a settable clock for the rate limiter.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{t: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// errorBody is the spec's ErrorResponse, with nullable fields as pointers.
type errorBody struct {
	Error *struct {
		Message string  `json:"message"`
		Type    string  `json:"type"`
		Param   *string `json:"param"`
		Code    *string `json:"code"`
	} `json:"error"`
}

// checkErrorBody checks that b is an ErrorResponse with all four fields
// present and the given type and code.
func checkErrorBody(t *testing.T, b []byte, typ, code string) {
	t.Helper()
	var raw map[string]map[string]json.RawMessage
	decode(t, b, &raw)
	for _, f := range []string{"message", "type", "param", "code"} {
		if _, ok := raw["error"][f]; !ok {
			t.Fatalf("error body lacks %q: %s", f, b)
		}
	}
	var e errorBody
	decode(t, b, &e)
	gotCode := ""
	if e.Error.Code != nil {
		gotCode = *e.Error.Code
	}
	if e.Error.Type != typ || gotCode != code {
		t.Fatalf("error type/code = %q/%q; want %q/%q", e.Error.Type, gotCode, typ, code)
	}
}
