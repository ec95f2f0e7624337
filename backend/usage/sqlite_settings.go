package usage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Policy reads the saved policy, or DefaultPolicy when none was saved.
func (s *SQLite) Policy(ctx context.Context) (Policy, error) {
	p := DefaultPolicy()
	err := s.st.Read().QueryRowContext(ctx, `SELECT retention_days, body_logging, body_retention_days,
		redact_pii, monthly_budget_usd, budget_warn_percent, spike_factor, spike_min_requests,
		burst_429_count, burst_429_minutes FROM usage_policy WHERE id = 1`).Scan(
		&p.RetentionDays, &p.BodyLogging.Enabled, &p.BodyLogging.RetentionDays, &p.BodyLogging.RedactPII,
		&p.MonthlyBudgetUSD, &p.Alerts.BudgetWarnPercent, &p.Alerts.SpikeFactor, &p.Alerts.SpikeMinRequests,
		&p.Alerts.Burst429Count, &p.Alerts.Burst429Minutes)
	if errors.Is(err, sql.ErrNoRows) {
		return DefaultPolicy(), nil
	}
	if err != nil {
		return Policy{}, fmt.Errorf("read usage policy: %w", err)
	}
	return p, nil
}

// SetPolicy saves p.
func (s *SQLite) SetPolicy(ctx context.Context, p Policy, at time.Time) error {
	err := s.st.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO usage_policy(id, retention_days, body_logging,
			body_retention_days, redact_pii, monthly_budget_usd, budget_warn_percent, spike_factor,
			spike_min_requests, burst_429_count, burst_429_minutes, updated_at)
			VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT(id) DO UPDATE SET retention_days = excluded.retention_days,
			body_logging = excluded.body_logging, body_retention_days = excluded.body_retention_days,
			redact_pii = excluded.redact_pii, monthly_budget_usd = excluded.monthly_budget_usd,
			budget_warn_percent = excluded.budget_warn_percent, spike_factor = excluded.spike_factor,
			spike_min_requests = excluded.spike_min_requests, burst_429_count = excluded.burst_429_count,
			burst_429_minutes = excluded.burst_429_minutes, updated_at = excluded.updated_at`,
			p.RetentionDays, boolInt(p.BodyLogging.Enabled), p.BodyLogging.RetentionDays, boolInt(p.BodyLogging.RedactPII),
			p.MonthlyBudgetUSD, p.Alerts.BudgetWarnPercent, p.Alerts.SpikeFactor, p.Alerts.SpikeMinRequests,
			p.Alerts.Burst429Count, p.Alerts.Burst429Minutes, at.UTC().Format(time.RFC3339))
		return err
	})
	if err != nil {
		return fmt.Errorf("save usage policy: %w", err)
	}
	return nil
}

// PriceEdits reads the team's price edits.
func (s *SQLite) PriceEdits(ctx context.Context) ([]Price, error) {
	rows, err := s.st.Read().QueryContext(ctx, `SELECT model, input_per_million, cached_input_per_million,
		output_per_million, updated_at FROM usage_prices ORDER BY model`)
	if err != nil {
		return nil, fmt.Errorf("read prices: %w", err)
	}
	defer rows.Close()
	var out []Price
	for rows.Next() {
		p := Price{Custom: true}
		if err := rows.Scan(&p.Model, &p.InputPerMillion, &p.CachedInputPerMillion, &p.OutputPerMillion, &p.AsOf); err != nil {
			return nil, fmt.Errorf("read prices: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// SetPriceEdit saves a price edit; AsOf is its date.
func (s *SQLite) SetPriceEdit(ctx context.Context, p Price) error {
	err := s.st.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO usage_prices(model, input_per_million,
			cached_input_per_million, output_per_million, updated_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT(model) DO UPDATE SET input_per_million = excluded.input_per_million,
			cached_input_per_million = excluded.cached_input_per_million,
			output_per_million = excluded.output_per_million, updated_at = excluded.updated_at`,
			p.Model, p.InputPerMillion, p.CachedInputPerMillion, p.OutputPerMillion, p.AsOf)
		return err
	})
	if err != nil {
		return fmt.Errorf("save price of %s: %w", p.Model, err)
	}
	return nil
}

// DeletePriceEdit removes a price edit, so the default (if any) applies again.
func (s *SQLite) DeletePriceEdit(ctx context.Context, model string) error {
	err := s.st.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM usage_prices WHERE model = ?`, model)
		return err
	})
	if err != nil {
		return fmt.Errorf("reset price of %s: %w", model, err)
	}
	return nil
}

// KeyMappings reads the api_key_id mappings.
func (s *SQLite) KeyMappings(ctx context.Context) ([]KeyMapping, error) {
	rows, err := s.st.Read().QueryContext(ctx, `SELECT api_key_id, label, key_fingerprint, updated_at
		FROM usage_key_map ORDER BY api_key_id`)
	if err != nil {
		return nil, fmt.Errorf("read key mappings: %w", err)
	}
	defer rows.Close()
	out := []KeyMapping{}
	for rows.Next() {
		var m KeyMapping
		if err := rows.Scan(&m.APIKeyID, &m.Label, &m.KeyFingerprint, &m.UpdatedAt); err != nil {
			return nil, fmt.Errorf("read key mappings: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// SetKeyMapping saves a mapping, replacing any for the same api_key_id.
func (s *SQLite) SetKeyMapping(ctx context.Context, m KeyMapping) error {
	err := s.st.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO usage_key_map(api_key_id, label, key_fingerprint, updated_at)
			VALUES (?, ?, ?, ?) ON CONFLICT(api_key_id) DO UPDATE SET label = excluded.label,
			key_fingerprint = excluded.key_fingerprint, updated_at = excluded.updated_at`, m.APIKeyID, m.Label, m.KeyFingerprint, m.UpdatedAt)
		return err
	})
	if err != nil {
		return fmt.Errorf("save key mapping %s: %w", m.APIKeyID, err)
	}
	return nil
}

// DeleteKeyMapping removes a mapping.
func (s *SQLite) DeleteKeyMapping(ctx context.Context, apiKeyID string) error {
	err := s.st.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM usage_key_map WHERE api_key_id = ?`, apiKeyID)
		return err
	})
	if err != nil {
		return fmt.Errorf("delete key mapping %s: %w", apiKeyID, err)
	}
	return nil
}
