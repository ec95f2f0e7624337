package moderation

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"steward/backend/apperr"
	"steward/backend/openai"
	"steward/backend/openaitest"
	"steward/backend/store"
)

// fixedNow is where every test's clock starts.
var fixedNow = time.Date(2026, 3, 10, 9, 30, 0, 0, time.UTC)

// fakeClock is a settable clock shared by the test server, the service and
// the client.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{t: fixedNow} }

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

// sleeper records waits and advances the clock instead of sleeping.
type sleeper struct {
	mu    sync.Mutex
	clock *fakeClock
	waits []time.Duration
}

func (s *sleeper) Sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.waits = append(s.waits, d)
	s.mu.Unlock()
	s.clock.Advance(d)
	return ctx.Err()
}

func (s *sleeper) Waits() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.waits...)
}

// recorder collects CallInfos, and can act on each.
type recorder struct {
	mu    sync.Mutex
	calls []openai.CallInfo
	on    func(n int, c openai.CallInfo)
}

func (r *recorder) ObserveCall(c openai.CallInfo) {
	r.mu.Lock()
	r.calls = append(r.calls, c)
	n, on := len(r.calls), r.on
	r.mu.Unlock()
	if on != nil {
		on(n, c)
	}
}

func (r *recorder) Calls() []openai.CallInfo {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]openai.CallInfo(nil), r.calls...)
}

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

// openStore opens a fresh database in a temporary folder.
func openStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), t.TempDir(), store.Options{Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// newTestService is a service with a fixed clock that sends nothing.
func newTestService(t testing.TB) *Service {
	t.Helper()
	return New(openStore(t), Options{Now: func() time.Time { return fixedNow }})
}

// harness is a test server, a service whose runs go to it, and what they
// did.
type harness struct {
	srv   *openaitest.Server
	key   string
	clock *fakeClock
	sleep *sleeper
	calls *recorder
	svc   *Service
	st    *store.Store
	http  *http.Client // carries the requests; the server's client by default
}

// newHarness starts a server accepting key and a service sending to it
// with a fake clock, a recording sleeper and observer, and fixed jitter.
func newHarness(t *testing.T, srvOpts ...openaitest.Option) *harness {
	t.Helper()
	h := &harness{key: testKey(t), clock: newFakeClock(), calls: &recorder{}}
	h.sleep = &sleeper{clock: h.clock}
	h.srv = openaitest.New(t, append([]openaitest.Option{openaitest.WithClock(h.clock.Now), openaitest.WithKeys(h.key)}, srvOpts...)...)
	h.st = openStore(t)
	policy := openai.DefaultRetryPolicy()
	policy.Rand = func() float64 { return 0.5 }
	h.svc = New(h.st, Options{Now: h.clock.Now, Runner: RunnerConfig{
		Config:   func() (openai.Config, error) { return h.config(), nil },
		Observer: h.calls, Retry: policy, Sleep: h.sleep.Sleep,
	}})
	return h
}

func (h *harness) config() openai.Config {
	hc := h.http
	if hc == nil {
		hc = h.srv.Client()
	}
	return openai.Config{BaseURL: h.srv.URL, APIKey: h.key, HTTPClient: hc}
}

// suite creates a suite holding texts.
func (h *harness) suite(t *testing.T, texts ...string) Suite {
	t.Helper()
	return makeSuite(t, h.svc, "suite", texts...)
}

func makeSuite(t *testing.T, s *Service, name string, texts ...string) Suite {
	t.Helper()
	su, err := s.CreateSuite(name)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range texts {
		if _, err := s.AddItem(su.ID, ItemInput{Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	return su
}

// prompts makes n distinct harmless prompts.
func prompts(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "sample prompt number " + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + hex.EncodeToString([]byte{byte(i), byte(i >> 8)})
	}
	return out
}

// writeFile writes content to name in a temporary folder and returns its
// path.
func writeFile(t testing.TB, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, content, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// wantCode fails unless err carries code.
func wantCode(t testing.TB, err error, code apperr.Code) {
	t.Helper()
	if !apperr.Is(err, code) {
		t.Fatalf("err = %v; want code %s", err, code)
	}
}

// bothLanguages fails unless err has distinct English and Chinese
// messages.
func bothLanguages(t testing.TB, err error) (en, zh string) {
	t.Helper()
	_, en = apperr.Describe(err, "en")
	_, zh = apperr.Describe(err, "zh-CN")
	if en == "" || zh == "" || en == zh {
		t.Fatalf("messages: en %q, zh %q", en, zh)
	}
	return en, zh
}

// pngBytes is a minimal PNG file.
func pngBytes() []byte {
	b, _ := hex.DecodeString("89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
		"1f15c4890000000d49444154789c6300010000050001" + "0d0a2db40000000049454e44ae426082")
	return b
}
