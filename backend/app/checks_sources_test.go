package app

import (
	"context"
	"errors"
	"testing"

	"steward/backend/checks"
	"steward/backend/gateway"
	"steward/backend/keys"
)

// A change in the key register runs the checks that read it, in the
// background, and leaves their results on every workspace.
func TestChecksRunWhenTheirSourceChanges(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	if _, err := s.Checklist.CreateWorkspace(ctx, "Shop"); err != nil {
		t.Fatal(err)
	}
	before, err := s.Checks.Results(ctx, "Shop")
	if err != nil || len(before) != 0 {
		t.Fatalf("results before any change: %d, %v", len(before), err)
	}
	if _, err := s.Keys.AddMember(ctx, keys.MemberInput{Name: "Ana"}); err != nil {
		t.Fatal(err)
	}
	s.c.bg.Wait()
	after, err := s.Checks.Results(ctx, "Shop")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, info := range s.Checks.svc.Checks() {
		for _, src := range info.Sources {
			if src == checks.SourceKeys {
				want[info.Item] = true
			}
		}
	}
	got := map[string]bool{}
	for _, r := range after {
		got[r.Item] = true
	}
	for item := range want {
		if !got[item] {
			t.Errorf("%s reads the key register but has no result after a member was added", item)
		}
	}
	if len(want) == 0 {
		t.Fatal("no check reads the key register")
	}
}

// Before the gateway is set up its provider list is "not connected"; once
// it has a key the primary is listed, fallbacks after it.
func TestProviderDrillSource(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	src := providerDrill{s.Gateway}
	if _, err := src.Providers(ctx); !errors.Is(err, checks.ErrNotConnected) {
		t.Fatalf("Providers on a fresh gateway: %v, want not connected", err)
	}
	if _, ok, err := src.LastDrill(ctx); ok || err != nil {
		t.Fatalf("LastDrill before any drill: ok=%v err=%v", ok, err)
	}
	cfg, err := s.Gateway.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cfg.UpstreamKeyLabel = "prod"
	if _, err := s.Gateway.SaveSettings(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	ps, err := src.Providers(ctx)
	if err != nil || len(ps) != 1 || !ps[0].Primary || ps[0].Name != gateway.PrimaryName {
		t.Fatalf("Providers = %+v, %v; want the primary alone", ps, err)
	}
	d, ok, err := drillForChecks(gateway.Drill{At: "2026-03-01T10:00:00Z", Passed: true, AnsweredBy: "backup", Summary: "ok"})
	if err != nil || !ok || !d.OK || d.Provider != "backup" || d.At.Day() != 1 {
		t.Fatalf("drillForChecks = %+v, %v, %v", d, ok, err)
	}
	if _, _, err := drillForChecks(gateway.Drill{At: "yesterday"}); err == nil {
		t.Fatal("a drill with an unreadable time was accepted")
	}
	s.c.bg.Wait()
}
