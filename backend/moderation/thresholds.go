package moderation

import (
	"database/sql"
	"fmt"
	"math"

	"steward/backend/apperr"
)

// Thresholds are a team's own cut-offs, per category: a category counts as
// flagged when its score is at or above its threshold, which may be
// stricter (lower) or looser (higher) than OpenAI's. A category without
// one keeps OpenAI's flag.
type Thresholds map[string]float64

// Verdict is an item's flags once thresholds are applied. Categories has
// all 13 categories; one the model does not report is nil.
type Verdict struct {
	Flagged    bool             `json:"flagged"`
	Categories map[string]*bool `json:"categories"`
	Top        string           `json:"top"` // the highest-scoring category
}

// Evaluate recomputes a result's flags under thresholds. An item without
// an answer is not flagged.
func Evaluate(r ItemResult, t Thresholds) Verdict {
	v := Verdict{Categories: map[string]*bool{}}
	if r.State != StateDone {
		for _, c := range Categories() {
			v.Categories[c] = nil
		}
		return v
	}
	v.Top = r.TopCategory()
	for _, c := range Categories() {
		score, scored := r.Score(c)
		openaiFlag := r.Categories[c]
		var flag *bool
		switch th, custom := t[c]; {
		case custom && scored:
			f := score >= th
			flag = &f
		case openaiFlag != nil:
			f := *openaiFlag
			flag = &f
		case scored:
			f := false
			flag = &f
		}
		v.Categories[c] = flag
		v.Flagged = v.Flagged || (flag != nil && *flag)
	}
	if len(t) == 0 {
		v.Flagged = r.Flagged
	}
	return v
}

// check refuses unknown categories and thresholds outside (0, 1].
func (t Thresholds) check(op string) error {
	for c, v := range t {
		if !IsCategory(c) {
			return errLabelUnknown(op, c)
		}
		if math.IsNaN(v) || v <= 0 || v > 1 {
			return apperr.Text(CodeThreshold, op,
				fmt.Sprintf("The threshold for %s must be above 0 and at most 1 (it is %g).", c, v),
				fmt.Sprintf("%s 的阈值必须大于 0 且不超过 1（当前为 %g）。", CategoryLabel(c, "zh-CN"), v))
		}
	}
	return nil
}

// SetThresholds saves a suite's custom thresholds, replacing the old ones;
// an empty set goes back to OpenAI's flags.
func (s *Service) SetThresholds(suiteID int64, t Thresholds) (Suite, error) {
	if t == nil {
		t = Thresholds{}
	}
	if err := t.check("moderation.set_thresholds"); err != nil {
		return Suite{}, err
	}
	err := s.write("save thresholds", func(tx *sql.Tx) error {
		res, err := tx.Exec(`UPDATE moderation_suites SET thresholds = ?, updated_at = ? WHERE id = ?`, marshal(t), s.stamp(), suiteID)
		return mustAffect(res, err, errSuiteUnknown("moderation.set_thresholds", suiteID))
	})
	if err != nil {
		return Suite{}, err
	}
	return s.Suite(suiteID)
}

// runThresholds returns the thresholds saved for a run's suite.
func (s *Service) runThresholds(run Run) (Thresholds, error) {
	su, err := s.Suite(run.SuiteID)
	if err != nil {
		return nil, err
	}
	return su.Thresholds, nil
}
