package gateway

import (
	"bytes"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"steward/backend/keys"
	"steward/backend/openaitest"
)

// testClock is a clock tests move by hand.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *testClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// failEnv is a gateway whose primary is e.up and whose one fallback,
// "backup", is fb with its own key (label "fb").
type failEnv struct {
	*env
	fb    *openaitest.Server
	clock *testClock
	logs  *syncBuf
}

type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) { s.mu.Lock(); defer s.mu.Unlock(); return s.b.Write(p) }
func (s *syncBuf) String() string              { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

type failOpts struct {
	cfg      Config
	primary  func(e *env) string // the primary's URL; e.up by default
	models   map[string]string
	fbModels []string
	upstream []openaitest.Option
	deps     func(*Deps)
}

func newFailEnv(t *testing.T, o failOpts) *failEnv {
	t.Helper()
	fbKey := testKey(t)
	fbOpts := []openaitest.Option{openaitest.WithKeys(fbKey)}
	if o.fbModels != nil {
		fbOpts = append(fbOpts, openaitest.WithModels(o.fbModels...))
	}
	f := &failEnv{fb: openaitest.New(t, fbOpts...), clock: &testClock{t: time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)}, logs: &syncBuf{}}
	f.env = newEnv(t, envOpts{cfg: o.cfg, baseURL: o.primary, upstream: o.upstream, deps: func(d *Deps) {
		d.Fallbacks = []Provider{{Name: "backup", BaseURL: f.fb.URL, KeyLabel: "fb", Models: o.models}}
		d.Now = f.clock.now
		d.Log = slog.New(slog.NewTextHandler(f.logs, nil))
		if o.deps != nil {
			o.deps(d)
		}
	}})
	if _, err := f.reg.AddKey(bg, keys.KeyInput{Label: "fb", Member: "Ops", Environment: keys.EnvProd}, fbKey); err != nil {
		t.Fatal(err)
	}
	return f
}

// deadAddr is an address nothing listens on: connections are refused.
func deadAddr(t testing.TB) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr
}

func TestFailoverOnAccountFailuresAndOutages(t *testing.T) {
	tests := []struct {
		name    string
		fault   *openaitest.Fault
		cfg     Config
		primary func(*env) string
		account bool
	}{
		{"AccountDeactivated", &openaitest.FaultAccountDeactivated, Config{}, nil, true},
		{"InsufficientQuota", &openaitest.FaultInsufficientQuota, Config{}, nil, true},
		{"UnsupportedRegion", &openaitest.FaultUnsupportedRegion, Config{}, nil, true},
		{"ServerError", &openaitest.FaultServerError, Config{}, nil, false},
		{"ServiceUnavailable", &openaitest.Fault{Status: 503}, Config{}, nil, false},
		{"SilentUpstream", &openaitest.Fault{Delay: time.Minute}, Config{FirstByteTimeout: 150 * time.Millisecond}, nil, false},
		{"ConnectRefused", nil, Config{}, func(*env) string { return deadAddr(t) }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFailEnv(t, failOpts{cfg: tt.cfg, primary: tt.primary})
			if tt.fault != nil {
				f.up.FailAccount(1, *tt.fault)
			}
			for _, stream := range []bool{false, true} {
				if stream && tt.fault != nil {
					f.up.FailAccount(1, *tt.fault)
				}
				resp, body := f.do(t, http.MethodPost, "/v1/chat/completions", f.adaToken, chat("hello", stream, stream))
				want := "You said: hello"
				if stream {
					want = `"content":" hello"`
				}
				if resp.StatusCode != 200 || !strings.Contains(string(body), want) {
					t.Fatalf("stream=%v: %d %s", stream, resp.StatusCode, body)
				}
				if stream && !strings.Contains(string(body), "data: [DONE]") {
					t.Fatalf("stream did not end: %s", body)
				}
			}
			evs := f.rec.wait(t, 2)
			for _, ev := range evs {
				if ev.Provider != "backup" || ev.Status != 200 || ev.InputTokens <= 0 {
					t.Fatalf("event = %+v", ev)
				}
			}
			if n := len(f.fb.Requests()); n != 2 {
				t.Fatalf("the fallback saw %d calls; want 2", n)
			}
			st := f.gw.Stats()
			if st.Failovers < 1 {
				t.Fatalf("failovers = %d", st.Failovers)
			}
			hasAlert := len(st.Alerts) > 0 && st.Alerts[0].Kind == AlertAccountTrouble && st.Alerts[0].Provider == PrimaryName
			if hasAlert != tt.account {
				t.Fatalf("account alert = %v; want %v: %+v", hasAlert, tt.account, st.Alerts)
			}
			if tt.account && !strings.Contains(f.logs.String(), "ALERT "+AlertAccountTrouble) {
				t.Fatalf("no alert log line: %s", f.logs.String())
			}
		})
	}
}

func TestNoFailoverOnTheRequestsOwnErrors(t *testing.T) {
	tests := []struct {
		name   string
		inject func(*openaitest.Server)
		status int
		code   string
	}{
		{"BadRequest", func(s *openaitest.Server) { s.FailAccount(1, openaitest.FaultBadRequest) }, 400, "invalid_value"},
		{"RateLimited", func(s *openaitest.Server) { s.RateLimitNext(1) }, 429, "rate_limit_exceeded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFailEnv(t, failOpts{})
			tt.inject(f.up)
			resp, body := f.do(t, http.MethodPost, "/v1/chat/completions", f.adaToken, chat("hello", false, false))
			if resp.StatusCode != tt.status || !strings.Contains(string(body), tt.code) {
				t.Fatalf("%d %s", resp.StatusCode, body)
			}
			if n := len(f.fb.Requests()); n != 0 {
				t.Fatalf("the fallback saw %d calls", n)
			}
			if ev := f.rec.last(t, 1); ev.Provider != PrimaryName {
				t.Fatalf("event = %+v", ev)
			}
			if st := f.gw.Stats(); st.Providers[0].State != StateHealthy || len(st.Alerts) != 0 {
				t.Fatalf("stats = %+v", st)
			}
		})
	}
}

func TestNoFailoverOnceBytesReachedTheClient(t *testing.T) {
	f := newFailEnv(t, failOpts{})
	f.up.Inject(1, openaitest.Fault{Path: "/chat/completions", DropAfterEvents: 2})
	req, _ := http.NewRequestWithContext(bg, http.MethodPost, f.url+"/chat/completions",
		strings.NewReader(`{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"a long answer"}]}`))
	req.Header.Set("Authorization", "Bearer "+f.adaToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, rerr := io.ReadAll(resp.Body)
	resp.Body.Close()
	if rerr == nil || strings.Contains(string(b), "[DONE]") {
		t.Fatalf("the client got a whole stream: %v %s", rerr, b)
	}
	if n := len(f.fb.Requests()); n != 0 {
		t.Fatalf("the fallback saw %d calls after bytes reached the client", n)
	}
}

func TestOwnKeyCallsNeverFailOver(t *testing.T) {
	f := newFailEnv(t, failOpts{})
	f.up.FailAccount(1, openaitest.FaultServerError)
	resp, _ := f.do(t, http.MethodPost, "/v1/chat/completions", f.bobKey, chat("hello", false, false))
	if resp.StatusCode != 500 || len(f.fb.Requests()) != 0 {
		t.Fatalf("status %d, fallback calls %d", resp.StatusCode, len(f.fb.Requests()))
	}
	if st := f.gw.Stats(); st.Providers[0].Failures != 0 {
		t.Fatalf("an own-key failure counted against the primary: %+v", st.Providers[0])
	}
}

func TestModelMapOnTheFallback(t *testing.T) {
	f := newFailEnv(t, failOpts{models: map[string]string{"gpt-4o-mini": "backup-chat"}, fbModels: []string{"backup-chat"}})
	f.up.FailAccount(1, openaitest.FaultServerError)
	resp, body := f.do(t, http.MethodPost, "/v1/chat/completions", f.adaToken, chat("hello", false, false))
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"backup-chat`) {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	if ev := f.rec.last(t, 1); ev.Provider != "backup" || !strings.HasPrefix(ev.Model, "backup-chat") {
		t.Fatalf("event = %+v", ev)
	}
}

func TestCircuitBreakerKeepsTrafficOnTheFallbackThenProbes(t *testing.T) {
	f := newFailEnv(t, failOpts{cfg: Config{BreakerCooldown: time.Minute}})
	f.up.FailAccount(1, openaitest.FaultAccountDeactivated)
	call := func() {
		t.Helper()
		if resp, body := f.do(t, http.MethodPost, "/v1/chat/completions", f.adaToken, chat("hi", false, false)); resp.StatusCode != 200 {
			t.Fatalf("%d %s", resp.StatusCode, body)
		}
	}
	call()
	st := f.gw.ProviderStates()
	if st[0].State != StateOpen || !strings.Contains(st[0].Reason, "account_deactivated") || st[0].RetryAt == "" || st[1].State != StateHealthy {
		t.Fatalf("after an account failure: %+v", st)
	}
	for i := 0; i < 3; i++ {
		call()
	}
	if n, m := len(f.up.Requests()), len(f.fb.Requests()); n != 1 || m != 4 {
		t.Fatalf("while open: primary saw %d calls (want 1), fallback %d (want 4)", n, m)
	}
	f.clock.add(61 * time.Second)
	call() // the probe: the primary answers again
	if n := len(f.up.Requests()); n != 2 {
		t.Fatalf("no probe of the primary: it saw %d calls", n)
	}
	if st := f.gw.ProviderStates(); st[0].State != StateHealthy {
		t.Fatalf("after a good probe: %+v", st[0])
	}
	call()
	if n, m := len(f.up.Requests()), len(f.fb.Requests()); n != 3 || m != 4 {
		t.Fatalf("after recovery: primary %d, fallback %d", n, m)
	}
	evs := f.rec.wait(t, 6)
	if evs[0].Provider != "backup" || evs[4].Provider != PrimaryName || evs[5].Provider != PrimaryName {
		t.Fatalf("providers recorded: %v %v %v", evs[0].Provider, evs[4].Provider, evs[5].Provider)
	}
}

func TestFailedProbeReopensTheBreaker(t *testing.T) {
	f := newFailEnv(t, failOpts{cfg: Config{BreakerCooldown: time.Minute}})
	f.up.FailAccount(2, openaitest.FaultInsufficientQuota)
	for i := 0; i < 2; i++ {
		if i == 1 {
			f.clock.add(61 * time.Second)
		}
		if resp, _ := f.do(t, http.MethodPost, "/v1/chat/completions", f.adaToken, chat("hi", false, false)); resp.StatusCode != 200 {
			t.Fatalf("call %d: %d", i, resp.StatusCode)
		}
	}
	st := f.gw.ProviderStates()
	if st[0].State != StateOpen || len(f.up.Requests()) != 2 || len(f.fb.Requests()) != 2 {
		t.Fatalf("state %+v; primary %d, fallback %d", st[0], len(f.up.Requests()), len(f.fb.Requests()))
	}
}

func TestLowRateLimitHeadroomRaisesAnAlert(t *testing.T) {
	f := newFailEnv(t, failOpts{upstream: []openaitest.Option{openaitest.WithRateLimits(openaitest.RateLimits{RequestsPerMinute: 20})}})
	for i := 0; i < 19; i++ {
		if resp, body := f.do(t, http.MethodGet, "/v1/models", f.adaToken, nil); resp.StatusCode != 200 {
			t.Fatalf("call %d: %d %s", i, resp.StatusCode, body)
		}
	}
	f.rec.wait(t, 19)
	st := f.gw.Stats()
	if len(st.Headroom) != 1 || !st.Headroom[0].Low || st.Headroom[0].LimitRequests != 20 || st.Headroom[0].Provider != PrimaryName {
		t.Fatalf("headroom = %+v", st.Headroom)
	}
	if len(st.Alerts) != 1 || st.Alerts[0].Kind != AlertLowHeadroom {
		t.Fatalf("alerts = %+v", st.Alerts)
	}
}
