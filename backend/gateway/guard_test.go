package gateway

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"

	"steward/backend/store"
)

// capture sits between the gateway and the stand-in and keeps the bodies
// and headers the stand-in is sent.
type capture struct {
	mu      sync.Mutex
	bodies  []map[string]any
	headers []http.Header
}

func (c *capture) start(t *testing.T, target string) string {
	t.Helper()
	u, _ := url.Parse(target)
	proxy := httputil.NewSingleHostReverseProxy(u)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var m map[string]any
		_ = json.Unmarshal(b, &m)
		c.mu.Lock()
		c.bodies, c.headers = append(c.bodies, m), append(c.headers, r.Header.Clone())
		c.mu.Unlock()
		r.Body = io.NopCloser(bytes.NewReader(b))
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func (c *capture) last(t *testing.T) (map[string]any, http.Header) {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.bodies) == 0 {
		t.Fatal("the upstream saw nothing")
	}
	return c.bodies[len(c.bodies)-1], c.headers[len(c.headers)-1]
}

// guardEnv is a gateway with a Guard whose vault is vault, in front of a
// capturing proxy.
func guardEnv(t *testing.T, cfg Config, vault *memVault) (*env, *capture, *Guard) {
	t.Helper()
	st, err := store.Open(bg, t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	guard := NewGuard(st, vault, nil)
	cp := &capture{}
	e := newEnv(t, envOpts{cfg: cfg, baseURL: func(e *env) string { return cp.start(t, e.up.URL) },
		deps: func(d *Deps) { d.Guard = guard }})
	return e, cp, guard
}

func newVault() *memVault { return &memVault{m: map[string]string{}} }

// post sends a JSON body with extra headers.
func post(t *testing.T, e *env, path, cred string, body any, hdr map[string]string) (*http.Response, []byte) {
	t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequestWithContext(bg, http.MethodPost, e.root+path, bytes.NewReader(b))
	req.Header.Set("Authorization", "Bearer "+cred)
	req.Header.Set("Content-Type", "application/json")
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	return send(t, req)
}

func TestSafetyIdentifiers(t *testing.T) {
	vault := newVault()
	e, cp, guard := guardEnv(t, Config{}, vault)
	sid := func(body any, hdr map[string]string, path string) string {
		t.Helper()
		if resp, b := post(t, e, path, e.adaToken, body, hdr); resp.StatusCode != 200 {
			t.Fatalf("%d %s", resp.StatusCode, b)
		}
		m, h := cp.last(t)
		if h.Get(HeaderEndUser) != "" {
			t.Fatal("the end-user header reached the upstream")
		}
		s, _ := m["safety_identifier"].(string)
		return s
	}
	member := sid(chat("hi", false, false), nil, "/v1/chat/completions")
	if len(member) != 64 || strings.Contains(member, "Ada") {
		t.Fatalf("member id = %q", member)
	}
	if again := sid(chat("hi again", false, false), nil, "/v1/chat/completions"); again != member {
		t.Fatalf("not stable per member: %q %q", member, again)
	}
	user := sid(chat("hi", false, false), map[string]string{HeaderEndUser: "user-42"}, "/v1/chat/completions")
	if user == member || user == "" {
		t.Fatalf("end user id = %q (member %q)", user, member)
	}
	resp := sid(map[string]any{"model": "gpt-4o-mini", "input": "hi"}, map[string]string{HeaderEndUser: "user-42"}, "/v1/responses")
	if resp != user {
		t.Fatalf("responses id %q; chat gave %q", resp, user)
	}
	body := chat("hi", false, false)
	body["safety_identifier"] = "app-own-id"
	if kept := sid(body, nil, "/v1/chat/completions"); kept != "app-own-id" {
		t.Fatalf("an identifier the app set was replaced: %q", kept)
	}
	// Own keys pass unchanged.
	if r, b := post(t, e, "/v1/chat/completions", e.bobKey, chat("hi", false, false), nil); r.StatusCode != 200 {
		t.Fatalf("%d %s", r.StatusCode, b)
	}
	if m, _ := cp.last(t); m["safety_identifier"] != nil {
		t.Fatalf("an own-key call got an identifier: %v", m)
	}
	// The secret is in the vault; another team's secret gives other ids.
	if s, err := vault.Get(SafetySecretAccount); err != nil || len(s) < 32 {
		t.Fatalf("secret %d chars, %v", len(s), err)
	}
	if id, _ := guard.SafetyIdentifier("Ada", ""); id != member {
		t.Fatalf("guard id %q", id)
	}
	other := NewGuard(e.st, newVault(), nil)
	if id, _ := other.SafetyIdentifier("Ada", ""); id == member || len(id) != 64 {
		t.Fatalf("another team's id = %q", id)
	}
}

func TestSafetyIdentifiersCanBeSwitchedOff(t *testing.T) {
	e, cp, _ := guardEnv(t, Config{NoSafetyIdentifiers: true}, newVault())
	if r, b := post(t, e, "/v1/chat/completions", e.adaToken, chat("hi", false, false), nil); r.StatusCode != 200 {
		t.Fatalf("%d %s", r.StatusCode, b)
	}
	if m, _ := cp.last(t); m["safety_identifier"] != nil {
		t.Fatalf("identifier added while off: %v", m)
	}
}

func TestResponsesStoreFalse(t *testing.T) {
	for _, on := range []bool{false, true} {
		e, cp, _ := guardEnv(t, Config{ResponsesStoreFalse: on}, newVault())
		for _, body := range []map[string]any{
			{"model": "gpt-4o-mini", "input": "hi"},
			{"model": "gpt-4o-mini", "input": "hi", "store": true},
		} {
			if r, b := post(t, e, "/v1/responses", e.adaToken, body, nil); r.StatusCode != 200 {
				t.Fatalf("%d %s", r.StatusCode, b)
			}
			m, _ := cp.last(t)
			if got, want := m["store"], body["store"]; on && got != false || !on && got != want {
				t.Fatalf("setting %v: store = %v (sent %v)", on, got, want)
			}
		}
		if r, _ := post(t, e, "/v1/chat/completions", e.adaToken, chat("hi", false, false), nil); r.StatusCode != 200 {
			t.Fatal(r.StatusCode)
		}
		if m, _ := cp.last(t); m["store"] != nil {
			t.Fatalf("store set on a chat call: %v", m)
		}
	}
}

func TestOutputModeration(t *testing.T) {
	for _, mode := range []string{OutputModerationLog, OutputModerationBlock} {
		t.Run(mode, func(t *testing.T) {
			e, _, guard := guardEnv(t, Config{}, newVault())
			setPolicy(t, e, Policy{Member: "Ada", OutputModeration: mode})
			// A clean answer passes either way.
			r, b := post(t, e, "/v1/chat/completions", e.adaToken, chat("a lovely day", false, false), nil)
			if r.StatusCode != 200 || !strings.Contains(string(b), "You said: a lovely day") {
				t.Fatalf("clean: %d %s", r.StatusCode, b)
			}
			// The stand-in repeats the prompt, so this answer is flagged.
			r, b = post(t, e, "/v1/chat/completions", e.adaToken, chat("how to shoplift", false, false), nil)
			if mode == OutputModerationBlock {
				got := wantAPIError(t, r, b, 400, ReasonOutputBlocked)
				if !strings.Contains(got.Error.Message, "illicit") || strings.Contains(string(b), "shoplift") {
					t.Fatalf("blocked answer: %s", b)
				}
			} else if r.StatusCode != 200 || !strings.Contains(string(b), "how to shoplift") {
				t.Fatalf("logged answer: %d %s", r.StatusCode, b)
			}
			st := e.gw.Stats()
			if len(st.Alerts) != 1 || st.Alerts[0].Kind != AlertOutputFlagged || !strings.Contains(st.Alerts[0].Message, "illicit") {
				t.Fatalf("alerts = %+v", st.Alerts)
			}
			evs, err := guard.Events(bg, 10)
			if err != nil || len(evs) != 1 || evs[0].Kind != AlertOutputFlagged || evs[0].Detail != "illicit" || evs[0].Member != "Ada" {
				t.Fatalf("events = %+v, %v", evs, err)
			}
			// Streams are not screened.
			r, b = post(t, e, "/v1/chat/completions", e.adaToken, chat("how to shoplift", true, true), nil)
			if r.StatusCode != 200 || !strings.Contains(string(b), "[DONE]") {
				t.Fatalf("stream: %d %s", r.StatusCode, b)
			}
		})
	}
}

func TestEndUserBlocklist(t *testing.T) {
	e, _, guard := guardEnv(t, Config{BlocklistThreshold: 2}, newVault())
	setPolicy(t, e, Policy{Member: "Ada", Moderation: ModerationBlock})
	mallory := map[string]string{HeaderEndUser: "mallory"}
	for i := 0; i < 2; i++ {
		r, b := post(t, e, "/v1/chat/completions", e.adaToken, chat("build a bomb", false, false), mallory)
		wantAPIError(t, r, b, 400, ReasonModerationBlocked)
	}
	// Blocked now, even for a clean request; another end user is not.
	r, b := post(t, e, "/v1/chat/completions", e.adaToken, chat("a lovely day", false, false), mallory)
	got := wantAPIError(t, r, b, http.StatusForbidden, ReasonEndUserBlocked)
	if strings.Contains(got.Error.Message, "mallory") || !strings.Contains(got.Error.Message, "release") {
		t.Fatalf("message %q", got.Error.Message)
	}
	if r, b := post(t, e, "/v1/chat/completions", e.adaToken, chat("a lovely day", false, false), map[string]string{HeaderEndUser: "alice"}); r.StatusCode != 200 {
		t.Fatalf("alice: %d %s", r.StatusCode, b)
	}
	list, err := guard.BlockedEndUsers(bg)
	if err != nil || len(list) != 1 || list[0].Member != "Ada" || list[0].Flags != 2 {
		t.Fatalf("blocklist = %+v, %v", list, err)
	}
	evs, _ := guard.Events(bg, 10)
	if len(evs) == 0 || evs[0].Kind != AlertEndUserBlocked || evs[0].Subject != list[0].Subject {
		t.Fatalf("events = %+v", evs)
	}
	if st := e.gw.Stats(); len(st.Alerts) == 0 || st.Alerts[0].Kind != AlertEndUserBlocked {
		t.Fatalf("alerts = %+v", st.Alerts)
	}
	if err := guard.Release(bg, "Ada", list[0].Subject); err != nil {
		t.Fatal(err)
	}
	if r, b := post(t, e, "/v1/chat/completions", e.adaToken, chat("a lovely day", false, false), mallory); r.StatusCode != 200 {
		t.Fatalf("after release: %d %s", r.StatusCode, b)
	}
	if err := guard.Release(bg, "Ada", list[0].Subject); err == nil {
		t.Fatal("a second release succeeded")
	}
}

func TestBlocklistOffByDefaultStillCounts(t *testing.T) {
	e, _, guard := guardEnv(t, Config{}, newVault())
	setPolicy(t, e, Policy{Member: "Ada", Moderation: ModerationBlock})
	for i := 0; i < 5; i++ {
		r, b := post(t, e, "/v1/chat/completions", e.adaToken, chat("build a bomb", false, false), map[string]string{HeaderEndUser: "m"})
		wantAPIError(t, r, b, 400, ReasonModerationBlocked)
	}
	if r, _ := post(t, e, "/v1/chat/completions", e.adaToken, chat("fine", false, false), map[string]string{HeaderEndUser: "m"}); r.StatusCode != 200 {
		t.Fatalf("blocked with the blocklist off: %d", r.StatusCode)
	}
	if list, _ := guard.BlockedEndUsers(bg); len(list) != 0 {
		t.Fatalf("blocklist = %+v", list)
	}
}
