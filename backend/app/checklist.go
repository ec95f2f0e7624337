package app

import (
	"context"
	"fmt"
	"os"

	"steward/backend/apperr"
	"steward/backend/checklist"
)

// Checklist is the policy checklist: the catalogue, workspaces, answers,
// evidence and the audit trail.
type Checklist struct{ c *core }

func (s *Checklist) svc() *checklist.Service { return s.c.checklist }

// Catalogue describes the embedded catalogue.
func (s *Checklist) Catalogue(context.Context) (checklist.CatalogueInfo, error) {
	return s.svc().Catalogue(), nil
}

// ListWorkspaces lists the workspaces.
func (s *Checklist) ListWorkspaces(context.Context) ([]checklist.Workspace, error) {
	return s.svc().ListWorkspaces()
}

// CreateWorkspace creates a workspace.
func (s *Checklist) CreateWorkspace(_ context.Context, name string) (checklist.Workspace, error) {
	return s.svc().CreateWorkspace(name)
}

// DeleteWorkspace deletes a workspace and its answers.
func (s *Checklist) DeleteWorkspace(_ context.Context, name string) error {
	return s.svc().DeleteWorkspace(name)
}

// Items returns every item of a workspace with its answer.
func (s *Checklist) Items(_ context.Context, workspace string) ([]checklist.ItemState, error) {
	return s.svc().Items(workspace)
}

// UpdateItem changes an item's answer.
func (s *Checklist) UpdateItem(_ context.Context, workspace, itemID string, change checklist.Change) (checklist.ItemState, error) {
	return s.svc().UpdateItem(workspace, itemID, change)
}

// SetItem changes an item's answer, creating the workspace first when the
// change is valid, so a mistyped command leaves no empty workspace behind.
func (s *Checklist) SetItem(_ context.Context, workspace, itemID string, change checklist.Change) (checklist.ItemState, error) {
	if _, err := s.svc().Workspace(workspace); apperr.Is(err, apperr.WorkspaceUnknown) {
		if err := s.svc().Validate(itemID, change); err != nil {
			return checklist.ItemState{}, err
		}
	}
	if _, err := s.svc().EnsureWorkspace(workspace); err != nil {
		return checklist.ItemState{}, err
	}
	return s.svc().UpdateItem(workspace, itemID, change)
}

// AddEvidence attaches evidence to an item.
func (s *Checklist) AddEvidence(_ context.Context, workspace, itemID string, in checklist.EvidenceInput) (checklist.ItemState, error) {
	return s.svc().AddEvidence(workspace, itemID, in)
}

// RemoveEvidence removes a piece of evidence.
func (s *Checklist) RemoveEvidence(_ context.Context, workspace string, evidenceID int64) (checklist.ItemState, error) {
	return s.svc().RemoveEvidence(workspace, evidenceID)
}

// History is an item's audit trail.
func (s *Checklist) History(_ context.Context, workspace, itemID string) ([]checklist.AuditEntry, error) {
	return s.svc().History(workspace, itemID)
}

// ApplyProfile answers the onboarding wizard for a workspace.
func (s *Checklist) ApplyProfile(_ context.Context, workspace string, p checklist.Profile, lang string) (checklist.WizardResult, error) {
	return s.svc().ApplyProfile(workspace, p, lang)
}

// Progress counts a workspace's items by status.
func (s *Checklist) Progress(_ context.Context, workspace string) (checklist.Progress, error) {
	return s.svc().Progress(workspace)
}

// CatalogueChanges lists what changed in the catalogue since the workspace's last review.
func (s *Checklist) CatalogueChanges(_ context.Context, workspace string) (checklist.CatalogueChanges, error) {
	return s.svc().CatalogueChanges(workspace)
}

// MarkReviewed records that the workspace reviewed the current catalogue.
func (s *Checklist) MarkReviewed(_ context.Context, workspace string) error {
	return s.svc().MarkReviewed(workspace)
}

// Import restores answers and evidence from an exported JSON file into a
// workspace (created if missing).
func (s *Checklist) Import(_ context.Context, path, workspace string) (checklist.ImportResult, error) {
	f, err := os.Open(path)
	if err != nil {
		return checklist.ImportResult{}, apperr.Text(apperr.Invalid, "app.checklist_import",
			fmt.Sprintf("Cannot read %s: %v", path, err), fmt.Sprintf("无法读取 %s：%v", path, err))
	}
	defer f.Close()
	return checklist.Import(s.svc(), f, path, workspace)
}
