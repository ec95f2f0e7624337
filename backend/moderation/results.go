package moderation

import (
	"strings"

	"steward/backend/apperr"
)

// Flag filters for ResultFilter.Flag.
const (
	FilterAll       = ""          // every item
	FilterFlagged   = "flagged"   // answered and flagged
	FilterUnflagged = "unflagged" // answered and not flagged
	FilterErrors    = "error"     // ended in an error
	FilterPending   = "pending"   // not answered yet
)

// ResultFilter selects rows of a run's results table. Flags are judged
// with the suite's thresholds when it has any.
type ResultFilter struct {
	Category string `json:"category"` // only items flagged in this category; "" for any
	Flag     string `json:"flag"`     // "", flagged, unflagged, error or pending
	Search   string `json:"search"`   // only inputs containing this text (case-insensitive)
	Offset   int    `json:"offset"`
	Limit    int    `json:"limit"` // 0 means all
}

// ResultRow is one row of the results table: the stored result and the
// verdict under the suite's thresholds.
type ResultRow struct {
	Result  ItemResult `json:"result"`
	Verdict Verdict    `json:"verdict"`
}

// ResultPage is a page of the results table and how many rows match in
// all.
type ResultPage struct {
	Run        Run         `json:"run"`
	Thresholds Thresholds  `json:"thresholds"`
	Total      int         `json:"total"`
	Rows       []ResultRow `json:"rows"`
}

// Results returns a run's results table, filtered and paged.
func (s *Service) Results(runID int64, f ResultFilter) (ResultPage, error) {
	run, err := s.Run(runID)
	if err != nil {
		return ResultPage{}, err
	}
	if f.Category != "" && !IsCategory(f.Category) {
		return ResultPage{}, errLabelUnknown("moderation.results", f.Category)
	}
	switch f.Flag {
	case FilterAll, FilterFlagged, FilterUnflagged, FilterErrors, FilterPending:
	default:
		return ResultPage{}, apperr.New(apperr.Invalid, "moderation.results", "what", "flag filter "+f.Flag,
			"why", "use flagged, unflagged, error or pending")
	}
	th, err := s.runThresholds(run)
	if err != nil {
		return ResultPage{}, err
	}
	all, err := s.loadResults(runID)
	if err != nil {
		return ResultPage{}, err
	}
	page := ResultPage{Run: run, Thresholds: th, Rows: []ResultRow{}}
	for _, r := range all {
		row := ResultRow{Result: r, Verdict: Evaluate(r, th)}
		if !f.matches(row) {
			continue
		}
		page.Total++
		if page.Total > f.Offset && (f.Limit <= 0 || len(page.Rows) < f.Limit) {
			page.Rows = append(page.Rows, row)
		}
	}
	return page, nil
}

func (f ResultFilter) matches(row ResultRow) bool {
	r, v := row.Result, row.Verdict
	switch f.Flag {
	case FilterFlagged:
		if r.State != StateDone || !v.Flagged {
			return false
		}
	case FilterUnflagged:
		if r.State != StateDone || v.Flagged {
			return false
		}
	case FilterErrors, FilterPending:
		if r.State != f.Flag {
			return false
		}
	}
	if f.Category != "" {
		if c := v.Categories[f.Category]; c == nil || !*c {
			return false
		}
	}
	if q := strings.TrimSpace(f.Search); q != "" && !strings.Contains(strings.ToLower(r.Input), strings.ToLower(q)) {
		return false
	}
	return true
}
