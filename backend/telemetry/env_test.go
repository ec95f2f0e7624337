package telemetry

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

	"steward/backend/gateway"
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

// recorder keeps the usage events the gateway records.
type recorder struct {
	mu sync.Mutex
	ev []usage.Event
}

func (r *recorder) Record(e usage.Event) { r.mu.Lock(); r.ev = append(r.ev, e); r.mu.Unlock() }
func (r *recorder) all() []usage.Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]usage.Event(nil), r.ev...)
}

// env is a gateway in front of openaitest whose calls go to an Exporter.
// Ada holds a member token; the gateway sends the team key, held by Ops.
type env struct {
	up      *openaitest.Server
	gw      *gateway.Gateway
	rec     *recorder
	teamKey string
	token   string
}

// newEnv starts the gateway with obs as its call observer (nil for none);
// logBodies is the team's body-logging switch.
func newEnv(t testing.TB, obs gateway.CallObserver, logBodies bool) *env {
	t.Helper()
	e := &env{rec: &recorder{}, teamKey: testKey(t)}
	st, err := store.Open(bg, t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	reg := keys.New(st, &memVault{m: map[string]string{}}, keys.Options{})
	for _, m := range []string{"Ada", "Ops"} {
		if _, err := reg.AddMember(bg, keys.MemberInput{Name: m}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := reg.AddKey(bg, keys.KeyInput{Label: "team", Member: "Ops", Environment: keys.EnvDev}, e.teamKey); err != nil {
		t.Fatal(err)
	}
	access := gateway.NewAccess(st, reg, gateway.AccessOptions{})
	if e.token, err = access.CreateToken(bg, "Ada"); err != nil {
		t.Fatal(err)
	}
	e.up = openaitest.New(t, openaitest.WithKeys(e.teamKey))
	cfg := gateway.Config{Listen: "127.0.0.1:0", Upstream: e.up.URL, UpstreamKeyLabel: "team"}
	deps := gateway.Deps{Access: access, Secret: reg.Secret, Lookup: reg.Lookup, Recorder: e.rec,
		LogBodies: func() bool { return logBodies }}
	if obs != nil {
		deps.Calls = obs
	}
	if e.gw, err = gateway.New(cfg, deps); err != nil {
		t.Fatal(err)
	}
	if err := e.gw.Start(bg); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(bg, 5*time.Second)
		defer cancel()
		_ = e.gw.Shutdown(ctx)
	})
	return e
}

// chat sends a chat completion as Ada and returns the status and body.
func (e *env) chat(t testing.TB, prompt string, stream bool) (int, []byte) {
	t.Helper()
	req := map[string]any{"model": "gpt-4o-mini", "messages": []map[string]any{{"role": "user", "content": prompt}}}
	if stream {
		req["stream"], req["stream_options"] = true, map[string]any{"include_usage": true}
	}
	b, _ := json.Marshal(req)
	r, err := http.NewRequestWithContext(bg, http.MethodPost, e.gw.BaseURL()+"/chat/completions", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("Authorization", "Bearer "+e.token)
	resp, err := http.DefaultClient.Do(r)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, body
}

// waitEvents waits until the gateway has recorded n calls: it records a
// call after the client has its answer.
func (e *env) waitEvents(t testing.TB, n int) []usage.Event {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(2 * time.Millisecond) {
		if ev := e.rec.all(); len(ev) >= n {
			return ev
		}
		if time.Now().After(deadline) {
			t.Fatalf("recorded %d events; want %d", len(e.rec.all()), n)
		}
	}
}
