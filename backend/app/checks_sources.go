package app

import (
	"context"
	"time"

	"steward/backend/checks"
	"steward/backend/gateway"
)

// providerDrill shows the checks the gateway's providers and its latest
// fail-over drill.
type providerDrill struct{ g *Gateway }

// Providers lists the primary and the fallbacks in failover order. A
// gateway never set up (no key for the primary, no fallback) is not
// connected: the check then says so rather than failing.
func (p providerDrill) Providers(ctx context.Context) ([]checks.Provider, error) {
	cfg, err := p.g.access.SavedConfig(ctx)
	if err != nil {
		return nil, err
	}
	all, err := p.g.providers.List(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if len(all) == 1 && cfg.UpstreamKeyLabel == "" {
		return nil, checks.ErrNotConnected
	}
	out := make([]checks.Provider, 0, len(all))
	for i, pr := range all {
		out = append(out, checks.Provider{Name: pr.Name, BaseURL: pr.BaseURL, Primary: pr.Primary, Position: i})
	}
	return out, nil
}

// LastDrill is the newest drill, ok false before the first.
func (p providerDrill) LastDrill(ctx context.Context) (checks.Drill, bool, error) {
	d, ok, err := p.g.providers.LastDrill(ctx)
	if err != nil || !ok {
		return checks.Drill{}, ok, err
	}
	return drillForChecks(d)
}

func drillForChecks(d gateway.Drill) (checks.Drill, bool, error) {
	at, err := time.Parse(time.RFC3339, d.At)
	if err != nil {
		return checks.Drill{}, false, err
	}
	return checks.Drill{At: at, OK: d.Passed, Provider: d.AnsweredBy, Detail: d.Summary}, true, nil
}

// sourceChanged brings the checks that read source (a checks.Source
// constant) up to date in the background, under the app's base context.
// Runs are serialised; Close waits for the one under way.
func (c *core) sourceChanged(source string) {
	if c.checks == nil || c.base.Err() != nil {
		return
	}
	c.bg.Add(1)
	go func() {
		defer c.bg.Done()
		c.checksMu.Lock()
		defer c.checksMu.Unlock()
		if c.base.Err() != nil {
			return
		}
		if err := c.checks.SourceChanged(c.base, source); err != nil && c.base.Err() == nil {
			c.log.Error("checks after a change", "source", source, "error", err.Error())
		}
	}()
}

// done brings the checks that read source up to date when err is nil (a
// change went through), and passes err on.
func (c *core) done(source string, err error) error {
	if err == nil {
		c.sourceChanged(source)
	}
	return err
}
