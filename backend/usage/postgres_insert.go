package usage

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
)

// eventColumns are usage_events' columns in eventValues order.
var eventColumns = []string{"at", "source", "member", "key_fingerprint", "endpoint", "method", "model",
	"status", "error_type", "latency_us", "ttfb_us", "stream", "input_tokens", "cached_tokens", "output_tokens",
	"reasoning_tokens", "request_id", "cost_usd", "provider"}

// eventTypes are the PostgreSQL array types of eventColumns.
var eventTypes = []string{"bigint", "text", "text", "text", "text", "text", "text",
	"bigint", "text", "bigint", "bigint", "bigint", "bigint", "bigint", "bigint",
	"bigint", "text", "float8", "text"}

// insertPG stores events on PostgreSQL atomically, each rollup by one
// upsert fed with arrays, its rows in key order so replicas writing the
// same days lock them in one order. Without bodies, rows and rollups go in
// one statement (one round trip); with bodies, a transaction COPYs the
// rows under ids drawn first, then upserts the rollups.
func (s *SQLite) insertPG(ctx context.Context, events []Event, daily map[dailyKey]*Totals, dims map[dimKey]*Totals) error {
	dailySQL, dailyArgs := upsertDailyPG(daily, 0)
	if !hasBodies(events) {
		dimsSQL, dimsArgs := upsertDimsPG(dims, len(dailyArgs))
		eventsSQL, eventsArgs := insertEventsPG(events, len(dailyArgs)+len(dimsArgs))
		args := append(append(dailyArgs, dimsArgs...), eventsArgs...)
		_, err := s.st.Pool().Exec(ctx, `WITH daily AS (`+dailySQL+`), dims AS (`+dimsSQL+`) `+eventsSQL, args...)
		return err
	}
	return pgx.BeginFunc(ctx, s.st.Pool(), func(tx pgx.Tx) error {
		if err := copyEvents(ctx, tx, events); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, dailySQL, dailyArgs...); err != nil {
			return err
		}
		dimsSQL, dimsArgs := upsertDimsPG(dims, 0)
		_, err := tx.Exec(ctx, dimsSQL, dimsArgs...)
		return err
	})
}

func hasBodies(events []Event) bool {
	for _, e := range events {
		if e.RequestBody != "" || e.ResponseBody != "" {
			return true
		}
	}
	return false
}

// insertEventsPG is the multi-row INSERT of events as one array per
// column, its parameters numbered after the first n.
func insertEventsPG(events []Event, n int) (string, []any) {
	cols := make([][]any, len(eventColumns))
	for _, e := range events {
		for i, v := range eventValues(e) {
			cols[i] = append(cols[i], v)
		}
	}
	args := make([]any, len(cols))
	for i, c := range cols {
		args[i] = typedArray(eventTypes[i], c)
	}
	return `INSERT INTO usage_events(` + strings.Join(eventColumns, ", ") + `) SELECT * FROM unnest(` +
		unnestParams(n, eventTypes) + `)`, args
}

// typedArray turns one column's values into the typed slice pgx encodes.
func typedArray(typ string, vals []any) any {
	switch typ {
	case "bigint":
		out := make([]int64, len(vals))
		for i, v := range vals {
			out[i] = v.(int64)
		}
		return out
	case "float8":
		out := make([]float64, len(vals))
		for i, v := range vals {
			out[i] = v.(float64)
		}
		return out
	}
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = v.(string)
	}
	return out
}

// unnestParams numbers one array parameter per type after the first n:
// "$n+1::bigint[], $n+2::text[], …".
func unnestParams(n int, types []string) string {
	parts := make([]string, len(types))
	for i, t := range types {
		parts[i] = "$" + strconv.Itoa(n+i+1) + "::" + t + "[]"
	}
	return strings.Join(parts, ", ")
}

func eventValues(e Event) []any {
	return []any{e.Time.UnixMilli(), e.Source, e.Member, e.KeyFingerprint, e.Endpoint, e.Method, e.Model,
		int64(e.Status), e.ErrorType, e.Latency.Microseconds(), e.TimeToFirstByte.Microseconds(), boolInt(e.Stream),
		e.InputTokens, e.CachedTokens, e.OutputTokens, e.ReasoningTokens, e.RequestID, e.CostUSD, e.Provider}
}

// copyEvents copies the events; those with bodies get ids drawn from the
// table's sequence first, so their bodies can name them.
func copyEvents(ctx context.Context, tx pgx.Tx, events []Event) error {
	withBody := 0
	for _, e := range events {
		if e.RequestBody != "" || e.ResponseBody != "" {
			withBody++
		}
	}
	var ids []int64
	if withBody > 0 {
		rows, err := tx.Query(ctx, `SELECT nextval(pg_get_serial_sequence('usage_events', 'id'))
			FROM generate_series(1, $1)`, withBody)
		if err != nil {
			return err
		}
		if ids, err = pgx.CollectRows(rows, pgx.RowTo[int64]); err != nil {
			return err
		}
	}
	plain := make([][]any, 0, len(events)-withBody)
	numbered := make([][]any, 0, withBody)
	bodies := make([][]any, 0, withBody)
	for _, e := range events {
		if e.RequestBody == "" && e.ResponseBody == "" {
			plain = append(plain, eventValues(e))
			continue
		}
		id := ids[len(numbered)]
		numbered = append(numbered, append([]any{id}, eventValues(e)...))
		bodies = append(bodies, []any{id, e.Time.UnixMilli(), e.RequestBody, e.ResponseBody, boolInt(e.BodyRedacted)})
	}
	for _, c := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"usage_events", eventColumns, plain},
		{"usage_events", append([]string{"id"}, eventColumns...), numbered},
		{"usage_bodies", []string{"event_id", "at", "request", "response", "redacted"}, bodies},
	} {
		if len(c.rows) == 0 {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
			return err
		}
	}
	return nil
}

// sumArrays are rollup sums as one array per column, in sumColumns order.
type sumArrays struct {
	requests, input, cached, output, reasoning, noUsage, errors, rateLimited []int64
	cost                                                                     []float64
}

func (a *sumArrays) add(t *Totals) {
	a.requests = append(a.requests, t.Requests)
	a.input = append(a.input, t.InputTokens)
	a.cached = append(a.cached, t.CachedTokens)
	a.output = append(a.output, t.OutputTokens)
	a.reasoning = append(a.reasoning, t.ReasoningTokens)
	a.noUsage = append(a.noUsage, t.RequestsWithoutUsage)
	a.errors = append(a.errors, t.Errors)
	a.rateLimited = append(a.rateLimited, t.RateLimited)
	a.cost = append(a.cost, t.CostUSD)
}

func (a *sumArrays) args() []any {
	return []any{a.requests, a.input, a.cached, a.output, a.reasoning, a.noUsage, a.errors, a.rateLimited, a.cost}
}

// sumTypes are the array types of sumColumns.
var sumTypes = []string{"bigint", "bigint", "bigint", "bigint", "bigint", "bigint", "bigint", "bigint", "float8"}

// upsertDailyPG is the usage_daily upsert of daily, its parameters
// numbered after the first n.
func upsertDailyPG(daily map[dailyKey]*Totals, n int) (string, []any) {
	keys := make([]dailyKey, 0, len(daily))
	for k := range daily {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b dailyKey) int {
		return cmp.Or(cmp.Compare(a.day, b.day), cmp.Compare(a.member, b.member), cmp.Compare(a.model, b.model),
			cmp.Compare(a.endpoint, b.endpoint), cmp.Compare(a.key, b.key), cmp.Compare(a.source, b.source),
			cmp.Compare(a.provider, b.provider))
	})
	var cols [7][]string
	var sums sumArrays
	for _, k := range keys {
		for i, v := range []string{k.day, k.member, k.model, k.endpoint, k.key, k.source, k.provider} {
			cols[i] = append(cols[i], v)
		}
		sums.add(daily[k])
	}
	args := []any{cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6]}
	types := append([]string{"text", "text", "text", "text", "text", "text", "text"}, sumTypes...)
	return `INSERT INTO usage_daily(day, member, model, endpoint, key_fingerprint, source, provider, ` + sumColumns + `)
		SELECT * FROM unnest(` + unnestParams(n, types) + `)
		ON CONFLICT(day, member, model, endpoint, key_fingerprint, source, provider) DO UPDATE SET ` + upsertSums("usage_daily"),
		append(args, sums.args()...)
}

// upsertDimsPG is the usage_daily_by upsert of dims, its parameters
// numbered after the first n.
func upsertDimsPG(dims map[dimKey]*Totals, n int) (string, []any) {
	keys := make([]dimKey, 0, len(dims))
	for k := range dims {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b dimKey) int {
		return cmp.Or(cmp.Compare(a.dim, b.dim), cmp.Compare(a.day, b.day), cmp.Compare(a.source, b.source),
			cmp.Compare(a.value, b.value))
	})
	var cols [4][]string
	var sums sumArrays
	for _, k := range keys {
		for i, v := range []string{k.dim, k.day, k.source, k.value} {
			cols[i] = append(cols[i], v)
		}
		sums.add(dims[k])
	}
	args := []any{cols[0], cols[1], cols[2], cols[3]}
	types := append([]string{"text", "text", "text", "text"}, sumTypes...)
	return `INSERT INTO usage_daily_by(dim, day, source, value, ` + sumColumns + `)
		SELECT * FROM unnest(` + unnestParams(n, types) + `)
		ON CONFLICT(dim, day, source, value) DO UPDATE SET ` + upsertSums("usage_daily_by"),
		append(args, sums.args()...)
}
