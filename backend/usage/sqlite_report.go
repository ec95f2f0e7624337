package usage

import (
	"context"
	"fmt"
	"time"

	"steward/backend/store"
)

// rawSums are the rollup sums computed from usage_events rows.
func rawSums(d store.Dialect) string {
	in := greatest(d, "input_tokens", "0")
	return `count(*), sum(` + in + `),
	sum(` + least(d, greatest(d, "cached_tokens", "0"), in) + `), sum(` + greatest(d, "output_tokens", "0") + `),
	sum(` + greatest(d, "reasoning_tokens", "0") + `), sum(CASE WHEN input_tokens < 0 AND output_tokens < 0 THEN 1 ELSE 0 END),
	sum(CASE WHEN status = 0 OR status >= 400 OR error_type != '' THEN 1 ELSE 0 END),
	sum(CASE WHEN status = 429 THEN 1 ELSE 0 END), sum(cost_usd)`
}

// rollupSums are the same sums over rollup rows.
const rollupSums = `sum(requests), sum(input_tokens), sum(cached_tokens), sum(output_tokens),
	sum(reasoning_tokens), sum(no_usage), sum(errors), sum(rate_limited), sum(cost_usd)`

// rawGroup is the usage_events expression for each grouping.
func rawGroup(d store.Dialect, by string) string {
	if by == ByDay {
		return dayExpr(d, "at")
	}
	return rawColumn[by]
}

// rawColumn is the usage_events column of each grouping but the day.
var rawColumn = map[string]string{ByMember: `member`, ByModel: `model`, ByEndpoint: `endpoint`,
	ByKey: `key_fingerprint`, BySource: `source`, ByProvider: `provider`}

// Report sums usage per group: whole days from usage_daily_by, the parts
// of days at either end from usage_events.
func (s *SQLite) Report(ctx context.Context, q Query) (Report, error) {
	q, err := q.check("usage.report")
	if err != nil {
		return Report{}, err
	}
	g := newGroups(q.By)
	parts := splitDays(q.Since, q.Until)
	if parts.fromDay != "" {
		if err := s.rollupInto(ctx, g, q.By, q.Source, parts.fromDay, parts.toDay); err != nil {
			return Report{}, err
		}
	}
	for _, r := range [][2]time.Time{{parts.headFrom, parts.headTo}, {parts.tailFrom, parts.tailTo}} {
		if r[0].Before(r[1]) {
			if err := s.rawInto(ctx, g, rawGroup(s.st.Dialect(), q.By), q.Source, r[0], r[1]); err != nil {
				return Report{}, err
			}
		}
	}
	rep := g.report()
	rep.Since, rep.Until, rep.Source = q.Since, q.Until, q.Source
	return rep, nil
}

// rollupInto adds whole days [fromDay, toDay) from usage_daily_by.
func (s *SQLite) rollupInto(ctx context.Context, g *groups, by, source, fromDay, toDay string) error {
	dim, col := by, "value"
	switch by {
	case ByDay:
		col = "day"
	case BySource:
		dim, col = ByDay, "source"
	}
	query := `SELECT ` + col + `, ` + rollupSums + ` FROM usage_daily_by WHERE dim = ? AND day >= ? AND day < ?`
	args := []any{dim, fromDay, toDay}
	if source != "" {
		query += ` AND source = ?`
		args = append(args, source)
	}
	return s.sumsInto(ctx, g, query+` GROUP BY `+col, args...)
}

// rawInto adds the events in [from, to) from usage_events.
func (s *SQLite) rawInto(ctx context.Context, g *groups, groupExpr, source string, from, to time.Time) error {
	query := `SELECT ` + groupExpr + `, ` + rawSums(s.st.Dialect()) + ` FROM usage_events WHERE at >= ? AND at < ?`
	args := []any{from.UnixMilli(), to.UnixMilli()}
	if source != "" {
		query += ` AND source = ?`
		args = append(args, source)
	}
	return s.sumsInto(ctx, g, query+` GROUP BY 1`, args...)
}

func (s *SQLite) sumsInto(ctx context.Context, g *groups, query string, args ...any) error {
	rows, err := s.st.Read().QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("usage report: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var group string
		t, err := scanTotals(rows, &group)
		if err != nil {
			return fmt.Errorf("usage report: %w", err)
		}
		g.add(group, t)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("usage report: %w", err)
	}
	return nil
}

// Series counts usage per day (from the rollups, as Report by day does) or
// per hour (from the rows).
func (s *SQLite) Series(ctx context.Context, q SeriesQuery) (Series, error) {
	q, err := q.check("usage.series")
	if err != nil {
		return Series{}, err
	}
	sums := map[int64]Totals{}
	if q.Bucket == BucketDay {
		rep, err := s.Report(ctx, Query{Since: q.Since, Until: q.Until, By: ByDay, Source: q.Source})
		if err != nil {
			return Series{}, err
		}
		for _, r := range rep.Rows {
			day, err := time.Parse(time.DateOnly, r.Group)
			if err != nil {
				return Series{}, fmt.Errorf("usage series: day %q: %w", r.Group, err)
			}
			sums[day.Unix()] = r.Totals
		}
		return fillSeries(q, sums), nil
	}
	g := newGroups(ByDay)
	if err := s.rawInto(ctx, g, `CAST(at / 3600000 * 3600 AS TEXT)`, q.Source, q.Since, q.Until); err != nil {
		return Series{}, err
	}
	for _, r := range g.rows {
		var start int64
		fmt.Sscan(r.Group, &start)
		sums[start] = r.Totals
	}
	return fillSeries(q, sums), nil
}

// RateLimitedTimes lists when each 429 in [since, until) happened.
func (s *SQLite) RateLimitedTimes(ctx context.Context, since, until time.Time) ([]time.Time, error) {
	rows, err := s.st.Read().QueryContext(ctx,
		`SELECT at FROM usage_events WHERE status = 429 AND at >= ? AND at < ? ORDER BY at`,
		since.UnixMilli(), until.UnixMilli())
	if err != nil {
		return nil, fmt.Errorf("read rate-limited calls: %w", err)
	}
	defer rows.Close()
	var out []time.Time
	for rows.Next() {
		var ms int64
		if err := rows.Scan(&ms); err != nil {
			return nil, fmt.Errorf("read rate-limited calls: %w", err)
		}
		out = append(out, time.UnixMilli(ms).UTC())
	}
	return out, rows.Err()
}

// KeyModelDays sums successful calls per day, key and model from usage_daily.
func (s *SQLite) KeyModelDays(ctx context.Context, since, until time.Time) ([]KeyModelDay, error) {
	rows, err := s.st.Read().QueryContext(ctx, `SELECT day, key_fingerprint, model,
		sum(requests - errors), sum(input_tokens), sum(output_tokens)
		FROM usage_daily WHERE day >= ? AND day < ? GROUP BY day, key_fingerprint, model ORDER BY 1, 2, 3`,
		dayOf(since), dayOf(until))
	if err != nil {
		return nil, fmt.Errorf("read local usage per key: %w", err)
	}
	defer rows.Close()
	var out []KeyModelDay
	for rows.Next() {
		var k KeyModelDay
		if err := rows.Scan(&k.Day, &k.KeyFingerprint, &k.Model, &k.Requests, &k.InputTokens, &k.OutputTokens); err != nil {
			return nil, fmt.Errorf("read local usage per key: %w", err)
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// Models lists the models the rollups have seen.
func (s *SQLite) Models(ctx context.Context) ([]string, error) {
	rows, err := s.st.Read().QueryContext(ctx,
		`SELECT DISTINCT value FROM usage_daily_by WHERE dim = ? ORDER BY value`, ByModel)
	if err != nil {
		return nil, fmt.Errorf("list models: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return nil, fmt.Errorf("list models: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Bodies returns logged bodies with their call, newest first.
func (s *SQLite) Bodies(ctx context.Context, since, until time.Time, limit int) ([]Body, error) {
	rows, err := s.st.Read().QueryContext(ctx, `SELECT b.event_id, b.at, coalesce(e.member, ''),
		coalesce(e.endpoint, ''), coalesce(e.model, ''), b.request, b.response, b.redacted
		FROM usage_bodies b LEFT JOIN usage_events e ON e.id = b.event_id
		WHERE b.at >= ? AND b.at < ? ORDER BY b.at DESC, b.event_id DESC LIMIT ?`,
		since.UnixMilli(), until.UnixMilli(), limit)
	if err != nil {
		return nil, fmt.Errorf("read bodies: %w", err)
	}
	defer rows.Close()
	out := []Body{}
	for rows.Next() {
		var b Body
		var ms int64
		if err := rows.Scan(&b.EventID, &ms, &b.Member, &b.Endpoint, &b.Model, &b.Request, &b.Response, &b.Redacted); err != nil {
			return nil, fmt.Errorf("read bodies: %w", err)
		}
		b.Time = time.UnixMilli(ms).UTC()
		out = append(out, b)
	}
	return out, rows.Err()
}
