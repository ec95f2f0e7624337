package moderation

import (
	"cmp"
	"slices"
	"strings"
)

// matches reports whether a row passes every filter of the query.
func (q ResultQuery) matches(row QueryRow) bool {
	f := ResultFilter{Category: q.Category, Flag: q.Flag}
	if !f.matches(ResultRow{Result: row.Result, Verdict: row.Verdict}) {
		return false
	}
	if q.Mismatch && !mismatch(row.Result, row.Verdict, q.Category) {
		return false
	}
	if !q.expectedMatches(row.Result.Expected) {
		return false
	}
	t := strings.ToLower(strings.TrimSpace(q.Text))
	return t == "" || strings.Contains(strings.ToLower(row.Result.Input), t) ||
		strings.Contains(strings.ToLower(row.Result.ImagePath), t)
}

// expectedMatches applies the expected-label filter, to the query's
// category when it has one and to every label otherwise.
func (q ResultQuery) expectedMatches(labels Labels) bool {
	if q.Expected == ExpectAny {
		return true
	}
	yes, no := false, false
	for c, want := range labels {
		if q.Category != "" && c != q.Category {
			continue
		}
		yes, no = yes || want, no || !want
	}
	switch q.Expected {
	case ExpectFlagged:
		return yes
	case ExpectUnflagged:
		return no && !yes
	default: // ExpectUnlabelled
		return !yes && !no
	}
}

// sort orders rows by the query's key; ties keep the run's order.
func (q ResultQuery) sort(rows []QueryRow) {
	key := func(a, b QueryRow) int {
		switch q.Sort {
		case SortScore:
			return cmp.Compare(q.score(a), q.score(b))
		case SortInput:
			return strings.Compare(strings.ToLower(a.Result.Input), strings.ToLower(b.Result.Input))
		}
		return 0
	}
	slices.SortStableFunc(rows, func(a, b QueryRow) int {
		c := key(a, b)
		if c == 0 {
			c = cmp.Compare(a.Result.Index, b.Result.Index)
		}
		if q.Desc {
			return -c
		}
		return c
	})
}

// score is what SortScore orders by: the category's score, or the top
// category's; -1 for an item without one.
func (q ResultQuery) score(row QueryRow) float64 {
	c := q.Category
	if c == "" {
		c = row.Verdict.Top
	}
	if s, ok := row.Result.Score(c); ok {
		return s
	}
	return -1
}

// slice cuts the page the query asks for, clamping a page past the end to
// the last one.
func (q ResultQuery) slice(rows []QueryRow) (page, pages int, out []QueryRow) {
	if q.PageSize <= 0 {
		return 0, 1, append([]QueryRow{}, rows...)
	}
	pages = max(1, (len(rows)+q.PageSize-1)/q.PageSize)
	page = min(q.Page, pages-1)
	start := page * q.PageSize
	end := min(start+q.PageSize, len(rows))
	return page, pages, append([]QueryRow{}, rows[start:end]...)
}
