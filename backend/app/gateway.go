package app

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"steward/backend/checks"
	"steward/backend/gateway"
	"steward/backend/usage"
)

// Gateway is the local OpenAI-compatible gateway: starting and stopping
// it, its settings, member tokens and policies.
type Gateway struct {
	c         *core
	access    *gateway.Access
	providers *gateway.Providers // the fallbacks, their tests and drills
	guard     *gateway.Guard     // safety identifiers, the end-user blocklist, alerts
	deps      gateway.Deps
	run       *gateway.Screen // starts and stops one gateway with the saved settings

	mu   sync.Mutex
	lock *gateway.InstanceLock // held while the window's gateway runs
}

func newGateway(c *core) *Gateway {
	access := gateway.NewAccess(c.shared(), c.keys, gateway.AccessOptions{})
	providers := gateway.NewProviders(c.shared(), gateway.ProvidersOptions{Secret: c.keys.Secret, Now: c.opts.Now})
	guard := gateway.NewGuard(c.shared(), c.safetyVault(), c.opts.Now)
	deps := gateway.Deps{
		Access: access, Secret: c.keys.Secret, Lookup: c.keys.Lookup, Recorder: c.writer,
		Overflow:  func() int64 { return c.writer.Stats().Dropped },
		LogBodies: c.usage.BodyLoggingOn(5 * time.Second),
		Log:       c.log.Logger,
		Guard:     guard, OnAlert: guard.RecordAlert,
		TokensSince: c.tokensSince,
	}
	if c.team != nil { // replicas on one database share members' limits
		deps.Shared = gateway.NewSharedLimits(c.team, gateway.SharedOptions{Log: c.log.Logger})
		// the log is on the database server: there is no disk here to check for room
		deps.Recorder = usage.RecorderFunc(c.writer.Record)
	}
	run := gateway.NewScreen(deps, func() context.Context { return c.base })
	run.UseProviders(providers)
	return &Gateway{c: c, access: access, providers: providers, guard: guard, deps: deps, run: run}
}

// tokensSince is the tokens a member's calls used since a time, from the
// usage log: a gateway's daily token budgets start from it, so a restart
// or a new replica does not start the day again.
func (c *core) tokensSince(ctx context.Context, member string, since time.Time) (int64, error) {
	rep, err := c.usage.Report(ctx, usage.Query{Since: since, By: usage.ByMember})
	if err != nil {
		return 0, fmt.Errorf("tokens used by %s since %s: %w", member, since.Format(time.RFC3339), err)
	}
	var n int64
	for _, r := range rep.Rows {
		if strings.EqualFold(r.Group, member) { // names are one member in any case
			n += r.InputTokens + r.OutputTokens
		}
	}
	return n, nil
}

// Start starts the gateway with the saved settings; starting a running
// gateway changes nothing.
// A gateway started elsewhere on the same data folder (`steward gateway`)
// is named instead of a second one starting.
func (g *Gateway) Start(ctx context.Context) (gateway.Status, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if err := g.syncUpstream(ctx); err != nil {
		return gateway.Status{}, err
	}
	if g.lock == nil {
		cfg, err := g.access.SavedConfig(ctx)
		if err != nil {
			return gateway.Status{}, err
		}
		if g.lock, err = gateway.LockDataDir(g.c.dir, cfg.Listen); err != nil {
			return gateway.Status{}, err
		}
	}
	st, err := g.run.Start()
	if err != nil || !st.Running {
		g.lock.Release()
		g.lock = nil
	}
	return st, err
}

// Stop stops the gateway, giving calls in flight up to ten seconds.
func (g *Gateway) Stop(context.Context) error {
	err := g.run.Stop()
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.lock != nil {
		g.lock.Release()
		g.lock = nil
	}
	return err
}

// Status reports whether the gateway runs, where, and its counters.
// A stopped gateway names the upstream it would start with.
func (g *Gateway) Status(ctx context.Context) (gateway.Status, error) {
	st := g.run.Status()
	if !st.Running {
		st.Upstream = g.withBaseURL(ctx, gateway.Config{Upstream: st.Upstream}).Upstream
	}
	return st, nil
}

// Settings returns the saved settings, with the upstream Settings' base URL
// gives a gateway that follows it.
func (g *Gateway) Settings(ctx context.Context) (gateway.Config, error) {
	cfg, err := g.access.SavedConfig(ctx)
	if err != nil {
		return cfg, err
	}
	return g.withBaseURL(ctx, cfg), nil
}

// SaveSettings keeps new settings; a running gateway uses them once restarted.
func (g *Gateway) SaveSettings(ctx context.Context, cfg gateway.Config) (gateway.Config, error) {
	v, err := g.access.SaveConfig(ctx, cfg)
	return v, g.c.done(checks.SourceGateway, err)
}

// Tokens lists the member tokens (never the tokens themselves).
func (g *Gateway) Tokens(ctx context.Context) ([]gateway.Token, error) { return g.access.Tokens(ctx) }

// CreateToken makes a member token and returns it, the only time it is shown.
func (g *Gateway) CreateToken(ctx context.Context, member string) (string, error) {
	return g.access.CreateToken(ctx, member)
}

// RevokeToken withdraws a member token.
func (g *Gateway) RevokeToken(ctx context.Context, id int64) error {
	return g.access.RevokeToken(ctx, id)
}

// Policies lists members' policies.
func (g *Gateway) Policies(ctx context.Context) ([]gateway.Policy, error) {
	return g.access.Policies(ctx)
}

// SetPolicy sets a member's policy; one that enforces nothing removes it.
func (g *Gateway) SetPolicy(ctx context.Context, p gateway.Policy) (gateway.Policy, error) {
	v, err := g.access.SetPolicy(ctx, p)
	return v, g.c.done(checks.SourceGateway, err)
}

// stop stops a running gateway before the usage log closes.
func (g *Gateway) stop() {
	done := make(chan struct{})
	go func() { g.run.Stop(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		g.c.log.Error("gateway did not stop in time")
	}
}
