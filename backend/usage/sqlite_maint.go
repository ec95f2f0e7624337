package usage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"steward/backend/store"
)

// pruneChunk and recomputeChunk bound each maintenance transaction, so the
// writer's inserts interleave with a long prune or recompute.
const (
	pruneChunk     = 20_000
	recomputeChunk = 100_000
)

// Prune deletes old events and bodies a chunk per transaction. The
// rollups were maintained on insert, so they keep the pruned days.
func (s *SQLite) Prune(ctx context.Context, rowsBefore, bodiesBefore time.Time) (Pruned, error) {
	var p Pruned
	var err error
	if p.Bodies, err = s.deleteChunks(ctx, `DELETE FROM usage_bodies WHERE event_id IN
		(SELECT event_id FROM usage_bodies WHERE at < ? LIMIT ?)`, later(bodiesBefore, rowsBefore)); err != nil {
		return p, fmt.Errorf("prune bodies: %w", err)
	}
	if p.Events, err = s.deleteChunks(ctx, `DELETE FROM usage_events WHERE id IN
		(SELECT id FROM usage_events WHERE at < ? LIMIT ?)`, rowsBefore); err != nil {
		return p, fmt.Errorf("prune usage events: %w", err)
	}
	return p, nil
}

// later is the later of two times: bodies go no later than their events.
func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func (s *SQLite) deleteChunks(ctx context.Context, query string, before time.Time) (int64, error) {
	var total int64
	for {
		var n int64
		err := s.st.Write(ctx, func(tx *sql.Tx) error {
			res, err := tx.ExecContext(ctx, query, before.UnixMilli(), pruneChunk)
			if err != nil {
				return err
			}
			n, err = res.RowsAffected()
			return err
		})
		total += n
		if err != nil || n < pruneChunk {
			return total, err
		}
	}
}

// Recompute re-prices events of the given models a chunk of ids per
// transaction, then the daily rollup from its token sums (the cost formula
// is linear, so this equals re-pricing every call, pruned ones included),
// then rebuilds the per-dimension rollup from it.
func (s *SQLite) Recompute(ctx context.Context, prices PriceTable, models []string) (int64, error) {
	if models == nil {
		var err error
		if models, err = s.Models(ctx); err != nil {
			return 0, err
		}
	}
	if len(models) == 0 {
		return 0, nil
	}
	var lo, hi sql.NullInt64
	if err := s.st.Read().QueryRowContext(ctx, `SELECT min(id), max(id) FROM usage_events`).Scan(&lo, &hi); err != nil {
		return 0, fmt.Errorf("recompute costs: %w", err)
	}
	d := s.st.Dialect()
	in := greatest(d, "input_tokens", "0")
	cached := least(d, greatest(d, "cached_tokens", "0"), in)
	var changed int64
	for from := lo.Int64; lo.Valid && from <= hi.Int64; from += recomputeChunk {
		err := s.st.Write(ctx, func(tx *sql.Tx) error {
			if err := loadReprice(ctx, tx, d, prices, models); err != nil {
				return err
			}
			res, err := tx.ExecContext(ctx, `UPDATE usage_events SET cost_usd =
				((`+in+` - `+cached+`) * p.pin + `+cached+` * p.pcached
				+ `+greatest(d, "output_tokens", "0")+` * p.pout) / 1e6
				FROM `+repriceTable(d)+` AS p WHERE p.m = usage_events.model
				AND usage_events.id >= ? AND usage_events.id < ?`, from, from+recomputeChunk)
			if err != nil {
				return err
			}
			n, err := res.RowsAffected()
			changed += n
			return err
		})
		if err != nil {
			return changed, fmt.Errorf("recompute event costs: %w", err)
		}
	}
	err := s.st.Write(ctx, func(tx *sql.Tx) error {
		if err := loadReprice(ctx, tx, d, prices, models); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE usage_daily SET cost_usd =
			((input_tokens - cached_tokens) * p.pin + cached_tokens * p.pcached + output_tokens * p.pout) / 1e6
			FROM `+repriceTable(d)+` AS p WHERE p.m = usage_daily.model`); err != nil {
			return err
		}
		if err := rebuildDims(ctx, tx); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DROP TABLE `+repriceTable(d))
		return err
	})
	if err != nil {
		return changed, fmt.Errorf("recompute rollup costs: %w", err)
	}
	return changed, nil
}

// loadReprice fills a temporary table with each model's price (0 for
// models without one) for the UPDATE … FROM statements.
func loadReprice(ctx context.Context, tx *sql.Tx, d store.Dialect, prices PriceTable, models []string) error {
	if _, err := tx.ExecContext(ctx, createReprice(d)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM `+repriceTable(d)); err != nil {
		return err
	}
	for _, m := range models {
		p, _ := prices.Lookup(m)
		if _, err := tx.ExecContext(ctx, `INSERT INTO `+repriceTable(d)+`(m, pin, pcached, pout) VALUES (?, ?, ?, ?)
			ON CONFLICT(m) DO UPDATE SET pin = excluded.pin, pcached = excluded.pcached, pout = excluded.pout`,
			m, p.InputPerMillion, p.CachedInputPerMillion, p.OutputPerMillion); err != nil {
			return err
		}
	}
	return nil
}

// rebuildDims recomputes usage_daily_by from usage_daily.
func rebuildDims(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM usage_daily_by`); err != nil {
		return err
	}
	for dim, col := range map[string]string{ByDay: ``, ByMember: `member`, ByModel: `model`,
		ByEndpoint: `endpoint`, ByKey: `key_fingerprint`, ByProvider: `provider`} {
		value, group := `''`, ``
		if col != "" {
			value, group = col, `, `+col
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO usage_daily_by(dim, day, source, value, `+sumColumns+`)
			SELECT ?, day, source, `+value+`, `+rollupSums+` FROM usage_daily GROUP BY day, source`+group, dim); err != nil {
			return fmt.Errorf("rebuild %s rollup: %w", dim, err)
		}
	}
	return nil
}
