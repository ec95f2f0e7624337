package app

import (
	"context"
	"strings"

	"steward/backend/checks"
	"steward/backend/gateway"
)

// Providers lists the primary and the fallbacks, each with the running
// gateway's live breaker state when it runs.
func (g *Gateway) Providers(context.Context) ([]gateway.ProviderState, error) {
	return g.run.Providers()
}

// AddProvider appends a fallback provider; models is written FROM=TO,...
func (g *Gateway) AddProvider(_ context.Context, name, baseURL, keyLabel, models string) (gateway.Provider, error) {
	v, err := g.run.AddProvider(name, baseURL, keyLabel, models)
	return v, g.c.done(checks.SourceProviders, err)
}

// RemoveProvider removes a fallback provider.
func (g *Gateway) RemoveProvider(_ context.Context, name string) error {
	return g.c.done(checks.SourceProviders, g.run.RemoveProvider(name))
}

// TestProvider sends one small request to a provider and says how it went.
func (g *Gateway) TestProvider(_ context.Context, name string) (gateway.ProviderCheck, error) {
	return g.run.TestProvider(name)
}

// RunDrill tests every provider as if the primary were down and keeps the
// result as evidence for the checklist.
func (g *Gateway) RunDrill(_ context.Context) (gateway.Drill, error) {
	v, err := g.run.RunDrill()
	return v, g.c.done(checks.SourceProviders, err)
}

// LastDrill is the latest drill, or a zero Drill (empty At) before the first.
func (g *Gateway) LastDrill(_ context.Context) (gateway.Drill, error) { return g.run.LastDrill() }

// BlockedEndUsers lists the end users the blocklist refuses.
func (g *Gateway) BlockedEndUsers(ctx context.Context) ([]gateway.BlockedEndUser, error) {
	return g.guard.BlockedEndUsers(ctx)
}

// ReleaseEndUser lets a blocked end user of member call again.
func (g *Gateway) ReleaseEndUser(ctx context.Context, member, subject string) error {
	return g.guard.Release(ctx, member, strings.TrimSpace(subject))
}

// Events lists the latest guard events and alerts, newest first.
func (g *Gateway) Events(ctx context.Context, limit int) ([]gateway.GuardEvent, error) {
	return g.guard.Events(ctx, limit)
}

// AdvancedSettings lists the gateway's keyed settings (timeouts, switches).
func (g *Gateway) AdvancedSettings(ctx context.Context) ([]gateway.Setting, error) {
	return g.access.Settings(ctx)
}

// SetAdvancedSetting changes one keyed setting; the gateway uses it from its
// next start.
func (g *Gateway) SetAdvancedSetting(ctx context.Context, key, value string) (gateway.Setting, error) {
	v, err := g.access.SetSetting(ctx, key, value)
	return v, g.c.done(checks.SourceGateway, err)
}
