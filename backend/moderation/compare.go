package moderation

import (
	"fmt"

	"steward/backend/apperr"
)

// ItemChange is an item whose verdict differs between two runs.
type ItemChange struct {
	ItemID      int64   `json:"item_id"`
	Input       string  `json:"input"`
	IndexA      int     `json:"index_a"`
	IndexB      int     `json:"index_b"`
	FlaggedA    bool    `json:"flagged_a"`
	FlaggedB    bool    `json:"flagged_b"`
	TopA        string  `json:"top_a"`
	TopB        string  `json:"top_b"`
	TopScoreA   float64 `json:"top_score_a"`
	TopScoreB   float64 `json:"top_score_b"`
	FlagChanged bool    `json:"flag_changed"`
	TopChanged  bool    `json:"top_changed"`
}

// Comparison sets two runs of the same suite side by side: the items
// answered in both whose flag or top category changed.
type Comparison struct {
	RunA       Run          `json:"run_a"`
	RunB       Run          `json:"run_b"`
	Thresholds Thresholds   `json:"thresholds"`
	Compared   int          `json:"compared"`    // items answered in both runs
	Unchanged  int          `json:"unchanged"`   // of those, same flag and top category
	NotInBoth  int          `json:"not_in_both"` // items missing or unanswered in either run
	Changes    []ItemChange `json:"changes"`
}

// Compare compares two runs of the same suite under the suite's thresholds.
// Items are matched by the suite item they were copied from.
func (s *Service) Compare(runA, runB int64) (Comparison, error) {
	a, err := s.Run(runA)
	if err != nil {
		return Comparison{}, err
	}
	b, err := s.Run(runB)
	if err != nil {
		return Comparison{}, err
	}
	if a.SuiteID != b.SuiteID {
		return Comparison{}, apperr.Text(CodeCompareSuites, "moderation.compare",
			fmt.Sprintf("Runs %d and %d are of different suites; only runs of the same suite can be compared.", a.ID, b.ID),
			fmt.Sprintf("运行 %d 和 %d 属于不同的测试集；只能比较同一测试集的运行。", a.ID, b.ID))
	}
	th, err := s.runThresholds(a)
	if err != nil {
		return Comparison{}, err
	}
	ra, err := s.loadResults(a.ID)
	if err != nil {
		return Comparison{}, err
	}
	rb, err := s.loadResults(b.ID)
	if err != nil {
		return Comparison{}, err
	}
	c := CompareResults(ra, rb, th)
	c.RunA, c.RunB = a, b
	return c, nil
}

// CompareResults compares two runs' results, matched by item id.
func CompareResults(a, b []ItemResult, th Thresholds) Comparison {
	c := Comparison{Thresholds: th, Changes: []ItemChange{}}
	byItem := map[int64]ItemResult{}
	for _, r := range b {
		byItem[r.ItemID] = r
	}
	matched := 0
	for _, ra := range a {
		rb, ok := byItem[ra.ItemID]
		if !ok {
			continue
		}
		matched++
		if ra.State != StateDone || rb.State != StateDone {
			continue
		}
		c.Compared++
		va, vb := Evaluate(ra, th), Evaluate(rb, th)
		ch := ItemChange{ItemID: ra.ItemID, Input: ra.Input, IndexA: ra.Index, IndexB: rb.Index,
			FlaggedA: va.Flagged, FlaggedB: vb.Flagged, TopA: va.Top, TopB: vb.Top,
			FlagChanged: va.Flagged != vb.Flagged, TopChanged: va.Top != vb.Top}
		ch.TopScoreA, _ = ra.Score(va.Top)
		ch.TopScoreB, _ = rb.Score(vb.Top)
		if !ch.FlagChanged && !ch.TopChanged {
			c.Unchanged++
			continue
		}
		c.Changes = append(c.Changes, ch)
	}
	c.NotInBoth = len(a) + len(b) - 2*matched + (matched - c.Compared)
	return c
}
