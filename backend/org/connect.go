package org

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"time"

	"steward/backend/keys"
	"steward/backend/secret"
)

// Connect checks adminKey against the Administration API and, if it reads
// the organization, keeps it in the vault and records the connection. A
// project key (403), or a revoked or expired admin key (401), is refused
// with a message that says so, and nothing is stored.
func (s *Service) Connect(ctx context.Context, adminKey string) (Connection, error) {
	const op = "org.connect"
	key, err := keys.CleanKey(op, adminKey)
	if err != nil {
		return Connection{}, err
	}
	red := secret.Redact(key)
	cl, err := s.client(ctx, key)
	if err != nil {
		return Connection{}, err
	}
	q := url.Values{"limit": {"1"}}
	if _, err := cl.Admin(ctx, "GET", "/organization/projects", q, nil); err != nil {
		return Connection{}, connectError(red, secret.Kind(key), err)
	}
	if err := s.vault.Set(VaultAccount, key); err != nil {
		return Connection{}, fmt.Errorf("keep the admin key in the vault: %w", err)
	}
	err = s.st.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO org_connection(id, fingerprint, redacted, base_url, connected_at)
			VALUES (1, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET fingerprint = excluded.fingerprint,
			redacted = excluded.redacted, base_url = excluded.base_url, connected_at = excluded.connected_at, admin_key_id = ''`,
			secret.Fingerprint(key), red, s.baseURL(ctx), s.stamp())
		return err
	})
	if err != nil {
		_ = s.vault.Delete(VaultAccount)
		return Connection{}, fmt.Errorf("record the connection: %w", err)
	}
	s.opts.Log.Info("organization connected", "admin_key", red)
	return s.Connection(ctx)
}

// Disconnect forgets the admin key: it leaves the vault and the connection
// record goes. The last snapshot and the imported audit log stay as history.
func (s *Service) Disconnect(ctx context.Context) error {
	if err := s.vault.Delete(VaultAccount); err != nil && !errors.Is(err, keys.ErrNotFound) {
		return fmt.Errorf("delete the admin key from the vault: %w", err)
	}
	return s.st.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM org_connection`)
		return err
	})
}

// Connection says whether and how Steward is connected, and how old the
// snapshot is.
func (s *Service) Connection(ctx context.Context) (Connection, error) {
	var c Connection
	err := s.st.Read().QueryRowContext(ctx, `SELECT redacted, base_url, connected_at, admin_key_id FROM org_connection WHERE id = 1`).
		Scan(&c.Redacted, &c.BaseURL, &c.ConnectedAt, &c.AdminKeyID)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("read the organization connection: %w", err)
	}
	c.Connected = err == nil
	err = s.st.Read().QueryRowContext(ctx, `SELECT synced_at FROM org_snapshot WHERE id = 1`).Scan(&c.SyncedAt)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("read the snapshot time: %w", err)
	}
	t, perr := time.Parse(time.RFC3339, c.SyncedAt)
	c.SyncDue = c.Connected && (perr != nil || s.now().Sub(t) >= SyncEvery)
	return c, nil
}
