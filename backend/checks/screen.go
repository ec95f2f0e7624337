package checks

import (
	"context"

	"steward/backend/checklist"
)

// Screen is what the GUI binds: the check service's user-facing methods,
// each taking the call's context first and returning (T, error). Startup,
// SourceChanged and ExpireStale stay with the application layer.
type Screen struct{ s *Service }

// NewScreen returns the GUI's view of the check service.
func NewScreen(s *Service) *Screen { return &Screen{s: s} }

// Checks lists every check.
func (sc *Screen) Checks(_ context.Context) ([]Info, error) { return sc.s.Checks(), nil }

// Run runs every check for a workspace and records the results.
func (sc *Screen) Run(ctx context.Context, workspace string) ([]Result, error) {
	return sc.s.RunAll(ctx, workspace)
}

// RunOne runs one item's check for a workspace and records it.
func (sc *Screen) RunOne(ctx context.Context, workspace, item string) (Result, error) {
	return sc.s.RunOne(ctx, workspace, item)
}

// Results returns a workspace's stored results with their stale flags.
func (sc *Screen) Results(ctx context.Context, workspace string) ([]Result, error) {
	return sc.s.Results(ctx, workspace)
}

// Overview returns the posture of every workspace, open findings, what is due and the guide.
func (sc *Screen) Overview(ctx context.Context) (Overview, error) { return sc.s.Overview(ctx) }

// Scope returns what a workspace calls its own.
func (sc *Screen) Scope(ctx context.Context, workspace string) (Scope, error) {
	return sc.s.Scope(ctx, workspace)
}

// SetScope replaces what a workspace calls its own.
func (sc *Screen) SetScope(ctx context.Context, workspace string, scope Scope) (Scope, error) {
	return sc.s.SetScope(ctx, workspace, scope)
}

// AutoComplete reports whether passing checks complete the workspace's items.
func (sc *Screen) AutoComplete(ctx context.Context, workspace string) (bool, error) {
	return sc.s.AutoComplete(ctx, workspace)
}

// SetAutoComplete opts a workspace in or out of auto-completion.
func (sc *Screen) SetAutoComplete(ctx context.Context, workspace string, on bool) (bool, error) {
	if err := sc.s.SetAutoComplete(ctx, workspace, on); err != nil {
		return false, err
	}
	return on, nil
}

// Override sets an item's status against its check, with a note.
func (sc *Screen) Override(ctx context.Context, workspace, item, status, note string) (checklist.ItemState, error) {
	return sc.s.Override(ctx, workspace, item, status, note)
}
