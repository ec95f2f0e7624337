package checks

import (
	"context"
	"fmt"
	"slices"
	"time"

	"steward/backend/checklist"
	"steward/backend/store"
)

// Service runs the checks and records their results on checklist items.
type Service struct {
	st     *store.Store
	list   *checklist.Service
	src    Sources
	checks []check
	now    func() time.Time
}

// Options adjusts New; the zero value uses the real clock.
type Options struct {
	Now func() time.Time
}

// New returns the check service over the store, the checklist and the sources.
func New(st *store.Store, list *checklist.Service, src Sources, opts Options) *Service {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Service{st: st, list: list, src: src, checks: allChecks(), now: opts.Now}
}

// Checks lists every check, in catalogue order of their items.
func (s *Service) Checks() []Info {
	out := make([]Info, 0, len(s.checks))
	for _, c := range s.checks {
		out = append(out, c.info())
	}
	return out
}

// RunAll runs every check for a workspace and records the results on its
// items. An empty workspace runs them team-wide and records nothing.
func (s *Service) RunAll(ctx context.Context, workspace string) ([]Result, error) {
	return s.run(ctx, workspace, s.checks)
}

// RunOne runs the check of one item for a workspace and records it.
func (s *Service) RunOne(ctx context.Context, workspace, item string) (Result, error) {
	for _, c := range s.checks {
		if c.item == item {
			rs, err := s.run(ctx, workspace, []check{c})
			if err != nil {
				return Result{}, err
			}
			return rs[0], nil
		}
	}
	return Result{}, errNoCheck(item)
}

// SourceChanged runs, for every workspace, the checks that read source
// (one of the Source constants). The application layer calls it after a
// scan, a sync, a run or a draft; it does nothing for a source no check reads.
func (s *Service) SourceChanged(ctx context.Context, source string) error {
	var affected []check
	for _, c := range s.checks {
		if slices.Contains(c.sources, source) {
			affected = append(affected, c)
		}
	}
	if len(affected) == 0 {
		return nil
	}
	wss, err := s.list.ListWorkspaces()
	if err != nil {
		return err
	}
	for _, w := range wss {
		if _, err := s.run(ctx, w.Name, affected); err != nil {
			return fmt.Errorf("checks after a change in %s: %w", source, err)
		}
	}
	return nil
}

// run runs checks for a workspace ("" team-wide) and records them.
func (s *Service) run(ctx context.Context, workspace string, checks []check) ([]Result, error) {
	var ws *checklist.Workspace
	if workspace != "" {
		w, err := s.list.Workspace(workspace)
		if err != nil {
			return nil, err
		}
		ws = &w
	}
	in, err := s.input(ctx, ws)
	if err != nil {
		return nil, err
	}
	out := make([]Result, 0, len(checks))
	for _, c := range checks {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		o := c.run(ctx, in)
		if o.evidence == nil {
			o.evidence = map[string]any{}
		}
		r := Result{Item: c.item, Status: o.status, Reason: o.reason, Evidence: o.evidence,
			CheckedAt: s.now().UTC().Format(time.RFC3339)}
		if ws != nil {
			if r, err = s.record(ctx, *ws, r); err != nil {
				return out, err
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// input gathers what every check of one run sees.
func (s *Service) input(ctx context.Context, ws *checklist.Workspace) (*input, error) {
	var id int64
	var regions []string
	if ws != nil {
		id, regions = ws.ID, profileRegions(ws.Profile)
	}
	v, err := s.view(ctx, id, regions)
	if err != nil {
		return nil, err
	}
	return &input{src: s.src, now: s.now(), scope: v}, nil
}

// profileRegions are the regions the onboarding wizard's answers name.
func profileRegions(p *checklist.Profile) []string {
	if p == nil {
		return nil
	}
	var out []string
	for region, on := range map[string]bool{"eu": p.EU, "california": p.California, "china": p.China} {
		if on {
			out = append(out, region)
		}
	}
	slices.Sort(out)
	return out
}

// Startup is what the app does with the checks when it starts: it turns
// old results stale, then runs every check for every workspace. It may take
// a moment on a large store; call it off the UI thread.
func (s *Service) Startup(ctx context.Context) error {
	if _, err := s.ExpireStale(ctx); err != nil {
		return err
	}
	wss, err := s.list.ListWorkspaces()
	if err != nil {
		return err
	}
	for _, w := range wss {
		if _, err := s.RunAll(ctx, w.Name); err != nil {
			return fmt.Errorf("checks of %q at start: %w", w.Name, err)
		}
	}
	return nil
}
