package storetest

import (
	"strings"
	"sync"
	"testing"
	"time"

	"steward/backend/gateway"
	"steward/backend/keys"
	"steward/backend/settings"
	"steward/backend/store"
)

// clock is a settable clock shared by the services under test.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *clock) advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// team is a store with a key register and members Ann and Bo.
func team(t *testing.T, st *store.Store) *keys.Register {
	t.Helper()
	r := keys.New(st, newMapVault(), keys.Options{})
	for _, n := range []string{"Ann", "Bo"} {
		if _, err := r.AddMember(t.Context(), keys.MemberInput{Name: n}); err != nil {
			t.Fatalf("add member %s: %v", n, err)
		}
	}
	return r
}

// Tokens checks member tokens as two replicas over one database see them:
// a token made through one works through the other, and once revoked
// through one it is refused by the other within the cache TTL, which stays
// under the 5 seconds a revocation may take.
func Tokens(t *testing.T, open func(t *testing.T) *store.Store) {
	ctx := t.Context()
	st := open(t)
	dir := team(t, st)
	clk := &clock{t: time.Date(2026, 12, 8, 9, 0, 0, 0, time.UTC)}
	one := gateway.NewAccess(st, dir, gateway.AccessOptions{Now: clk.now})
	two := gateway.NewAccess(st, dir, gateway.AccessOptions{Now: clk.now})
	if gateway.DefaultCacheTTL >= 5*time.Second {
		t.Fatalf("DefaultCacheTTL = %v: a revocation could take longer than 5s to reach every replica", gateway.DefaultCacheTTL)
	}
	tok, err := one.CreateToken(ctx, "ann")
	if err != nil {
		t.Fatalf("create a token: %v", err)
	}
	if m, err := two.TokenMember(ctx, tok); err != nil || m != "Ann" {
		t.Fatalf("the other replica names the token's member %q, %v; want Ann", m, err)
	}
	wrong := tok[:len(tok)-1] + "x"
	if strings.HasSuffix(tok, "x") { // a token may end in x: change it, whatever it is
		wrong = tok[:len(tok)-1] + "y"
	}
	if m, _ := two.TokenMember(ctx, wrong); m != "" {
		t.Fatalf("a wrong token is accepted for %q", m)
	}
	list, err := two.Tokens(ctx)
	if err != nil || len(list) != 1 || list[0].Member != "Ann" || !list[0].Active || list[0].ID <= 0 {
		t.Fatalf("Tokens = %+v, %v", list, err)
	}
	if err := one.RevokeToken(ctx, list[0].ID); err != nil {
		t.Fatalf("revoke: %v", err)
	}
	if m, _ := one.TokenMember(ctx, tok); m != "" {
		t.Fatal("the replica that revoked the token still accepts it")
	}
	clk.advance(gateway.DefaultCacheTTL)
	if m, err := two.TokenMember(ctx, tok); err != nil || m != "" {
		t.Fatalf("after the cache TTL the other replica still accepts the revoked token (%q, %v)", m, err)
	}
	if err := one.RevokeToken(ctx, 999999); err == nil {
		t.Fatal("revoking an unknown token id succeeded")
	}
}

// Policies checks that a member's policy round-trips and that one that
// enforces nothing removes it.
func Policies(t *testing.T, open func(t *testing.T) *store.Store) {
	ctx := t.Context()
	st := open(t)
	a := gateway.NewAccess(st, team(t, st), gateway.AccessOptions{})
	want := gateway.Policy{Member: "bo", RequestsPerMinute: 30, TokensPerDay: 50000,
		AllowedModels: []string{"gpt-4o-mini*"}, Moderation: gateway.ModerationBlock, PII: gateway.PIIRedact,
		OutputModeration: gateway.OutputModerationLog}
	if _, err := a.SetPolicy(ctx, want); err != nil {
		t.Fatalf("set a policy: %v", err)
	}
	want.RequestsPerMinute = 60 // a second write updates the row
	if _, err := a.SetPolicy(ctx, want); err != nil {
		t.Fatalf("update the policy: %v", err)
	}
	ps, err := gateway.NewAccess(st, keys.New(st, newMapVault(), keys.Options{}), gateway.AccessOptions{}).Policies(ctx)
	if err != nil || len(ps) != 1 {
		t.Fatalf("Policies = %+v, %v", ps, err)
	}
	got := ps[0]
	if got.Member != "Bo" || got.RequestsPerMinute != 60 || got.TokensPerDay != 50000 || len(got.AllowedModels) != 1 ||
		got.Moderation != gateway.ModerationBlock || got.PII != gateway.PIIRedact || got.OutputModeration != gateway.OutputModerationLog {
		t.Fatalf("policy read back = %+v", got)
	}
	if _, err := a.SetPolicy(ctx, gateway.Policy{Member: "Bo"}); err != nil {
		t.Fatalf("clear the policy: %v", err)
	}
	if ps, err := a.Policies(ctx); err != nil || len(ps) != 0 {
		t.Fatalf("Policies after clearing = %+v, %v", ps, err)
	}
}

// Providers checks fallback providers: order, names unique in any case,
// model maps, removal.
func Providers(t *testing.T, open func(t *testing.T) *store.Store) {
	ctx := t.Context()
	p := gateway.NewProviders(open(t), gateway.ProvidersOptions{})
	add := func(name string) error {
		_, err := p.Add(ctx, gateway.Provider{Name: name, BaseURL: "https://" + name + ".example.com/v1", KeyLabel: name + "-key",
			Models: map[string]string{"gpt-4o-mini": name + "-chat"}})
		return err
	}
	for _, n := range []string{"alpha", "beta"} {
		if err := add(n); err != nil {
			t.Fatalf("add provider %s: %v", n, err)
		}
	}
	if err := add("ALPHA"); err == nil {
		t.Fatal("a second provider called ALPHA was added")
	}
	fb, err := p.Fallbacks(ctx)
	if err != nil || len(fb) != 2 || fb[0].Name != "alpha" || fb[1].Name != "beta" || fb[1].Models["gpt-4o-mini"] != "beta-chat" {
		t.Fatalf("Fallbacks = %+v, %v", fb, err)
	}
	if err := p.Remove(ctx, "Alpha"); err != nil {
		t.Fatalf("remove: %v", err)
	}
	if err := add("gamma"); err != nil {
		t.Fatalf("add after a removal: %v", err)
	}
	fb, err = p.Fallbacks(ctx)
	if err != nil || len(fb) != 2 || fb[0].Name != "beta" || fb[1].Name != "gamma" {
		t.Fatalf("Fallbacks after a removal = %+v, %v", fb, err)
	}
}

// Settings checks the gateway's saved configuration (one row, written
// twice) and the key-value settings it reads.
func Settings(t *testing.T, open func(t *testing.T) *store.Store) {
	ctx := t.Context()
	st := open(t)
	a := gateway.NewAccess(st, keys.New(st, newMapVault(), keys.Options{}), gateway.AccessOptions{})
	def, err := a.SavedConfig(ctx)
	if err != nil || def.NoSafetyIdentifiers {
		t.Fatalf("default config = %+v, %v", def, err)
	}
	cfg := def
	cfg.Listen, cfg.UpstreamKeyLabel, cfg.AddIncludeUsage = "0.0.0.0:8787", "team-key", true
	cfg.FirstByteTimeout, cfg.BlocklistThreshold, cfg.NoSafetyIdentifiers = 90*time.Second, 3, true
	for range 2 {
		if _, err := a.SaveConfig(ctx, cfg); err != nil {
			t.Fatalf("save config: %v", err)
		}
	}
	got, err := a.SavedConfig(ctx)
	if err != nil || got.Listen != cfg.Listen || got.UpstreamKeyLabel != "team-key" || !got.AddIncludeUsage ||
		got.FirstByteTimeout != 90*time.Second || got.BlocklistThreshold != 3 || !got.NoSafetyIdentifiers {
		t.Fatalf("config read back = %+v, %v", got, err)
	}
	s := settings.New(st, func() string { return "en_US.UTF-8" })
	for _, v := range []string{"first", "second"} {
		if err := s.SetValue(ctx, "team.note", v); err != nil {
			t.Fatalf("set a value: %v", err)
		}
	}
	if v, err := s.Value(ctx, "team.note"); err != nil || v != "second" {
		t.Fatalf("Value = %q, %v", v, err)
	}
	if v, err := s.Value(ctx, "team.none"); err != nil || v != "" {
		t.Fatalf("an unset value = %q, %v", v, err)
	}
}

// Guard checks the end-user blocklist and the gateway's event log.
func Guard(t *testing.T, open func(t *testing.T) *store.Store) {
	ctx := t.Context()
	g := gateway.NewGuard(open(t), newMapVault(), nil)
	for i := range 2 {
		blocked, err := g.Flag(ctx, "Ann", "subject-1", 2)
		if err != nil || blocked != (i == 1) {
			t.Fatalf("flag %d: blocked %v, %v", i+1, blocked, err)
		}
	}
	if b, err := g.Blocked(ctx, "Ann", "subject-1"); err != nil || !b {
		t.Fatalf("Blocked = %v, %v", b, err)
	}
	if err := g.Release(ctx, "Ann", "subject-1"); err != nil {
		t.Fatalf("release: %v", err)
	}
	if b, _ := g.Blocked(ctx, "Ann", "subject-1"); b {
		t.Fatal("still blocked after release")
	}
	if err := g.Record(ctx, gateway.GuardEvent{Kind: "failover", Member: "Ann", Provider: "beta"}); err != nil {
		t.Fatalf("record an event: %v", err)
	}
	evs, err := g.Events(ctx, 10)
	if err != nil || len(evs) != 3 || evs[0].Provider != "beta" || evs[1].Kind != "end_user_released" || evs[2].Kind != "end_user_blocked" {
		t.Fatalf("Events (newest first) = %+v, %v; want failover, released, blocked", evs, err)
	}
}
