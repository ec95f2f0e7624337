package moderation

import (
	"context"
	"slices"
	"strings"
	"testing"

	"steward/backend/apperr"
)

// queryHarness is a completed run of a labelled suite.
func queryHarness(t *testing.T) (*harness, Run) {
	t.Helper()
	h := newHarness(t)
	su := makeSuite(t, h.svc, "query")
	for _, in := range []ItemInput{
		{Text: "I will kill them", Expected: Labels{"violence": true, "harassment": true}},
		{Text: "how to shoplift a watch", Expected: Labels{"illicit": true, "violence": false}},
		{Text: "a calm walk in the park", Expected: Labels{"violence": false, "illicit": false}},
		{Text: "this violent film", Expected: Labels{"violence": false}},
		{Text: "Another Calm day"},
	} {
		if _, err := h.svc.AddItem(su.ID, in); err != nil {
			t.Fatal(err)
		}
	}
	run, err := h.svc.StartRun(su.ID, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return h, run
}

func TestQueryResults(t *testing.T) {
	h, run := queryHarness(t)
	ctx := context.Background()
	query := func(t *testing.T, q ResultQuery) QueryPage {
		t.Helper()
		p, err := h.svc.QueryResults(ctx, run.ID, q)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}

	t.Run("OK_All", func(t *testing.T) {
		p := query(t, ResultQuery{})
		c := p.Counts
		if c.Total != 5 || p.Matching != 5 || len(p.Rows) != 5 || p.Pages != 1 || c.Flagged+c.Unflagged+c.Errors+c.Pending != 5 {
			t.Fatalf("page = %+v", p)
		}
		for i, r := range p.Rows {
			if r.Result.Index != i {
				t.Fatalf("row %d has index %d", i, r.Result.Index)
			}
		}
	})
	t.Run("OK_FlagAndCategory", func(t *testing.T) {
		all := query(t, ResultQuery{})
		flagged := query(t, ResultQuery{Flag: FilterFlagged})
		unflagged := query(t, ResultQuery{Flag: FilterUnflagged})
		if flagged.Matching != all.Counts.Flagged || unflagged.Matching != all.Counts.Unflagged || flagged.Matching == 0 {
			t.Fatalf("flagged %d, unflagged %d, counts %+v", flagged.Matching, unflagged.Matching, all.Counts)
		}
		v := query(t, ResultQuery{Category: "violence"})
		if v.Matching != all.Counts.PerCategory["violence"] {
			t.Fatalf("violence rows %d, counted %d", v.Matching, all.Counts.PerCategory["violence"])
		}
		for _, r := range v.Rows {
			if f := r.Verdict.Categories["violence"]; f == nil || !*f {
				t.Fatalf("row not flagged for violence: %+v", r.Verdict)
			}
		}
	})
	t.Run("OK_DraftThresholds", func(t *testing.T) {
		// Flag violence at any score: the items labelled not violent now disagree.
		p := query(t, ResultQuery{Thresholds: Thresholds{"violence": 0.000001}, Mismatch: true, Category: "violence"})
		if p.Matching < 3 || p.Counts.Mismatched < 3 || p.Thresholds["violence"] != 0.000001 {
			t.Fatalf("page = %+v", p)
		}
		for _, r := range p.Rows {
			if r.Result.Expected["violence"] {
				t.Fatalf("an item labelled violent counted as a mismatch: %+v", r.Result)
			}
		}
		if saved := query(t, ResultQuery{}); len(saved.Thresholds) != 0 {
			t.Fatalf("the draft was saved: %+v", saved.Thresholds)
		}
	})
	t.Run("OK_Expected", func(t *testing.T) {
		// Every answered item is flagged for violence at this threshold, so
		// the label filter alone decides, on the violence label.
		cases := map[string][]string{
			ExpectFlagged:    {"I will kill them"},
			ExpectUnflagged:  {"a calm walk in the park", "this violent film", "how to shoplift a watch"},
			ExpectUnlabelled: {"Another Calm day"},
		}
		for exp, want := range cases {
			p := query(t, ResultQuery{Expected: exp, Category: "violence", Thresholds: Thresholds{"violence": 0.000001}})
			if got := inputs(p.Rows); !sameSet(got, want) {
				t.Errorf("Expected=%s: %v, want %v", exp, got, want)
			}
		}
		if p := query(t, ResultQuery{Expected: ExpectUnlabelled}); !sameSet(inputs(p.Rows), []string{"Another Calm day"}) {
			t.Errorf("unlabelled in any category: %v", inputs(p.Rows))
		}
	})
	t.Run("OK_TextSortPage", func(t *testing.T) {
		if p := query(t, ResultQuery{Text: "  CALM "}); !sameSet(inputs(p.Rows), []string{"a calm walk in the park", "Another Calm day"}) {
			t.Fatalf("text filter: %v", inputs(p.Rows))
		}
		byInput := query(t, ResultQuery{Sort: SortInput, Desc: true})
		if got := inputs(byInput.Rows); !slices.IsSortedFunc(got, func(a, b string) int { return strings.Compare(strings.ToLower(b), strings.ToLower(a)) }) {
			t.Fatalf("not sorted by input, descending: %v", got)
		}
		byScore := query(t, ResultQuery{Sort: SortScore, Category: "", Desc: true})
		for i := 1; i < len(byScore.Rows); i++ {
			if byScore.score(i-1) < byScore.score(i) {
				t.Fatalf("not sorted by score: %v", inputs(byScore.Rows))
			}
		}
		var paged []string
		for page := 0; page < 3; page++ {
			p := query(t, ResultQuery{Sort: SortInput, Page: page, PageSize: 2})
			if p.Pages != 3 || p.Page != page || p.Matching != 5 {
				t.Fatalf("page %d = %+v", page, p)
			}
			paged = append(paged, inputs(p.Rows)...)
		}
		if whole := inputs(query(t, ResultQuery{Sort: SortInput}).Rows); !slices.Equal(paged, whole) {
			t.Fatalf("pages %v, whole %v", paged, whole)
		}
		if p := query(t, ResultQuery{Page: 9, PageSize: 2}); p.Page != 2 || len(p.Rows) != 1 {
			t.Fatalf("a page past the end = %+v", p)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		for _, q := range []ResultQuery{{Flag: "maybe"}, {Expected: "sometimes"}, {Sort: "colour"}, {Page: -1}} {
			_, err := h.svc.QueryResults(ctx, run.ID, q)
			wantCode(t, err, apperr.Invalid)
		}
		_, err := h.svc.QueryResults(ctx, run.ID, ResultQuery{Category: "weather"})
		wantCode(t, err, CodeLabelUnknown)
		_, err = h.svc.QueryResults(ctx, run.ID, ResultQuery{Thresholds: Thresholds{"violence": 2}})
		wantCode(t, err, CodeThreshold)
		_, err = h.svc.QueryResults(ctx, run.ID+100, ResultQuery{})
		wantCode(t, err, CodeRunUnknown)
	})
}

// score is the top score of row i, as SortScore sees it.
func (p QueryPage) score(i int) float64 { return ResultQuery{}.score(p.Rows[i]) }

func inputs(rows []QueryRow) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Result.Input
	}
	return out
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
