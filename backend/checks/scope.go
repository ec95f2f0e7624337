package checks

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"steward/backend/apperr"
)

// Scope kinds: what a workspace can call its own.
const (
	ScopeFolder = "folder" // a folder the leak scanner watches
	ScopeSuite  = "suite"  // a moderation suite, by name
	ScopeMember = "member" // a team member, by name
	ScopeRegion = "region" // where the product's users are: eu, uk, california, china, elsewhere
)

// Scope says which folders, suites, members and regions a workspace calls
// its own. Sources no workspace claims count for every workspace; keys and
// the organization are team-wide and always count.
type Scope struct {
	Folders []string `json:"folders"`
	Suites  []string `json:"suites"`
	Members []string `json:"members"`
	Regions []string `json:"regions"`
}

func (s Scope) byKind() map[string][]string {
	return map[string][]string{ScopeFolder: s.Folders, ScopeSuite: s.Suites, ScopeMember: s.Members, ScopeRegion: s.Regions}
}

// scopeView is the scope a check sees: the workspace's own sources and what
// other workspaces claim.
type scopeView struct {
	teamWide bool                       // no workspace: everything counts
	own      map[string]map[string]bool // kind -> own values
	claimed  map[string]map[string]bool // kind -> values some other workspace claims
	regions  []string                   // the workspace's regions (own, else its profile)
}

// includes reports whether a source of kind counts for the workspace.
func (v scopeView) includes(kind, value string) bool {
	if v.teamWide || v.own[kind][norm(value)] {
		return true
	}
	return !v.claimed[kind][norm(value)]
}

func norm(v string) string { return strings.ToLower(strings.TrimSpace(v)) }

// SetScope replaces what a workspace calls its own.
func (s *Service) SetScope(ctx context.Context, workspace string, sc Scope) (Scope, error) {
	w, err := s.list.Workspace(workspace)
	if err != nil {
		return Scope{}, err
	}
	for _, r := range sc.Regions {
		if !slices.Contains(regionNames, norm(r)) {
			return Scope{}, apperr.Text(apperr.Invalid, "checks.scope",
				fmt.Sprintf("Region %q is not one of %s.", r, strings.Join(regionNames, ", ")),
				fmt.Sprintf("地区“%s”无效，可选：%s。", r, strings.Join(regionNames, "、")))
		}
	}
	err = s.st.Write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM workspace_scopes WHERE workspace_id = ?`, w.ID); err != nil {
			return err
		}
		for kind, values := range sc.byKind() {
			for _, v := range values {
				if v = strings.TrimSpace(v); v == "" {
					continue
				}
				if kind == ScopeRegion {
					v = norm(v)
				}
				if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO workspace_scopes(workspace_id, kind, value) VALUES (?, ?, ?)`,
					w.ID, kind, v); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return Scope{}, fmt.Errorf("save the scope of %q: %w", w.Name, err)
	}
	return s.Scope(ctx, workspace)
}

// regionNames are the regions a scope may name (privacy's regions).
var regionNames = []string{"eu", "uk", "california", "china", "elsewhere"}

// Scope returns what a workspace calls its own.
func (s *Service) Scope(ctx context.Context, workspace string) (Scope, error) {
	w, err := s.list.Workspace(workspace)
	if err != nil {
		return Scope{}, err
	}
	all, err := s.scopes(ctx)
	if err != nil {
		return Scope{}, err
	}
	sc := all[w.ID]
	return Scope{Folders: nonNil(sc[ScopeFolder]), Suites: nonNil(sc[ScopeSuite]),
		Members: nonNil(sc[ScopeMember]), Regions: nonNil(sc[ScopeRegion])}, nil
}

func nonNil(v []string) []string {
	if v == nil {
		return []string{}
	}
	return v
}

// scopes reads every workspace's scope: workspace id -> kind -> values.
func (s *Service) scopes(ctx context.Context) (map[int64]map[string][]string, error) {
	rows, err := s.st.Read().QueryContext(ctx, `SELECT workspace_id, kind, value FROM workspace_scopes ORDER BY kind, value`)
	if err != nil {
		return nil, fmt.Errorf("read workspace scopes: %w", err)
	}
	defer rows.Close()
	out := map[int64]map[string][]string{}
	for rows.Next() {
		var id int64
		var kind, value string
		if err := rows.Scan(&id, &kind, &value); err != nil {
			return nil, fmt.Errorf("read workspace scopes: %w", err)
		}
		if out[id] == nil {
			out[id] = map[string][]string{}
		}
		out[id][kind] = append(out[id][kind], value)
	}
	return out, rows.Err()
}

// view builds the scope a workspace's checks see; wsID 0 is team-wide.
func (s *Service) view(ctx context.Context, wsID int64, profileRegions []string) (scopeView, error) {
	if wsID == 0 {
		return scopeView{teamWide: true}, nil
	}
	all, err := s.scopes(ctx)
	if err != nil {
		return scopeView{}, err
	}
	v := scopeView{own: map[string]map[string]bool{}, claimed: map[string]map[string]bool{}}
	for id, kinds := range all {
		dst := v.claimed
		if id == wsID {
			dst = v.own
		}
		for kind, values := range kinds {
			if dst[kind] == nil {
				dst[kind] = map[string]bool{}
			}
			for _, val := range values {
				dst[kind][norm(val)] = true
			}
		}
	}
	v.regions = all[wsID][ScopeRegion]
	if len(v.regions) == 0 {
		v.regions = profileRegions
	}
	return v, nil
}

// AutoComplete reports whether passing checks complete the workspace's items by themselves.
func (s *Service) AutoComplete(ctx context.Context, workspace string) (bool, error) {
	w, err := s.list.Workspace(workspace)
	if err != nil {
		return false, err
	}
	return s.autoComplete(ctx, w.ID)
}

func (s *Service) autoComplete(ctx context.Context, wsID int64) (bool, error) {
	var on bool
	err := s.st.Read().QueryRowContext(ctx, `SELECT auto_complete FROM workspace_check_settings WHERE workspace_id = ?`, wsID).Scan(&on)
	if err != nil && err != sql.ErrNoRows {
		return false, fmt.Errorf("read check settings: %w", err)
	}
	return on, nil
}

// SetAutoComplete opts a workspace in or out of passing checks completing items.
func (s *Service) SetAutoComplete(ctx context.Context, workspace string, on bool) error {
	w, err := s.list.Workspace(workspace)
	if err != nil {
		return err
	}
	return s.st.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO workspace_check_settings(workspace_id, auto_complete) VALUES (?, ?)
			ON CONFLICT(workspace_id) DO UPDATE SET auto_complete = excluded.auto_complete`, w.ID, on)
		return err
	})
}

// Includes returns a test of whether a folder, suite or member (a Scope
// kind and its value) counts for a workspace, as the checks judge it; an
// empty workspace counts everything. The audit bundle uses it.
func (s *Service) Includes(ctx context.Context, workspace string) (func(kind, value string) bool, error) {
	if workspace == "" {
		return func(string, string) bool { return true }, nil
	}
	w, err := s.list.Workspace(workspace)
	if err != nil {
		return nil, err
	}
	v, err := s.view(ctx, w.ID, nil)
	if err != nil {
		return nil, err
	}
	return v.includes, nil
}
