package usage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"steward/backend/store"
)

// SQLite is the Store in Steward's database (tables from migration
// 0004_usage.sql): the SQLite file, or a team's PostgreSQL database, whose
// few differing statements it picks by st's dialect.
type SQLite struct {
	st *store.Store
}

// NewSQLite returns the usage store inside st, SQLite or PostgreSQL.
func NewSQLite(st *store.Store) *SQLite { return &SQLite{st: st} }

// Ping checks that the database answers.
func (s *SQLite) Ping(ctx context.Context) error { return s.st.Ping(ctx) }

var _ Store = (*SQLite)(nil)

const insertEventSQL = `INSERT INTO usage_events(at, source, member, key_fingerprint, endpoint, method, model,
	status, error_type, latency_us, ttfb_us, stream, input_tokens, cached_tokens, output_tokens,
	reasoning_tokens, request_id, cost_usd, provider) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

const insertBodySQL = `INSERT INTO usage_bodies(event_id, at, request, response, redacted) VALUES (?, ?, ?, ?, ?)`

// sumColumns are the rollup columns after the key columns, in Totals order
// as scanTotals reads them.
const sumColumns = `requests, input_tokens, cached_tokens, output_tokens, reasoning_tokens, no_usage, errors, rate_limited, cost_usd`

// upsertSums adds a conflicting row's sums to those of table's row (the
// target's columns qualified, as PostgreSQL needs).
func upsertSums(table string) string {
	var b strings.Builder
	for i, c := range strings.Split(sumColumns, ", ") {
		if i > 0 {
			b.WriteString(",\n\t")
		}
		fmt.Fprintf(&b, "%s = %s.%s + excluded.%s", c, table, c, c)
	}
	return b.String()
}

var upsertDailySQL = `INSERT INTO usage_daily(day, member, model, endpoint, key_fingerprint, source, provider, ` + sumColumns + `)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT(day, member, model, endpoint, key_fingerprint, source, provider) DO UPDATE SET ` + upsertSums("usage_daily")

var upsertDimSQL = `INSERT INTO usage_daily_by(dim, day, source, value, ` + sumColumns + `)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT(dim, day, source, value) DO UPDATE SET ` + upsertSums("usage_daily_by")

// dailyKey is one usage_daily row.
type dailyKey struct{ day, member, model, endpoint, key, source, provider string }

// dimKey is one usage_daily_by row.
type dimKey struct{ dim, day, source, value string }

// Insert stores events and adds them to both rollups, in one transaction.
func (s *SQLite) Insert(ctx context.Context, events []Event) error {
	if len(events) == 0 {
		return nil
	}
	daily, dims := rollup(events)
	if s.st.Dialect() == store.Postgres {
		if err := s.insertPG(ctx, events, daily, dims); err != nil {
			return fmt.Errorf("insert %d usage events: %w", len(events), err)
		}
		return nil
	}
	err := s.st.Write(ctx, func(tx *sql.Tx) error {
		if err := insertEvents(ctx, tx, events); err != nil {
			return err
		}
		if err := upsertDaily(ctx, tx, daily); err != nil {
			return err
		}
		return upsertDims(ctx, tx, dims)
	})
	if err != nil {
		return fmt.Errorf("insert %d usage events: %w", len(events), err)
	}
	return nil
}

// rollup sums events per usage_daily row and per usage_daily_by row.
func rollup(events []Event) (map[dailyKey]*Totals, map[dimKey]*Totals) {
	daily := map[dailyKey]*Totals{}
	dims := map[dimKey]*Totals{}
	add := func(m map[dimKey]*Totals, k dimKey, t Totals) {
		if m[k] == nil {
			m[k] = &Totals{}
		}
		m[k].add(t)
	}
	for _, e := range events {
		t := totalsOf(e)
		day := dayOf(e.Time)
		k := dailyKey{day, e.Member, e.Model, e.Endpoint, e.KeyFingerprint, e.Source, e.Provider}
		if daily[k] == nil {
			daily[k] = &Totals{}
		}
		daily[k].add(t)
		add(dims, dimKey{ByDay, day, e.Source, ""}, t)
		add(dims, dimKey{ByMember, day, e.Source, e.Member}, t)
		add(dims, dimKey{ByModel, day, e.Source, e.Model}, t)
		add(dims, dimKey{ByEndpoint, day, e.Source, e.Endpoint}, t)
		add(dims, dimKey{ByKey, day, e.Source, e.KeyFingerprint}, t)
		add(dims, dimKey{ByProvider, day, e.Source, e.Provider}, t)
	}
	return daily, dims
}

func insertEvents(ctx context.Context, tx *sql.Tx, events []Event) error {
	ins, err := tx.PrepareContext(ctx, insertEventSQL)
	if err != nil {
		return err
	}
	defer ins.Close()
	var body *sql.Stmt
	for _, e := range events {
		res, err := ins.ExecContext(ctx, e.Time.UnixMilli(), e.Source, e.Member, e.KeyFingerprint, e.Endpoint,
			e.Method, e.Model, e.Status, e.ErrorType, e.Latency.Microseconds(), e.TimeToFirstByte.Microseconds(),
			boolInt(e.Stream), e.InputTokens, e.CachedTokens, e.OutputTokens, e.ReasoningTokens, e.RequestID, e.CostUSD, e.Provider)
		if err != nil {
			return err
		}
		if e.RequestBody == "" && e.ResponseBody == "" {
			continue
		}
		if body == nil {
			if body, err = tx.PrepareContext(ctx, insertBodySQL); err != nil {
				return err
			}
			defer body.Close()
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		if _, err := body.ExecContext(ctx, id, e.Time.UnixMilli(), e.RequestBody, e.ResponseBody, boolInt(e.BodyRedacted)); err != nil {
			return err
		}
	}
	return nil
}

func upsertDaily(ctx context.Context, tx *sql.Tx, daily map[dailyKey]*Totals) error {
	stmt, err := tx.PrepareContext(ctx, upsertDailySQL)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for k, t := range daily {
		if _, err := stmt.ExecContext(ctx, append([]any{k.day, k.member, k.model, k.endpoint, k.key, k.source, k.provider}, sumArgs(t)...)...); err != nil {
			return err
		}
	}
	return nil
}

func upsertDims(ctx context.Context, tx *sql.Tx, dims map[dimKey]*Totals) error {
	stmt, err := tx.PrepareContext(ctx, upsertDimSQL)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for k, t := range dims {
		if _, err := stmt.ExecContext(ctx, append([]any{k.dim, k.day, k.source, k.value}, sumArgs(t)...)...); err != nil {
			return err
		}
	}
	return nil
}

// sumArgs are t's values in sumColumns order.
func sumArgs(t *Totals) []any {
	return []any{t.Requests, t.InputTokens, t.CachedTokens, t.OutputTokens, t.ReasoningTokens,
		t.RequestsWithoutUsage, t.Errors, t.RateLimited, t.CostUSD}
}

// scanTotals reads sumColumns-ordered sums after the given leading columns.
func scanTotals(rows *sql.Rows, lead ...any) (Totals, error) {
	var t Totals
	var cost sql.NullFloat64
	err := rows.Scan(append(lead, &t.Requests, &t.InputTokens, &t.CachedTokens, &t.OutputTokens,
		&t.ReasoningTokens, &t.RequestsWithoutUsage, &t.Errors, &t.RateLimited, &cost)...)
	t.CostUSD = cost.Float64
	return t, err
}
