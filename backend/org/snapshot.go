package org

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// snapshotTables are replaced together by every sync.
var snapshotTables = []string{"org_projects", "org_keys", "org_service_accounts", "org_users", "org_invites", "org_admin_keys", "org_key_hints"}

// saveSnapshot replaces the last snapshot with snap in one transaction.
func (s *Service) saveSnapshot(ctx context.Context, snap Snapshot, hints map[int64]string, ownID string) error {
	settings, err := json.Marshal(snap.Settings)
	if err != nil {
		return fmt.Errorf("encode organization settings: %w", err)
	}
	return s.st.Write(ctx, func(tx *sql.Tx) error {
		for _, t := range snapshotTables {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+t); err != nil {
				return fmt.Errorf("clear %s: %w", t, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO org_snapshot(id, synced_at, settings) VALUES (1, ?, ?)
			ON CONFLICT(id) DO UPDATE SET synced_at = excluded.synced_at, settings = excluded.settings`,
			snap.SyncedAt.Format(time.RFC3339), string(settings)); err != nil {
			return fmt.Errorf("record the snapshot: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE org_connection SET admin_key_id = ?`, ownID); err != nil {
			return err
		}
		if err := insertProjects(ctx, tx, snap); err != nil {
			return err
		}
		if err := insertKeys(ctx, tx, snap.Keys); err != nil {
			return err
		}
		if err := insertPeople(ctx, tx, snap); err != nil {
			return err
		}
		return insertHints(ctx, tx, hints)
	})
}

func insertProjects(ctx context.Context, tx *sql.Tx, snap Snapshot) error {
	for _, p := range snap.Projects {
		b, err := json.Marshal(p.Settings)
		if err != nil {
			return fmt.Errorf("encode settings of %s: %w", p.ID, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO org_projects(id, name, status, created_at, settings) VALUES (?,?,?,?,?)`,
			p.ID, p.Name, p.Status, p.CreatedAt.Unix(), string(b)); err != nil {
			return fmt.Errorf("store project %s: %w", p.ID, err)
		}
	}
	for _, sa := range snap.ServiceAccounts {
		if _, err := tx.ExecContext(ctx, `INSERT INTO org_service_accounts(project_id, id, name, role, created_at) VALUES (?,?,?,?,?)`,
			sa.ProjectID, sa.ID, sa.Name, sa.Role, sa.CreatedAt.Unix()); err != nil {
			return fmt.Errorf("store service account %s: %w", sa.ID, err)
		}
	}
	return nil
}

func insertKeys(ctx context.Context, tx *sql.Tx, ks []OrgKey) error {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO org_keys(project_id, id, name, redacted, owner_type, owner_id,
		owner_name, owner_email, owner_access, created_at, last_used_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return fmt.Errorf("store keys: %w", err)
	}
	defer stmt.Close()
	for _, k := range ks {
		if _, err := stmt.ExecContext(ctx, k.ProjectID, k.ID, k.Name, k.Redacted, k.OwnerType, k.OwnerID,
			k.OwnerName, k.OwnerEmail, k.OwnerAccess, k.CreatedAt.Unix(), unixOrNil(k.LastUsedAt)); err != nil {
			return fmt.Errorf("store key %s: %w", k.ID, err)
		}
	}
	return nil
}

func insertPeople(ctx context.Context, tx *sql.Tx, snap Snapshot) error {
	for _, u := range snap.Users {
		if _, err := tx.ExecContext(ctx, `INSERT INTO org_users(id, name, email, role, added_at) VALUES (?,?,?,?,?)`,
			u.ID, u.Name, u.Email, u.Role, u.AddedAt.Unix()); err != nil {
			return fmt.Errorf("store user %s: %w", u.ID, err)
		}
	}
	for _, i := range snap.Invites {
		if _, err := tx.ExecContext(ctx, `INSERT INTO org_invites(id, email, role, status, created_at, expires_at) VALUES (?,?,?,?,?,?)`,
			i.ID, i.Email, i.Role, i.Status, i.CreatedAt.Unix(), unixOrNil(i.ExpiresAt)); err != nil {
			return fmt.Errorf("store invite %s: %w", i.ID, err)
		}
	}
	for _, a := range snap.AdminKeys {
		if _, err := tx.ExecContext(ctx, `INSERT INTO org_admin_keys(id, name, redacted, owner_id, owner_name, created_at, expires_at, last_used_at)
			VALUES (?,?,?,?,?,?,?,?)`, a.ID, a.Name, a.Redacted, a.OwnerID, a.OwnerName, a.CreatedAt.Unix(),
			unixOrNil(a.ExpiresAt), unixOrNil(a.LastUsedAt)); err != nil {
			return fmt.Errorf("store admin key %s: %w", a.ID, err)
		}
	}
	return nil
}

func insertHints(ctx context.Context, tx *sql.Tx, hints map[int64]string) error {
	for id, h := range hints {
		if _, err := tx.ExecContext(ctx, `INSERT INTO org_key_hints(local_key_id, hint) VALUES (?, ?)`, id, h); err != nil {
			return fmt.Errorf("store key hint: %w", err)
		}
	}
	return nil
}

func unixOrNil(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.Unix()
}

func timePtr(n sql.NullInt64) *time.Time {
	if !n.Valid {
		return nil
	}
	t := unixTime(n.Int64)
	return &t
}

// Snapshot returns the last snapshot, or errNoSnapshot before the first
// sync.
func (s *Service) Snapshot(ctx context.Context) (Snapshot, error) {
	var snap Snapshot
	var synced, settings string
	err := s.st.Read().QueryRowContext(ctx, `SELECT synced_at, settings FROM org_snapshot WHERE id = 1`).Scan(&synced, &settings)
	if errors.Is(err, sql.ErrNoRows) {
		return snap, errNoSnapshot()
	}
	if err != nil {
		return snap, fmt.Errorf("read the snapshot: %w", err)
	}
	snap.SyncedAt, _ = time.Parse(time.RFC3339, synced)
	if err := json.Unmarshal([]byte(settings), &snap.Settings); err != nil {
		return snap, fmt.Errorf("read organization settings: %w", err)
	}
	for _, load := range []func(context.Context, *Snapshot) error{s.loadProjects, s.loadKeys, s.loadPeople} {
		if err := load(ctx, &snap); err != nil {
			return snap, err
		}
	}
	return snap, nil
}
