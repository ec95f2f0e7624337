package org

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// scanAll runs q and calls scan for each row.
func (s *Service) scanAll(ctx context.Context, q string, scan func(*sql.Rows) error) error {
	rows, err := s.st.Read().QueryContext(ctx, q)
	if err != nil {
		return fmt.Errorf("read the snapshot: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("read the snapshot: %w", err)
		}
	}
	return rows.Err()
}

func (s *Service) loadProjects(ctx context.Context, snap *Snapshot) error {
	err := s.scanAll(ctx, `SELECT id, name, status, created_at, settings FROM org_projects ORDER BY created_at, id`, func(r *sql.Rows) error {
		var p Project
		var created int64
		var settings string
		if err := r.Scan(&p.ID, &p.Name, &p.Status, &created, &settings); err != nil {
			return err
		}
		p.CreatedAt = unixTime(created)
		if err := json.Unmarshal([]byte(settings), &p.Settings); err != nil {
			return err
		}
		snap.Projects = append(snap.Projects, p)
		return nil
	})
	if err != nil {
		return err
	}
	return s.scanAll(ctx, `SELECT project_id, id, name, role, created_at FROM org_service_accounts ORDER BY project_id, id`, func(r *sql.Rows) error {
		var sa ServiceAccount
		var created int64
		if err := r.Scan(&sa.ProjectID, &sa.ID, &sa.Name, &sa.Role, &created); err != nil {
			return err
		}
		sa.CreatedAt = unixTime(created)
		snap.ServiceAccounts = append(snap.ServiceAccounts, sa)
		return nil
	})
}

func (s *Service) loadKeys(ctx context.Context, snap *Snapshot) error {
	return s.scanAll(ctx, `SELECT k.project_id, COALESCE(p.name, ''), k.id, k.name, k.redacted, k.owner_type, k.owner_id,
		k.owner_name, k.owner_email, k.owner_access, k.created_at, k.last_used_at
		FROM org_keys k LEFT JOIN org_projects p ON p.id = k.project_id ORDER BY p.created_at, k.project_id, k.created_at, k.id`, func(r *sql.Rows) error {
		var k OrgKey
		var created int64
		var used sql.NullInt64
		if err := r.Scan(&k.ProjectID, &k.Project, &k.ID, &k.Name, &k.Redacted, &k.OwnerType, &k.OwnerID,
			&k.OwnerName, &k.OwnerEmail, &k.OwnerAccess, &created, &used); err != nil {
			return err
		}
		k.CreatedAt, k.LastUsedAt = unixTime(created), timePtr(used)
		snap.Keys = append(snap.Keys, k)
		return nil
	})
}

func (s *Service) loadPeople(ctx context.Context, snap *Snapshot) error {
	err := s.scanAll(ctx, `SELECT id, name, email, role, added_at FROM org_users ORDER BY added_at, id`, func(r *sql.Rows) error {
		var u User
		var added int64
		if err := r.Scan(&u.ID, &u.Name, &u.Email, &u.Role, &added); err != nil {
			return err
		}
		u.AddedAt = unixTime(added)
		snap.Users = append(snap.Users, u)
		return nil
	})
	if err != nil {
		return err
	}
	err = s.scanAll(ctx, `SELECT id, email, role, status, created_at, expires_at FROM org_invites ORDER BY created_at, id`, func(r *sql.Rows) error {
		var i Invite
		var created int64
		var exp sql.NullInt64
		if err := r.Scan(&i.ID, &i.Email, &i.Role, &i.Status, &created, &exp); err != nil {
			return err
		}
		i.CreatedAt, i.ExpiresAt = unixTime(created), timePtr(exp)
		snap.Invites = append(snap.Invites, i)
		return nil
	})
	if err != nil {
		return err
	}
	return s.scanAll(ctx, `SELECT a.id, a.name, a.redacted, a.owner_id, a.owner_name, a.created_at, a.expires_at, a.last_used_at,
		a.id = COALESCE((SELECT admin_key_id FROM org_connection WHERE id = 1), '') FROM org_admin_keys a ORDER BY a.created_at, a.id`, func(r *sql.Rows) error {
		var a AdminKey
		var created int64
		var exp, used sql.NullInt64
		if err := r.Scan(&a.ID, &a.Name, &a.Redacted, &a.OwnerID, &a.OwnerName, &created, &exp, &used, &a.Steward); err != nil {
			return err
		}
		a.CreatedAt, a.ExpiresAt, a.LastUsedAt = unixTime(created), timePtr(exp), timePtr(used)
		snap.AdminKeys = append(snap.AdminKeys, a)
		return nil
	})
}
