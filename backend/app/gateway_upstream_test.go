package app

import (
	"context"
	"testing"

	"steward/backend/gateway"
)

// TestGatewayFollowsBaseURL: the gateway forwards to Settings' base URL
// unless its own upstream is set to something else.
func TestGatewayFollowsBaseURL(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	upstream := func() string {
		t.Helper()
		cfg, err := s.Gateway.Settings(ctx)
		if err != nil {
			t.Fatal(err)
		}
		st, err := s.Gateway.Status(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Upstream != cfg.Upstream {
			t.Errorf("status says %q, settings %q", st.Upstream, cfg.Upstream)
		}
		return cfg.Upstream
	}
	if got := upstream(); got != gateway.DefaultUpstream {
		t.Fatalf("fresh upstream = %q, want OpenAI's", got)
	}
	if _, err := s.Settings.SetBaseURL(ctx, "https://one.example/v1"); err != nil {
		t.Fatal(err)
	}
	if got := upstream(); got != "https://one.example/v1" {
		t.Errorf("after the base URL changed the gateway goes to %q", got)
	}
	if _, err := s.Settings.Set(ctx, "base_url", "https://two.example/v1"); err != nil {
		t.Fatal(err)
	}
	if got := upstream(); got != "https://two.example/v1" {
		t.Errorf("after steward settings set base_url the gateway goes to %q", got)
	}
	if _, err := s.Settings.Set(ctx, "gateway.upstream", "https://own.example/v1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Settings.SetBaseURL(ctx, "https://three.example/v1"); err != nil {
		t.Fatal(err)
	}
	if got := upstream(); got != "https://own.example/v1" {
		t.Errorf("an explicit upstream moved to %q with the base URL", got)
	}
	if _, err := s.Settings.Set(ctx, "gateway.upstream", ""); err != nil {
		t.Fatal(err)
	}
	if got := upstream(); got != "https://three.example/v1" {
		t.Errorf("a cleared upstream goes to %q, want the base URL", got)
	}
	if _, err := s.Settings.SetBaseURL(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if got := upstream(); got != gateway.DefaultUpstream {
		t.Errorf("with OpenAI's base URL the gateway goes to %q", got)
	}
}
