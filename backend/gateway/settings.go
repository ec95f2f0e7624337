package gateway

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// SavedConfig returns the settings the GUI saved, with defaults filled in;
// before anything is saved it is the default configuration.
func (a *Access) SavedConfig(ctx context.Context) (Config, error) {
	var c Config
	var include int
	err := a.st.Read().QueryRowContext(ctx, `SELECT listen, upstream, upstream_key_label, upstream_auth,
		add_include_usage, max_body_bytes FROM gateway_settings WHERE id = 1`).
		Scan(&c.Listen, &c.Upstream, &c.UpstreamKeyLabel, &c.UpstreamAuth, &include, &c.MaxBodyBytes)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return Config{}, fmt.Errorf("read gateway settings: %w", err)
	}
	c.AddIncludeUsage = include == 1
	return c.withDefaults(), nil
}

// SaveConfig checks and keeps the settings the gateway starts with next.
// Timeouts are not saved; they take their defaults.
func (a *Access) SaveConfig(ctx context.Context, c Config) (Config, error) {
	c = c.withDefaults()
	if _, err := c.validate(); err != nil {
		return Config{}, err
	}
	include := 0
	if c.AddIncludeUsage {
		include = 1
	}
	err := a.st.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO gateway_settings(id, listen, upstream, upstream_key_label,
			upstream_auth, add_include_usage, max_body_bytes, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT(id) DO UPDATE SET listen = excluded.listen, upstream = excluded.upstream,
			upstream_key_label = excluded.upstream_key_label, upstream_auth = excluded.upstream_auth,
			add_include_usage = excluded.add_include_usage, max_body_bytes = excluded.max_body_bytes,
			updated_at = excluded.updated_at`,
			c.Listen, c.Upstream, c.UpstreamKeyLabel, c.UpstreamAuth, include, c.MaxBodyBytes, a.stamp())
		return err
	})
	if err != nil {
		return Config{}, fmt.Errorf("save gateway settings: %w", err)
	}
	return c, nil
}
