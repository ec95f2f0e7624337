package openai

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"steward/backend/apperr"
	"steward/backend/openaitest"
)

// testKey makes a random project key at run time.
func testKey(t testing.TB) string {
	t.Helper()
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "sk-proj-" + hex.EncodeToString(b)
}

// fakeClock is a settable clock shared by the server and the client.
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
	if s.clock != nil {
		s.clock.Advance(d)
	}
	return ctx.Err()
}

func (s *sleeper) Waits() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.waits...)
}

// recorder collects CallInfos.
type recorder struct {
	mu    sync.Mutex
	calls []CallInfo
}

func (r *recorder) ObserveCall(c CallInfo) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, c)
}

func (r *recorder) Calls() []CallInfo {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]CallInfo(nil), r.calls...)
}

// harness is a test server, a client for it and what the client did.
type harness struct {
	srv   *openaitest.Server
	key   string
	clock *fakeClock
	sleep *sleeper
	calls *recorder
	c     *Client
}

// newHarness starts a server accepting key and builds a client with a fake
// clock, a recording sleeper and observer, and a fixed jitter of one half.
func newHarness(t *testing.T, key string, srvOpts []openaitest.Option, cfg func(*Config), opts ...Option) *harness {
	t.Helper()
	h := &harness{key: key, clock: newFakeClock(), calls: &recorder{}}
	h.sleep = &sleeper{clock: h.clock}
	h.srv = openaitest.New(t, append([]openaitest.Option{openaitest.WithClock(h.clock.Now)}, srvOpts...)...)
	c := Config{BaseURL: h.srv.URL, APIKey: key, HTTPClient: h.srv.Client()}
	if cfg != nil {
		cfg(&c)
	}
	policy := DefaultRetryPolicy()
	policy.Rand = func() float64 { return 0.5 }
	base := []Option{WithRetryPolicy(policy), WithObserver(h.calls), WithClock(h.clock.Now), WithSleep(h.sleep.Sleep)}
	client, err := New(c, append(base, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	h.c = client
	return h
}

// noKey fails if the key shows in any rendering of v.
func noKey(t *testing.T, key string, vs ...any) {
	t.Helper()
	if key == "" {
		return
	}
	for _, v := range vs {
		var texts []string
		if err, ok := v.(error); ok && err != nil {
			_, en := apperr.Describe(err, "en")
			_, zh := apperr.Describe(err, "zh-CN")
			texts = append(texts, err.Error(), en, zh)
		}
		texts = append(texts, fmt.Sprintf("%v|%+v|%#v", v, v, v))
		for _, s := range texts {
			if strings.Contains(s, key) {
				t.Fatal("the full API key appears in output")
			}
		}
	}
}
