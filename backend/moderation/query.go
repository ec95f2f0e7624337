package moderation

import (
	"context"
	"fmt"
	"slices"

	"steward/backend/apperr"
)

// Expected-label filters for ResultQuery.Expected.
const (
	ExpectAny        = ""           // every item
	ExpectFlagged    = "flagged"    // labelled as flagged (in the category, or in any)
	ExpectUnflagged  = "unflagged"  // labelled, and not as flagged
	ExpectUnlabelled = "unlabelled" // no label (in the category, or at all)
)

// Sort keys for ResultQuery.Sort.
const (
	SortIndex = "index" // the item's place in the run (the default)
	SortScore = "score" // the category's score, or the highest score
	SortInput = "input" // the prompt's text
)

// ResultQuery asks for one page of a run's results table. Filters combine;
// flags are judged with Thresholds when set, else with the suite's.
type ResultQuery struct {
	Category string `json:"category"` // only items flagged in this category; "" for any
	Flag     string `json:"flag"`     // "", flagged, unflagged, error or pending
	Expected string `json:"expected"` // "", flagged, unflagged or unlabelled
	Mismatch bool   `json:"mismatch"` // only answered items whose flags disagree with a label
	Text     string `json:"text"`     // only inputs or image paths containing this (case-insensitive)
	// Thresholds judge the flags instead of the suite's saved ones (the
	// thresholds being edited); nil means the suite's, {} OpenAI's flags.
	Thresholds Thresholds `json:"thresholds"`
	Sort       string     `json:"sort"`      // index (default), score or input
	Desc       bool       `json:"desc"`      // descending
	Page       int        `json:"page"`      // from 0; past the end gives the last page
	PageSize   int        `json:"page_size"` // 0 means every row on one page
}

// ResultCounts counts every row of a run under the query's thresholds,
// whatever the filters.
type ResultCounts struct {
	Total     int `json:"total"`
	Flagged   int `json:"flagged"`
	Unflagged int `json:"unflagged"`
	Errors    int `json:"errors"`
	Pending   int `json:"pending"`
	// Changed counts answered rows whose verdict differs from OpenAI's.
	Changed     int            `json:"changed"`
	Mismatched  int            `json:"mismatched"`   // answered rows whose flags disagree with a label
	PerCategory map[string]int `json:"per_category"` // flagged rows per category
}

// QueryRow is one row of a queried page.
type QueryRow struct {
	Result   ItemResult `json:"result"`
	Verdict  Verdict    `json:"verdict"`
	Changed  bool       `json:"changed"`  // the verdict differs from OpenAI's
	Mismatch bool       `json:"mismatch"` // the flags disagree with an expected label
}

// QueryPage is one page of a run's results table.
type QueryPage struct {
	Run        Run          `json:"run"`
	Thresholds Thresholds   `json:"thresholds"` // the thresholds the flags were judged with
	Counts     ResultCounts `json:"counts"`
	Matching   int          `json:"matching"` // rows that pass the filters
	Page       int          `json:"page"`
	Pages      int          `json:"pages"` // at least 1
	Rows       []QueryRow   `json:"rows"`
}

// QueryResults filters, sorts and pages a run's results table.
func (s *Service) QueryResults(ctx context.Context, runID int64, q ResultQuery) (QueryPage, error) {
	const op = "moderation.query"
	if err := q.check(op); err != nil {
		return QueryPage{}, err
	}
	run, err := s.Run(runID)
	if err != nil {
		return QueryPage{}, err
	}
	th := q.Thresholds
	if th == nil {
		if th, err = s.runThresholds(run); err != nil {
			return QueryPage{}, err
		}
	}
	all, err := s.loadResults(runID)
	if err != nil {
		return QueryPage{}, err
	}
	if err := ctx.Err(); err != nil {
		return QueryPage{}, fmt.Errorf("%s: %w", op, err)
	}
	rows, counts := judge(all, th)
	matching := slices.DeleteFunc(rows, func(r QueryRow) bool { return !q.matches(r) })
	q.sort(matching)
	page := QueryPage{Run: run, Thresholds: th, Counts: counts, Matching: len(matching)}
	page.Page, page.Pages, page.Rows = q.slice(matching)
	return page, nil
}

// check refuses filters and sort keys it does not know.
func (q ResultQuery) check(op string) error {
	if q.Category != "" && !IsCategory(q.Category) {
		return errLabelUnknown(op, q.Category)
	}
	bad := func(what, value, valid string) error {
		return apperr.Text(apperr.Invalid, op,
			fmt.Sprintf("%q is not a %s. Use one of: %s.", value, what, valid),
			fmt.Sprintf("“%s”不是有效的%s。可用：%s。", value, map[string]string{"flag filter": "标记筛选", "label filter": "标签筛选", "sort key": "排序方式", "page": "页码"}[what], valid))
	}
	switch {
	case !slices.Contains([]string{FilterAll, FilterFlagged, FilterUnflagged, FilterErrors, FilterPending}, q.Flag):
		return bad("flag filter", q.Flag, "flagged, unflagged, error, pending")
	case !slices.Contains([]string{ExpectAny, ExpectFlagged, ExpectUnflagged, ExpectUnlabelled}, q.Expected):
		return bad("label filter", q.Expected, "flagged, unflagged, unlabelled")
	case !slices.Contains([]string{"", SortIndex, SortScore, SortInput}, q.Sort):
		return bad("sort key", q.Sort, "index, score, input")
	case q.Page < 0 || q.PageSize < 0:
		return bad("page", fmt.Sprintf("%d/%d", q.Page, q.PageSize), "0 or more")
	}
	return q.Thresholds.check(op)
}

// judge evaluates every result under th and counts the rows.
func judge(all []ItemResult, th Thresholds) ([]QueryRow, ResultCounts) {
	c := ResultCounts{Total: len(all), PerCategory: map[string]int{}}
	for _, cat := range Categories() {
		c.PerCategory[cat] = 0
	}
	rows := make([]QueryRow, len(all))
	for i, r := range all {
		v := Evaluate(r, th)
		row := QueryRow{Result: r, Verdict: v, Changed: r.State == StateDone && v.Flagged != r.Flagged, Mismatch: mismatch(r, v, "")}
		rows[i] = row
		switch {
		case r.State == StateError:
			c.Errors++
		case r.State == StatePending:
			c.Pending++
		case v.Flagged:
			c.Flagged++
		default:
			c.Unflagged++
		}
		if row.Changed {
			c.Changed++
		}
		if row.Mismatch {
			c.Mismatched++
		}
		for cat, f := range v.Categories {
			if f != nil && *f {
				c.PerCategory[cat]++
			}
		}
	}
	return rows, c
}

// mismatch reports an answered item whose flag in category (any labelled
// category when "") differs from its expected label.
func mismatch(r ItemResult, v Verdict, category string) bool {
	if r.State != StateDone {
		return false
	}
	for c, want := range r.Expected {
		if category != "" && c != category {
			continue
		}
		if got := v.Categories[c]; got != nil && *got != want {
			return true
		}
	}
	return false
}
