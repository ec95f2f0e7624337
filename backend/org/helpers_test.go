package org

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"steward/backend/keys"
	"steward/backend/openai"
	"steward/backend/openaitest"
	"steward/backend/store"
)

// t0 is "now" in every org test.
var t0 = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// genKey makes a key with prefix from fresh random bytes; no key literal
// lives in the source.
func genKey(t testing.TB, prefix string) string {
	t.Helper()
	b := make([]byte, 40)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return prefix + base64.RawURLEncoding.EncodeToString(b)
}

// fixture is a data folder with a register, a keychain vault, the
// stand-in and the organization service.
type fixture struct {
	t     testing.TB
	ctx   context.Context
	st    *store.Store
	vault keys.Vault
	reg   *keys.Register
	srv   *openaitest.Server
	svc   *Service
	admin string
	usage *fakeUsage
	leaks *fakeLeaks
	slept []time.Duration
	mu    sync.Mutex
}

type fakeLeaks struct{ m map[string]keys.LeakRef }

func (f *fakeLeaks) LeakedFingerprints(context.Context) (map[string]keys.LeakRef, error) {
	return f.m, nil
}

type fakeUsage struct{ m map[string][]string }

func (f *fakeUsage) MembersByKey(context.Context) (map[string][]string, error) { return f.m, nil }

// keychain is a real OS keychain vault under a service name of its own.
func keychain(t testing.TB) keys.Vault {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return keys.KeychainVault{Service: "steward-org-test-" + hex.EncodeToString(b)}
}

// newFixture starts the stand-in with org (its admin key set to f.admin
// when org has none) and builds the service.
func newFixture(t testing.TB, org openaitest.Org) *fixture {
	t.Helper()
	f := &fixture{t: t, ctx: context.Background(), admin: genKey(t, "sk-admin-"), usage: &fakeUsage{m: map[string][]string{}},
		leaks: &fakeLeaks{m: map[string]keys.LeakRef{}}}
	if len(org.AdminKeys) == 0 {
		org.AdminKeys = []openaitest.OrgAdminKey{{ID: "key_steward", Name: "Steward", OwnerID: "user_ann", OwnerName: "Ann", CreatedAt: t0.AddDate(0, -2, 0)}}
	}
	org.AdminKeys[0].Value = f.admin
	f.srv = openaitest.New(t, openaitest.WithOrg(org), openaitest.WithClock(func() time.Time { return t0 }))
	st, err := store.Open(f.ctx, t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f.st, f.vault = st, keychain(t)
	f.reg = keys.New(st, f.vault, keys.Options{Leaks: f.leaks, Now: func() time.Time { return t0 }})
	f.svc = New(st, f.reg, f.vault, Options{BaseURL: f.srv.URL, HTTPClient: f.srv.Client(), Usage: f.usage,
		Now: func() time.Time { return t0 },
		Client: []openai.Option{openai.WithSleep(func(_ context.Context, d time.Duration) error {
			f.mu.Lock()
			f.slept = append(f.slept, d)
			f.mu.Unlock()
			return nil
		})}})
	return f
}

func (f *fixture) connect() {
	f.t.Helper()
	if _, err := f.svc.Connect(f.ctx, f.admin); err != nil {
		f.t.Fatalf("connect: %v", err)
	}
}

func (f *fixture) sync() SyncResult {
	f.t.Helper()
	res, err := f.svc.Sync(f.ctx)
	if err != nil {
		f.t.Fatalf("sync: %v", err)
	}
	return res
}

// addLocal registers value under label for member (added if new).
func (f *fixture) addLocal(member, label, value string) keys.Key {
	f.t.Helper()
	if _, err := f.reg.Member(f.ctx, member); err != nil {
		if _, err := f.reg.AddMember(f.ctx, keys.MemberInput{Name: member, Email: strings.ToLower(member) + "@example.com"}); err != nil {
			f.t.Fatal(err)
		}
	}
	k, err := f.reg.AddKey(f.ctx, keys.KeyInput{Label: label, Member: member, Environment: keys.EnvDev}, value)
	if err != nil {
		f.t.Fatalf("add %s: %v", label, err)
	}
	return k
}

// noSecretsInDB fails if any of the secrets appears in the database files.
func (f *fixture) noSecretsInDB(secrets ...string) {
	f.t.Helper()
	for _, p := range []string{f.st.Path(), f.st.Path() + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		for _, s := range secrets {
			if strings.Contains(string(b), s) {
				f.t.Fatalf("a full key is in %s", p)
			}
		}
	}
}

// baseOrg is two projects: Alpha with n user keys of Ann and a service
// account with one key, and Beta with one key of Bob's; users Ann and Bob.
// It returns the org and the values of Alpha's user keys.
func baseOrg(t testing.TB, n int) (openaitest.Org, []string) {
	var vals []string
	alpha := openaitest.OrgProject{ID: "proj_alpha", Name: "Alpha", CreatedAt: t0.AddDate(-1, 0, 0),
		ServiceAccounts: []openaitest.ServiceAccount{{ID: "svc_acct_ci", Name: "CI bot", Role: "member", CreatedAt: t0.AddDate(0, -1, 0)}},
		RateLimits:      []openaitest.ProjectRateLimit{{ID: "rl-gpt-4o", Model: "gpt-4o", RequestsPerMinute: 500, TokensPerMinute: 30000}},
		DataRetention:   "zero_data_retention", ModelMode: "allow_list", ModelIDs: []string{"gpt-4o"}, ToolsOff: []string{"web_search"},
		SpendLimit:  &openaitest.SpendLimit{Amount: 5000, Enforcing: true},
		SpendAlerts: []openaitest.SpendAlert{{ID: "alert_1", Amount: 4000, Recipients: []string{"ann@example.com"}}}}
	for i := range n {
		v := genKey(t, "sk-proj-")
		vals = append(vals, v)
		alpha.Keys = append(alpha.Keys, openaitest.ProjectKey{ID: fmt.Sprintf("key_a%04d", i), Name: fmt.Sprintf("alpha-%d", i), Value: v,
			OwnerUser: "user_ann", CreatedAt: t0.AddDate(0, 0, -10), LastUsedAt: t0.AddDate(0, 0, -1)})
	}
	alpha.Keys = append(alpha.Keys, openaitest.ProjectKey{ID: "key_ci", Name: "ci", Value: genKey(t, "sk-svcacct-"),
		OwnerServiceAccount: "svc_acct_ci", CreatedAt: t0.AddDate(0, -1, 0), LastUsedAt: t0.AddDate(0, 0, -2)})
	beta := openaitest.OrgProject{ID: "proj_beta", Name: "Beta", CreatedAt: t0.AddDate(0, -6, 0),
		Keys: []openaitest.ProjectKey{{ID: "key_bob", Name: "bob", Value: genKey(t, "sk-proj-"), OwnerUser: "user_bob",
			CreatedAt: t0.AddDate(0, -5, 0), LastUsedAt: t0.AddDate(0, 0, -3)}}}
	return openaitest.Org{
		Projects: []openaitest.OrgProject{alpha, beta},
		Users: []openaitest.OrgUser{{ID: "user_ann", Name: "Ann", Email: "ann@example.com", Role: "owner", AddedAt: t0.AddDate(-1, 0, 0)},
			{ID: "user_bob", Name: "Bob", Email: "bob@example.com", Role: "reader", AddedAt: t0.AddDate(-1, 0, 0)}},
		Invites: []openaitest.OrgInvite{{ID: "invite-cat", Email: "cat@example.com", Role: "reader", Status: "pending", CreatedAt: t0.AddDate(0, 0, -2)}},
	}, vals
}
