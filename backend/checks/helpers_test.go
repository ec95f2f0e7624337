package checks

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"steward/backend/checklist"
	"steward/backend/gateway"
	"steward/backend/keys"
	"steward/backend/leakscan"
	"steward/backend/moderation"
	"steward/backend/openai"
	"steward/backend/openaitest"
	"steward/backend/privacy"
	"steward/backend/store"
	"steward/backend/usage"
)

// start is the time every test begins at.
var start = time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *clock) advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

const day = 24 * time.Hour

// world is a test store with every real service the checks read.
type world struct {
	t     *testing.T
	ctx   context.Context
	clock *clock
	st    *store.Store
	list  *checklist.Service
	reg   *keys.Register
	vault keys.KeychainVault
	leaks *leakscan.Store
	usage *usage.Service
	gw    *gateway.Access
	mod   *moderation.Service
	priv  *privacy.Service
	svc   *Service
	org   *fakeOrg
	drill *fakeDrill
}

func newWorld(t *testing.T) *world {
	t.Helper()
	w := &world{t: t, ctx: context.Background(), clock: &clock{t: start}}
	st, err := store.Open(w.ctx, t.TempDir(), store.Options{Now: w.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cat, err := checklist.LoadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	w.st = st
	w.list = checklist.New(st, cat, checklist.Options{Now: w.clock.Now, Source: "cli"})
	w.leaks = leakscan.NewStore(st, nil)
	b := make([]byte, 8)
	rand.Read(b)
	w.vault = keys.KeychainVault{Service: "steward-test-checks-" + hex.EncodeToString(b)}
	w.reg = keys.New(st, w.vault, keys.Options{Now: w.clock.Now, Leaks: w.leaks})
	w.leaks = leakscan.NewStore(st, w.reg.Lookup)
	w.usage = usage.New(usage.NewSQLite(st), usage.Options{Now: w.clock.Now})
	w.gw = gateway.NewAccess(st, w.reg, gateway.AccessOptions{Now: w.clock.Now})
	w.mod = moderation.New(st, moderation.Options{Now: w.clock.Now})
	w.priv = privacy.New(st, privacy.Options{Now: w.clock.Now})
	w.svc = New(st, w.list, w.sources(), Options{Now: w.clock.Now})
	return w
}

// sources wires every real service; org and providers only when set.
func (w *world) sources() Sources {
	src := Sources{Keys: w.reg, Leaks: w.leaks, Gateway: w.gw, Usage: w.usage, Moderation: w.mod, Privacy: w.priv}
	if w.org != nil {
		src.Org = w.org
	}
	if w.drill != nil {
		src.Providers = w.drill
	}
	return src
}

// rewire rebuilds the service after org or providers changed.
func (w *world) rewire() { w.svc = New(w.st, w.list, w.sources(), Options{Now: w.clock.Now}) }

// genKey makes a key of the shape the scanner knows (prefix, random body,
// the marker, random body) from fresh random bytes, so no realistic key is
// ever written into the source.
func genKey(t *testing.T, prefix string) string {
	t.Helper()
	const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	set, half := alnum+"_-", 74
	if prefix == "sk-" {
		set, half = alnum, 20
	}
	pick := func(n int) string {
		b := make([]byte, n)
		if _, err := rand.Read(b); err != nil {
			t.Fatal(err)
		}
		for i := range b {
			b[i] = set[int(b[i])%len(set)]
		}
		return string(b)
	}
	marker := base64.StdEncoding.EncodeToString([]byte("OpenAI"))
	return prefix + pick(half) + marker + pick(half)
}

func (w *world) member(name string) {
	w.t.Helper()
	if _, err := w.reg.AddMember(w.ctx, keys.MemberInput{Name: name, Email: name + "@example.com"}); err != nil {
		w.t.Fatal(err)
	}
}

// addKey registers a fresh key for member and returns the key itself.
func (w *world) addKey(member, label, prefix string) string {
	w.t.Helper()
	secret := genKey(w.t, prefix)
	k, err := w.reg.AddKey(w.ctx, keys.KeyInput{Label: label, Member: member, Environment: keys.EnvProd}, secret)
	if err != nil {
		w.t.Fatal(err)
	}
	w.t.Cleanup(func() { w.vault.Delete(strconv.FormatInt(k.ID, 10)) })
	return secret
}

// scan writes files into a fresh folder, scans it and saves the scan.
func (w *world) scan(files map[string]string) string {
	w.t.Helper()
	dir := w.t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			w.t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			w.t.Fatal(err)
		}
	}
	w.rescan(dir)
	return dir
}

func (w *world) rescan(dirs ...string) {
	w.t.Helper()
	r, err := leakscan.Scan(w.ctx, leakscan.Options{Roots: dirs, History: true, Lookup: w.reg.Lookup, Now: w.clock.Now})
	if err != nil {
		w.t.Fatal(err)
	}
	if _, err := w.leaks.Save(w.ctx, r); err != nil {
		w.t.Fatal(err)
	}
}

func (w *world) calls(events ...usage.Event) {
	w.t.Helper()
	if err := w.usage.Insert(w.ctx, events); err != nil {
		w.t.Fatal(err)
	}
}

// gatewayCall is one successful gateway call by member with key.
func (w *world) gatewayCall(member, fingerprint string) usage.Event {
	return usage.Event{Time: w.clock.Now().Add(-time.Hour), Source: usage.SourceGateway, Member: member, KeyFingerprint: fingerprint,
		Endpoint: "/v1/chat/completions", Method: "POST", Model: "gpt-4o-mini", Status: 200, InputTokens: 10, OutputTokens: 5}
}

// moderationRun runs a one-item suite against the OpenAI stand-in.
func (w *world) moderationRun(suite string) {
	w.t.Helper()
	key := genKey(w.t, "sk-proj-")
	srv := openaitest.New(w.t, openaitest.WithKeys(key), openaitest.WithClock(w.clock.Now))
	mod := moderation.New(w.st, moderation.Options{Now: w.clock.Now, Runner: moderation.RunnerConfig{
		Config: func() (openai.Config, error) {
			return openai.Config{BaseURL: srv.URL, APIKey: key, HTTPClient: srv.Client()}, nil
		}}})
	su, err := mod.CreateSuite(suite)
	if err != nil {
		w.t.Fatal(err)
	}
	if _, err := mod.AddItem(su.ID, moderation.ItemInput{Text: "a harmless question about the weather"}); err != nil {
		w.t.Fatal(err)
	}
	run, err := mod.StartRun(su.ID, moderation.RunOptions{})
	if err != nil || run.Status != moderation.RunCompleted {
		w.t.Fatalf("moderation run = %+v, %v", run, err)
	}
}

// result runs every check for workspace ("" team-wide) and returns the one of item.
func (w *world) result(workspace, item string) Result {
	w.t.Helper()
	rs, err := w.svc.RunAll(w.ctx, workspace)
	if err != nil {
		w.t.Fatal(err)
	}
	for _, r := range rs {
		if r.Item == item {
			return r
		}
	}
	w.t.Fatalf("no check for %s", item)
	return Result{}
}

func (w *world) want(workspace, item, status string) Result {
	w.t.Helper()
	r := w.result(workspace, item)
	if r.Status != status {
		w.t.Fatalf("%s = %s (%s); want %s; evidence %v", item, r.Status, r.Reason.En, status, r.Evidence)
	}
	if r.Reason.En == "" || r.Reason.Zh == "" || r.CheckedAt == "" {
		w.t.Fatalf("%s result lacks a reason or time: %+v", item, r)
	}
	return r
}

func (w *world) workspace(name string) {
	w.t.Helper()
	if _, err := w.list.CreateWorkspace(name); err != nil {
		w.t.Fatal(err)
	}
}

func (w *world) item(workspace, id string) checklist.ItemState {
	w.t.Helper()
	it, err := w.list.Item(workspace, id)
	if err != nil {
		w.t.Fatal(err)
	}
	return it
}

// fakeOrg stands in for the organization snapshot, which package org will provide.
type fakeOrg struct {
	state OrgState
	log   []OrgAuditEvent
}

func (f *fakeOrg) Snapshot(context.Context) (OrgState, error) { return f.state, nil }

func (f *fakeOrg) AuditLog(_ context.Context, since time.Time) ([]OrgAuditEvent, error) {
	var out []OrgAuditEvent
	for _, e := range f.log {
		if !e.At.Before(since) {
			out = append(out, e)
		}
	}
	return out, nil
}

// fakeDrill stands in for the gateway's provider list and drill.
type fakeDrill struct {
	providers []Provider
	drill     *Drill
}

func (f *fakeDrill) Providers(context.Context) ([]Provider, error) { return f.providers, nil }

func (f *fakeDrill) LastDrill(context.Context) (Drill, bool, error) {
	if f.drill == nil {
		return Drill{}, false, nil
	}
	return *f.drill, true, nil
}
