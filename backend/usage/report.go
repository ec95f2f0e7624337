package usage

import (
	"sort"
	"time"
)

// Report is usage summed per group over a period. Its JSON form is
// {"rows": [...], "totals": {...}}; the other fields describe the query for
// the table and HTML writers.
type Report struct {
	Rows   []ReportRow `json:"rows"`
	Totals Totals      `json:"totals"`

	By     string    `json:"-"`
	Since  time.Time `json:"-"`
	Until  time.Time `json:"-"`
	Source string    `json:"-"`
}

// ReportRow is one group's usage: a day (YYYY-MM-DD, UTC), member, model,
// endpoint, key fingerprint or source.
type ReportRow struct {
	Group string `json:"group"`
	Label string `json:"label,omitempty"` // the key's label, for reports by key
	Totals
}

// Totals are summed usage. Token counts leave out calls that reported none
// (counted in RequestsWithoutUsage); InputTokens includes CachedTokens and
// OutputTokens includes ReasoningTokens, as the API counts them.
type Totals struct {
	Requests             int64   `json:"requests"`
	InputTokens          int64   `json:"input_tokens"`
	OutputTokens         int64   `json:"output_tokens"`
	Errors               int64   `json:"errors"`
	CostUSD              float64 `json:"cost_usd"`
	CachedTokens         int64   `json:"cached_tokens"`
	ReasoningTokens      int64   `json:"reasoning_tokens"`
	RateLimited          int64   `json:"rate_limited"` // HTTP 429
	RequestsWithoutUsage int64   `json:"requests_without_usage"`
}

// add sums o into t.
func (t *Totals) add(o Totals) {
	t.Requests += o.Requests
	t.InputTokens += o.InputTokens
	t.OutputTokens += o.OutputTokens
	t.Errors += o.Errors
	t.CostUSD += o.CostUSD
	t.CachedTokens += o.CachedTokens
	t.ReasoningTokens += o.ReasoningTokens
	t.RateLimited += o.RateLimited
	t.RequestsWithoutUsage += o.RequestsWithoutUsage
}

// totalsOf is one event's contribution to a rollup.
func totalsOf(e Event) Totals {
	in, cached, out := billable(e)
	t := Totals{Requests: 1, InputTokens: in, CachedTokens: cached, OutputTokens: out,
		ReasoningTokens: max(e.ReasoningTokens, 0), CostUSD: e.CostUSD}
	if e.InputTokens < 0 && e.OutputTokens < 0 {
		t.RequestsWithoutUsage = 1
	}
	if e.Failed() {
		t.Errors = 1
	}
	if e.Status == 429 {
		t.RateLimited = 1
	}
	return t
}

// Failed reports whether the call did not succeed: no answer, an HTTP
// error status, or an error type.
func (e Event) Failed() bool { return e.Status == 0 || e.Status >= 400 || e.ErrorType != "" }

// groups merges partial results per group, then orders them: days in time
// order, anything else by cost, then requests, largest first.
type groups struct {
	by    string
	index map[string]int
	rows  []ReportRow
}

func newGroups(by string) *groups { return &groups{by: by, index: map[string]int{}} }

func (g *groups) add(group string, t Totals) {
	i, ok := g.index[group]
	if !ok {
		i = len(g.rows)
		g.index[group] = i
		g.rows = append(g.rows, ReportRow{Group: group})
	}
	g.rows[i].add(t)
}

// report rounds costs and orders the rows.
func (g *groups) report() Report {
	rep := Report{Rows: g.rows, By: g.by}
	if rep.Rows == nil {
		rep.Rows = []ReportRow{}
	}
	for i := range rep.Rows {
		rep.Rows[i].CostUSD = roundMicro(rep.Rows[i].CostUSD)
		rep.Totals.add(rep.Rows[i].Totals)
	}
	rep.Totals.CostUSD = roundMicro(rep.Totals.CostUSD)
	sort.SliceStable(rep.Rows, func(i, j int) bool {
		a, b := rep.Rows[i], rep.Rows[j]
		if g.by == ByDay {
			return a.Group < b.Group
		}
		if a.CostUSD != b.CostUSD {
			return a.CostUSD > b.CostUSD
		}
		if a.Requests != b.Requests {
			return a.Requests > b.Requests
		}
		return a.Group < b.Group
	})
	return rep
}
