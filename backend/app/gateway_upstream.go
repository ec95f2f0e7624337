package app

import (
	"context"
	"fmt"

	"steward/backend/gateway"
)

// One place says where calls go: the gateway forwards to Settings' base URL
// unless its own upstream is set to something else. A gateway upstream
// left at OpenAI's (the default) follows the base URL; one equal to the
// base URL moves with it when the base URL changes.

// followsBaseURL says whether the gateway's saved upstream is not an
// override of Settings' base URL (base, "" for OpenAI's).
func followsBaseURL(upstream, base string) bool {
	return upstream == gateway.DefaultUpstream || upstream == "" || upstream == base
}

// withBaseURL is cfg with the upstream Settings' base URL gives it, when it
// follows the base URL.
func (g *Gateway) withBaseURL(ctx context.Context, cfg gateway.Config) gateway.Config {
	base := g.c.baseURL(ctx)
	if base != "" && followsBaseURL(cfg.Upstream, base) {
		cfg.Upstream = base
	}
	return cfg
}

// syncUpstream saves the upstream the base URL gives the gateway, so the
// gateway started next forwards there; it changes nothing for an override.
func (g *Gateway) syncUpstream(ctx context.Context) error {
	cfg, err := g.access.SavedConfig(ctx)
	if err != nil {
		return err
	}
	next := g.withBaseURL(ctx, cfg)
	if next.Upstream == cfg.Upstream {
		return nil
	}
	if _, err := g.access.SaveConfig(ctx, next); err != nil {
		return fmt.Errorf("point the gateway at the base URL: %w", err)
	}
	return nil
}

// baseURLChanged moves a gateway upstream that followed the old base URL to
// the new one ("" for OpenAI's).
func (g *Gateway) baseURLChanged(ctx context.Context, old, next string) error {
	cfg, err := g.access.SavedConfig(ctx)
	if err != nil {
		return err
	}
	if !followsBaseURL(cfg.Upstream, old) {
		return nil // an override stays
	}
	cfg.Upstream = next // "" is OpenAI's
	if _, err := g.access.SaveConfig(ctx, cfg); err != nil {
		return fmt.Errorf("point the gateway at the new base URL: %w", err)
	}
	return nil
}
