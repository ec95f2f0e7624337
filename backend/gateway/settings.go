package gateway

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

const settingsColumns = `listen, upstream, upstream_key_label, upstream_auth, add_include_usage, max_body_bytes,
	connect_timeout_ms, first_byte_timeout_ms, idle_timeout_ms, breaker_cooldown_ms, safety_identifiers,
	responses_store_false, blocklist_threshold`

// SavedConfig returns the settings the GUI or `steward settings` saved,
// with defaults filled in; before anything is saved it is the default
// configuration.
func (a *Access) SavedConfig(ctx context.Context) (Config, error) {
	var c Config
	var include, safety, storeFalse int
	var connect, first, idle, cooldown int64
	err := a.st.Read().QueryRowContext(ctx, `SELECT `+settingsColumns+` FROM gateway_settings WHERE id = 1`).
		Scan(&c.Listen, &c.Upstream, &c.UpstreamKeyLabel, &c.UpstreamAuth, &include, &c.MaxBodyBytes,
			&connect, &first, &idle, &cooldown, &safety, &storeFalse, &c.BlocklistThreshold)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		safety = 1
	case err != nil:
		return Config{}, fmt.Errorf("read gateway settings: %w", err)
	}
	c.AddIncludeUsage, c.NoSafetyIdentifiers, c.ResponsesStoreFalse = include == 1, safety == 0, storeFalse == 1
	ms := time.Millisecond
	c.ConnectTimeout, c.FirstByteTimeout = time.Duration(connect)*ms, time.Duration(first)*ms
	c.IdleTimeout, c.BreakerCooldown = time.Duration(idle)*ms, time.Duration(cooldown)*ms
	return c.withDefaults(), nil
}

// SaveConfig checks and keeps the settings the gateway starts with next.
func (a *Access) SaveConfig(ctx context.Context, c Config) (Config, error) {
	c = c.withDefaults()
	if _, err := c.validate(); err != nil {
		return Config{}, err
	}
	b := func(v bool) int {
		if v {
			return 1
		}
		return 0
	}
	ms := func(d time.Duration) int64 { return d.Milliseconds() }
	err := a.st.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO gateway_settings(id, `+settingsColumns+`, updated_at)
			VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT(id) DO UPDATE SET listen = excluded.listen, upstream = excluded.upstream,
			upstream_key_label = excluded.upstream_key_label, upstream_auth = excluded.upstream_auth,
			add_include_usage = excluded.add_include_usage, max_body_bytes = excluded.max_body_bytes,
			connect_timeout_ms = excluded.connect_timeout_ms, first_byte_timeout_ms = excluded.first_byte_timeout_ms,
			idle_timeout_ms = excluded.idle_timeout_ms, breaker_cooldown_ms = excluded.breaker_cooldown_ms,
			safety_identifiers = excluded.safety_identifiers, responses_store_false = excluded.responses_store_false,
			blocklist_threshold = excluded.blocklist_threshold, updated_at = excluded.updated_at`,
			c.Listen, c.Upstream, c.UpstreamKeyLabel, c.UpstreamAuth, b(c.AddIncludeUsage), c.MaxBodyBytes,
			ms(c.ConnectTimeout), ms(c.FirstByteTimeout), ms(c.IdleTimeout), ms(c.BreakerCooldown),
			b(!c.NoSafetyIdentifiers), b(c.ResponsesStoreFalse), c.BlocklistThreshold, a.stamp())
		return err
	})
	if err != nil {
		return Config{}, fmt.Errorf("save gateway settings: %w", err)
	}
	return c, nil
}
