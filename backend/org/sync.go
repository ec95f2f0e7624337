package org

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sync"
)

// Sync reads the whole organization — projects, each project's keys,
// service accounts and settings, users, invites, admin keys and the
// organization's settings — following every list's pagination, with the
// client's retries for 429 and 5xx. Only when all of it has been read does
// it replace the last snapshot, in one transaction: a sync that fails
// halfway leaves the previous snapshot and its time as they were.
func (s *Service) Sync(ctx context.Context) (SyncResult, error) {
	cl, conn, err := s.connected(ctx)
	if err != nil {
		return SyncResult{}, err
	}
	f := &fetcher{cl: cl}
	snap, err := s.fetchSnapshot(ctx, f)
	if err != nil {
		return SyncResult{Calls: int(f.calls.Load())}, rejectedError("org.sync", err)
	}
	adminKey, _ := s.vault.Get(VaultAccount)
	ownID := ownAdminKey(snap.AdminKeys, adminKey)
	for i := range snap.AdminKeys {
		snap.AdminKeys[i].Steward = snap.AdminKeys[i].ID == ownID
	}
	hints, err := s.localHints(ctx, snap.Keys)
	if err != nil {
		return SyncResult{Calls: int(f.calls.Load())}, err
	}
	if err := s.saveSnapshot(ctx, snap, hints, ownID); err != nil {
		return SyncResult{Calls: int(f.calls.Load())}, err
	}
	s.opts.Log.Info("organization synced", "admin_key", conn.Redacted, "keys", len(snap.Keys), "calls", f.calls.Load())
	res := SyncResult{SyncedAt: snap.SyncedAt, Projects: len(snap.Projects), Keys: len(snap.Keys),
		ServiceAccounts: len(snap.ServiceAccounts), Users: len(snap.Users), Invites: len(snap.Invites),
		AdminKeys: len(snap.AdminKeys), Calls: int(f.calls.Load())}
	inv, err := s.inventory(ctx)
	if err != nil {
		return res, err
	}
	for _, r := range inv.rows {
		if r.Label != "" {
			res.Registered++
		} else if r.Status != StatusRevoked {
			res.Unregistered++
		}
	}
	res.Ambiguous = len(inv.ambiguous)
	return res, nil
}

// fetchSnapshot reads everything a snapshot holds.
func (s *Service) fetchSnapshot(ctx context.Context, f *fetcher) (Snapshot, error) {
	snap := Snapshot{SyncedAt: s.now()}
	projects, err := listAll[apiProject](ctx, f, "/organization/projects", nil)
	if err != nil {
		return snap, err
	}
	if err := fetchProjects(ctx, f, &snap, projects); err != nil {
		return snap, err
	}
	if err := fetchPeople(ctx, f, &snap); err != nil {
		return snap, err
	}
	snap.Settings, err = fetchOrgSettings(ctx, f)
	return snap, err
}

// projectWorkers is how many projects are read at once.
const projectWorkers = 4

// projectPart is what one project contributes to a snapshot.
type projectPart struct {
	project Project
	keys    []OrgKey
	sas     []ServiceAccount
}

// fetchProjects reads the projects a few at a time and adds them to snap
// in the order the API listed them; the first failure stops the rest.
func fetchProjects(ctx context.Context, f *fetcher, snap *Snapshot, projects []apiProject) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	parts := make([]projectPart, len(projects))
	errs := make([]error, len(projects))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(projectWorkers, len(projects)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				ap := projects[i]
				parts[i].project = Project{ID: ap.ID, Name: str(ap.Name), Status: str(ap.Status), CreatedAt: unixTime(ap.CreatedAt)}
				if errs[i] = fetchProject(ctx, f, &parts[i]); errs[i] != nil {
					cancel()
				}
			}
		}()
	}
	for i := range projects {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := firstError(errs); err != nil {
		return err
	}
	for _, p := range parts {
		snap.Projects = append(snap.Projects, p.project)
		snap.Keys = append(snap.Keys, p.keys...)
		snap.ServiceAccounts = append(snap.ServiceAccounts, p.sas...)
	}
	return nil
}

// firstError is the first error that is not a cancellation caused by it.
func firstError(errs []error) error {
	var first error
	for _, err := range errs {
		if err == nil {
			continue
		}
		if !errors.Is(err, context.Canceled) {
			return err
		}
		if first == nil {
			first = err
		}
	}
	return first
}

// fetchProject reads one project's keys, service accounts and settings.
func fetchProject(ctx context.Context, f *fetcher, part *projectPart) error {
	p := &part.project
	base := "/organization/projects/" + url.PathEscape(p.ID)
	ks, err := listAll[apiKey](ctx, f, base+"/api_keys", url.Values{"owner_project_access": {"any"}})
	if err != nil {
		return err
	}
	for _, k := range ks {
		part.keys = append(part.keys, orgKey(p, k))
	}
	sas, err := listAll[apiServiceAccount](ctx, f, base+"/service_accounts", nil)
	if err != nil {
		return err
	}
	for _, sa := range sas {
		part.sas = append(part.sas, ServiceAccount{ProjectID: p.ID, ID: sa.ID, Name: sa.Name,
			Role: sa.Role, CreatedAt: unixTime(sa.CreatedAt)})
	}
	p.Settings, err = fetchProjectSettings(ctx, f, base)
	return err
}

func orgKey(p *Project, k apiKey) OrgKey {
	o := OrgKey{ProjectID: p.ID, Project: p.Name, ID: k.ID, Name: k.Name, Redacted: k.Redacted,
		OwnerType: k.Owner.Type, OwnerAccess: k.OwnerAccess, CreatedAt: unixTime(k.CreatedAt), LastUsedAt: unixPtr(k.LastUsedAt)}
	switch {
	case k.Owner.User != nil:
		o.OwnerID, o.OwnerName, o.OwnerEmail = k.Owner.User.ID, k.Owner.User.Name, k.Owner.User.Email
	case k.Owner.ServiceAccount != nil:
		o.OwnerID, o.OwnerName = k.Owner.ServiceAccount.ID, k.Owner.ServiceAccount.Name
	}
	return o
}

// fetchPeople reads users, invites and admin keys.
func fetchPeople(ctx context.Context, f *fetcher, snap *Snapshot) error {
	users, err := listAll[apiUser](ctx, f, "/organization/users", nil)
	if err != nil {
		return err
	}
	for _, u := range users {
		snap.Users = append(snap.Users, User{ID: u.ID, Name: str(u.Name), Email: str(u.Email), Role: str(u.Role), AddedAt: unixTime(u.AddedAt)})
	}
	invites, err := listAll[apiInvite](ctx, f, "/organization/invites", nil)
	if err != nil {
		return err
	}
	for _, i := range invites {
		snap.Invites = append(snap.Invites, Invite{ID: i.ID, Email: i.Email, Role: i.Role, Status: i.Status,
			CreatedAt: unixTime(i.CreatedAt), ExpiresAt: unixPtr(i.ExpiresAt)})
	}
	admins, err := listAll[apiAdminKey](ctx, f, "/organization/admin_api_keys", nil)
	if err != nil {
		return err
	}
	for _, a := range admins {
		snap.AdminKeys = append(snap.AdminKeys, AdminKey{ID: a.ID, Name: str(a.Name), Redacted: a.Redacted,
			OwnerID: a.Owner.ID, OwnerName: a.Owner.Name, CreatedAt: unixTime(a.CreatedAt),
			ExpiresAt: unixPtr(a.ExpiresAt), LastUsedAt: unixPtr(a.LastUsedAt)})
	}
	return nil
}

// optional reads a settings object; a 403 or 404 means the organization
// does not show it (or, for a spend limit, has none), which is noted, not
// fatal.
func optional(ctx context.Context, f *fetcher, path, name string, out any, unavailable *[]string) (bool, error) {
	err := f.get(ctx, path, nil, out)
	switch apiStatus(err) {
	case 0:
		return err == nil, err
	case http.StatusNotFound, http.StatusForbidden:
		*unavailable = append(*unavailable, name)
		return false, nil
	}
	return false, fmt.Errorf("read %s: %w", path, err)
}

// ownAdminKey finds Steward's own admin key among the organization's by
// comparing the key, redacted the way the API redacts it.
func ownAdminKey(admins []AdminKey, key string) string {
	if key == "" {
		return ""
	}
	id := ""
	for _, a := range admins {
		if h, ok := hintLike(key, a.Redacted); ok && h == a.Redacted {
			if id != "" {
				return "" // two could be ours: claim neither
			}
			id = a.ID
		}
	}
	return id
}

// SyncIfDue syncs when Steward is connected and the snapshot is missing or
// older than SyncEvery, as the app does at start. It reports whether it
// synced.
func (s *Service) SyncIfDue(ctx context.Context) (bool, error) {
	c, err := s.Connection(ctx)
	if err != nil || !c.SyncDue {
		return false, err
	}
	if _, err := s.Sync(ctx); err != nil {
		return false, err
	}
	return true, nil
}
