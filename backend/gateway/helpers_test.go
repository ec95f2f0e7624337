package gateway

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"steward/backend/keys"
	"steward/backend/openaitest"
	"steward/backend/store"
	"steward/backend/usage"
)

var bg = context.Background()

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

// memVault is an in-memory keys.Vault.
type memVault struct {
	mu sync.Mutex
	m  map[string]string
}

func (v *memVault) Set(a, s string) error { v.mu.Lock(); defer v.mu.Unlock(); v.m[a] = s; return nil }
func (v *memVault) Get(a string) (string, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	s, ok := v.m[a]
	if !ok {
		return "", keys.ErrNotFound
	}
	return s, nil
}
func (v *memVault) Delete(a string) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	delete(v.m, a)
	return nil
}

// fakeRecorder keeps every event it is given.
type fakeRecorder struct {
	mu     sync.Mutex
	events []usage.Event
}

func (r *fakeRecorder) Record(e usage.Event) {
	r.mu.Lock()
	r.events = append(r.events, e)
	r.mu.Unlock()
}

func (r *fakeRecorder) all() []usage.Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]usage.Event(nil), r.events...)
}

// wait returns the events once there are at least n: the gateway records a
// call after the client has its answer.
func (r *fakeRecorder) wait(t *testing.T, n int) []usage.Event {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		if ev := r.all(); len(ev) >= n {
			return ev
		}
		if time.Now().After(deadline) {
			t.Fatalf("recorded %d events; want %d: %+v", len(r.all()), n, r.all())
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// last waits for the n-th event and returns it.
func (r *fakeRecorder) last(t *testing.T, n int) usage.Event {
	t.Helper()
	ev := r.wait(t, n)
	return ev[n-1]
}

// env is a gateway in front of an openaitest server, with a key register
// holding the team's upstream key (label "team", held by Ops) and Bob's own
// key, and a member token for Ada.
type env struct {
	st       *store.Store
	reg      *keys.Register
	access   *Access
	up       *openaitest.Server
	rec      *fakeRecorder
	gw       *Gateway
	teamKey  string
	bobKey   string
	adaToken string
	url      string // the gateway's base URL, ".../v1"
	root     string // the gateway without "/v1"
}

type envOpts struct {
	cfg      Config
	upstream []openaitest.Option
	deps     func(*Deps)
	noStart  bool
	baseURL  func(e *env) string // the upstream to use; the openaitest server by default
}

func newEnv(t *testing.T, o envOpts) *env {
	t.Helper()
	e := &env{rec: &fakeRecorder{}, teamKey: testKey(t), bobKey: testKey(t)}
	st, err := store.Open(bg, t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e.st = st
	e.reg = keys.New(st, &memVault{m: map[string]string{}}, keys.Options{})
	for _, m := range []string{"Ada", "Bob", "Ops", "Cy"} {
		if _, err := e.reg.AddMember(bg, keys.MemberInput{Name: m}); err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range []struct{ label, member, key string }{{"team", "Ops", e.teamKey}, {"bob", "Bob", e.bobKey}} {
		if _, err := e.reg.AddKey(bg, keys.KeyInput{Label: k.label, Member: k.member, Environment: keys.EnvDev}, k.key); err != nil {
			t.Fatal(err)
		}
	}
	e.access = NewAccess(st, e.reg, AccessOptions{})
	if e.adaToken, err = e.access.CreateToken(bg, "Ada"); err != nil {
		t.Fatal(err)
	}
	e.up = openaitest.New(t, append([]openaitest.Option{openaitest.WithKeys(e.teamKey, e.bobKey)}, o.upstream...)...)
	cfg := o.cfg
	cfg.Listen = "127.0.0.1:0"
	if cfg.Upstream == "" {
		cfg.Upstream = e.up.URL
	}
	if o.baseURL != nil {
		cfg.Upstream = o.baseURL(e)
	}
	cfg.UpstreamKeyLabel = "team"
	deps := Deps{Access: e.access, Secret: e.reg.Secret, Lookup: e.reg.Lookup, Recorder: e.rec}
	if o.deps != nil {
		o.deps(&deps)
	}
	if e.gw, err = New(cfg, deps); err != nil {
		t.Fatal(err)
	}
	if o.noStart {
		return e
	}
	if err := e.gw.Start(bg); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(bg, 5*time.Second)
		defer cancel()
		if err := e.gw.Shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
	})
	e.url, e.root = e.gw.BaseURL(), "http://"+e.gw.Addr()
	return e
}

// do sends a request to the gateway with a bearer credential ("" for none).
func (e *env) do(t *testing.T, method, path, cred string, body any) (*http.Response, []byte) {
	t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = bytes.NewReader([]byte(b))
	case []byte:
		r = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		r = bytes.NewReader(j)
	}
	req, err := http.NewRequestWithContext(bg, method, e.root+path, r)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if cred != "" {
		req.Header.Set("Authorization", "Bearer "+cred)
	}
	return send(t, req)
}

func send(t *testing.T, req *http.Request) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read body: %v", err)
	}
	return resp, b
}

// chat is a small chat completion request.
func chat(prompt string, stream, includeUsage bool) map[string]any {
	m := map[string]any{
		"model":    "gpt-4o-mini",
		"messages": []map[string]any{{"role": "user", "content": prompt}},
	}
	if stream {
		m["stream"] = true
	}
	if includeUsage {
		m["stream_options"] = map[string]any{"include_usage": true}
	}
	return m
}

// apiErrorBody is the API's error shape, with param and code kept raw so
// tests can check they are null.
type apiErrorBody struct {
	Error struct {
		Message string          `json:"message"`
		Type    string          `json:"type"`
		Param   json.RawMessage `json:"param"`
		Code    json.RawMessage `json:"code"`
	} `json:"error"`
}

// wantAPIError checks an answer is the API's error shape with status and code.
func wantAPIError(t *testing.T, resp *http.Response, body []byte, status int, code string) apiErrorBody {
	t.Helper()
	if resp.StatusCode != status {
		t.Fatalf("status = %d; want %d; body %s", resp.StatusCode, status, body)
	}
	var raw map[string]map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		t.Fatalf("body is not JSON: %s", body)
	}
	for _, f := range []string{"message", "type", "param", "code"} {
		if _, ok := raw["error"][f]; !ok {
			t.Fatalf("error has no %q: %s", f, body)
		}
	}
	var e apiErrorBody
	_ = json.Unmarshal(body, &e)
	if string(e.Error.Code) != `"`+code+`"` || e.Error.Message == "" || e.Error.Type == "" {
		t.Fatalf("error = %s; want code %q", body, code)
	}
	return e
}
