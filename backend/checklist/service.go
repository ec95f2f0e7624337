// Package checklist is the policy checklist: the embedded catalogue of
// controls, workspaces (one per product), each item's answer, its evidence and
// audit trail, the onboarding wizard, progress, exports and imports.
package checklist

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"steward/backend/apperr"
	"steward/backend/store"
)

// Service answers every checklist question for the GUI and the CLI.
type Service struct {
	st     *store.Store
	cat    *Catalogue
	now    func() time.Time
	source string
	actor  func() string
}

// Options adjusts New; the zero value suits the GUI.
type Options struct {
	Now    func() time.Time // clock; time.Now by default
	Source string           // recorded in the audit trail: "app" (default) or "cli"
	// Actor, when set, names who makes a change at the time of the change
	// (the person chosen in Settings); Source stands when it returns "".
	Actor func() string
}

// New returns a checklist service over the store and catalogue.
func New(st *store.Store, cat *Catalogue, opts Options) *Service {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Source == "" {
		opts.Source = "app"
	}
	return &Service{st: st, cat: cat, now: opts.Now, source: opts.Source, actor: opts.Actor}
}

// who is the audit trail's actor of a change made now.
func (s *Service) who() string {
	if s.actor != nil {
		if a := s.actor(); a != "" {
			return a
		}
	}
	return s.source
}

// Catalogue returns the shipped catalogue.
func (s *Service) Catalogue() CatalogueInfo {
	return CatalogueInfo{Version: s.cat.Version, Date: s.cat.Date, Sections: s.cat.Sections, Items: s.cat.Items}
}

// ListWorkspaces returns every workspace by name.
func (s *Service) ListWorkspaces() ([]Workspace, error) {
	rows, err := s.st.Read().Query(`SELECT id, name, created_at, reviewed_version, profile, profile_set_at
		FROM workspaces ORDER BY name COLLATE NOCASE`)
	if err != nil {
		return nil, fmt.Errorf("list workspaces: %w", err)
	}
	defer rows.Close()
	out := []Workspace{}
	for rows.Next() {
		w, err := scanWorkspace(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

// CreateWorkspace adds a workspace reviewed against the current catalogue.
func (s *Service) CreateWorkspace(name string) (Workspace, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return Workspace{}, apperr.New(apperr.NameRequired, "checklist.create")
	}
	err := s.st.Write(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO workspaces(name, created_at, reviewed_version) VALUES (?, ?, ?)`,
			name, s.stamp(), s.cat.Version)
		if err != nil && strings.Contains(err.Error(), "UNIQUE") {
			return apperr.New(apperr.WorkspaceExists, "checklist.create", "name", name)
		}
		return err
	})
	if err != nil {
		return Workspace{}, fmt.Errorf("create workspace %q: %w", name, err)
	}
	return s.Workspace(name)
}

// DeleteWorkspace removes a workspace and everything recorded in it.
func (s *Service) DeleteWorkspace(name string) error {
	w, err := s.Workspace(name)
	if err != nil {
		return err
	}
	return s.st.Write(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.Exec(`DELETE FROM workspaces WHERE id = ?`, w.ID)
		return err
	})
}

// Workspace returns the workspace with the given name (case-insensitive).
func (s *Service) Workspace(name string) (Workspace, error) {
	row := s.st.Read().QueryRow(`SELECT id, name, created_at, reviewed_version, profile, profile_set_at
		FROM workspaces WHERE name = ?`, strings.TrimSpace(name))
	w, err := scanWorkspace(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Workspace{}, apperr.New(apperr.WorkspaceUnknown, "checklist.workspace", "name", name)
	}
	return w, err
}

// EnsureWorkspace returns the named workspace, creating it if needed.
func (s *Service) EnsureWorkspace(name string) (Workspace, error) {
	w, err := s.Workspace(name)
	if apperr.Is(err, apperr.WorkspaceUnknown) {
		return s.CreateWorkspace(name)
	}
	return w, err
}

type scanner interface{ Scan(...any) error }

func scanWorkspace(r scanner) (Workspace, error) {
	var w Workspace
	var profile sql.NullString
	if err := r.Scan(&w.ID, &w.Name, &w.CreatedAt, &w.ReviewedVersion, &profile, &w.ProfileSetAt); err != nil {
		return w, err
	}
	if profile.Valid {
		w.Profile = &Profile{}
		if err := json.Unmarshal([]byte(profile.String), w.Profile); err != nil {
			return w, fmt.Errorf("workspace %s profile: %w", w.Name, err)
		}
	}
	return w, nil
}

func (s *Service) stamp() string { return s.now().UTC().Format(time.RFC3339) }

func (s *Service) today() string { return s.now().Format(time.DateOnly) }
