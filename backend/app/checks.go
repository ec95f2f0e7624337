package app

import (
	"context"
	"io"
	"time"

	"steward/backend/auditbundle"
	"steward/backend/checklist"
	"steward/backend/checks"
)

// Checks runs the automatic checks of checklist items: each reads the other
// capabilities and leaves a dated evidence snapshot on its item.
type Checks struct {
	c   *core
	svc *checks.Service
}

func newChecks(c *core, g *Gateway, m *Moderation) *Checks {
	src := checks.Sources{Keys: teamRegister{c.keys, c.org}, Leaks: c.leaks, Gateway: g.access, Usage: c.usage,
		Reconciliations: c.recs, Moderation: m.svc, Privacy: c.privacy, Providers: providerDrill{g}, Org: orgSource{c.org}}
	c.checks = checks.New(c.store, c.checklist, src, checks.Options{Now: c.opts.Now})
	return &Checks{c: c, svc: c.checks}
}

// Checks lists every check.
func (k *Checks) Checks(context.Context) ([]checks.Info, error) { return k.svc.Checks(), nil }

// Run runs every check for a workspace and records the results.
func (k *Checks) Run(ctx context.Context, workspace string) ([]checks.Result, error) {
	return k.svc.RunAll(ctx, workspace)
}

// RunOne runs one item's check for a workspace and records it.
func (k *Checks) RunOne(ctx context.Context, workspace, item string) (checks.Result, error) {
	return k.svc.RunOne(ctx, workspace, item)
}

// Results returns a workspace's stored results with their stale flags.
func (k *Checks) Results(ctx context.Context, workspace string) ([]checks.Result, error) {
	return k.svc.Results(ctx, workspace)
}

// Overview returns the posture of every workspace, open findings, what is due and the guide.
func (k *Checks) Overview(ctx context.Context) (checks.Overview, error) { return k.svc.Overview(ctx) }

// Scope returns what a workspace calls its own.
func (k *Checks) Scope(ctx context.Context, workspace string) (checks.Scope, error) {
	return k.svc.Scope(ctx, workspace)
}

// SetScope replaces what a workspace calls its own.
func (k *Checks) SetScope(ctx context.Context, workspace string, scope checks.Scope) (checks.Scope, error) {
	return k.svc.SetScope(ctx, workspace, scope)
}

// AutoComplete reports whether passing checks complete the workspace's items.
func (k *Checks) AutoComplete(ctx context.Context, workspace string) (bool, error) {
	return k.svc.AutoComplete(ctx, workspace)
}

// SetAutoComplete opts a workspace in or out of auto-completion.
func (k *Checks) SetAutoComplete(ctx context.Context, workspace string, on bool) (bool, error) {
	return on, k.svc.SetAutoComplete(ctx, workspace, on)
}

// Override sets an item's status against its check, with a note.
func (k *Checks) Override(ctx context.Context, workspace, item, status, note string) (checklist.ItemState, error) {
	return k.svc.Override(ctx, workspace, item, status, note)
}

// startup expires stale results and runs the checks of every workspace, in
// the background of an opened window.
func (k *Checks) startup() {
	k.c.checksMu.Lock()
	defer k.c.checksMu.Unlock()
	if err := k.svc.Startup(k.c.base); err != nil {
		k.c.log.Error("checks at startup", "error", err.Error())
	}
}

// AuditBundle writes a workspace's audit bundle (a zip with a SHA-256
// manifest) in lang, covering the period from since (zero: 90 days back).
func (e *Exports) AuditBundle(ctx context.Context, w io.Writer, workspace, lang string, since time.Time) (auditbundle.Manifest, error) {
	in := auditbundle.Inputs{Checklist: e.c.checklist, Checks: e.checks.svc, Leaks: e.c.leaks, Keys: e.c.keys, Org: orgSource{e.c.org},
		Moderation: e.mod.svc, Usage: e.c.usage, Privacy: e.c.privacy, Version: e.c.opts.Version, Now: e.c.opts.Now}
	return auditbundle.Write(ctx, in, auditbundle.Options{Workspace: workspace, Lang: lang, Since: since}, w)
}
