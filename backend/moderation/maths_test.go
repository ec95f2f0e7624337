package moderation

import (
	"math"
	"reflect"
	"testing"
)

// result builds an answered item: every category scores 0.001 unless
// given, and OpenAI flags a category at 0.5.
func result(idx int, itemID int64, scores map[string]float64, expected Labels) ItemResult {
	r := ItemResult{Index: idx, ItemID: itemID, Input: "item", State: StateDone, Expected: expected,
		Categories: map[string]*bool{}, Scores: map[string]*float64{}, AppliedInputTypes: map[string][]string{}}
	for _, c := range Categories() {
		s, ok := scores[c]
		if !ok {
			s = 0.001
		}
		f := s >= 0.5
		r.Scores[c], r.Categories[c] = &s, &f
		r.Flagged = r.Flagged || f
		r.AppliedInputTypes[c] = []string{"text"}
	}
	return r
}

// legacy drops the illicit categories, as text-moderation models do.
func legacy(r ItemResult) ItemResult {
	for _, c := range []string{"illicit", "illicit/violent"} {
		r.Categories[c], r.Scores[c] = nil, nil
	}
	return r
}

func flagOf(v Verdict, c string) string {
	switch p := v.Categories[c]; {
	case p == nil:
		return "nil"
	case *p:
		return "true"
	}
	return "false"
}

func TestEvaluate(t *testing.T) {
	tests := []struct {
		name        string
		r           ItemResult
		th          Thresholds
		flagged     bool
		cat, catWas string
	}{
		{"OK_OpenAIFlagsWithoutThresholds", result(0, 1, map[string]float64{"violence": 0.7}, nil), nil, true, "violence", "true"},
		{"OK_StricterThresholdFlags", result(0, 1, map[string]float64{"violence": 0.4}, nil), Thresholds{"violence": 0.3}, true, "violence", "true"},
		{"OK_LooserThresholdClears", result(0, 1, map[string]float64{"violence": 0.9}, nil), Thresholds{"violence": 0.95}, false, "violence", "false"},
		{"OK_ThresholdAtScoreFlags", result(0, 1, map[string]float64{"hate": 0.25}, nil), Thresholds{"hate": 0.25}, true, "hate", "true"},
		{"OK_OtherCategoryKeepsOpenAIFlag", result(0, 1, map[string]float64{"sexual": 0.8}, nil), Thresholds{"violence": 0.9}, true, "sexual", "true"},
		{"OK_LegacyHasNoIllicit", legacy(result(0, 1, nil, nil)), Thresholds{"illicit": 0.0001}, false, "illicit", "nil"},
		{"OK_ErrorIsNeverFlagged", ItemResult{State: StateError, Flagged: true}, nil, false, "violence", "nil"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Evaluate(tt.r, tt.th)
			if v.Flagged != tt.flagged || flagOf(v, tt.cat) != tt.catWas || len(v.Categories) != 13 {
				t.Fatalf("Evaluate = flagged %v, %s %s (%d categories); want %v, %s", v.Flagged, tt.cat, flagOf(v, tt.cat), len(v.Categories), tt.flagged, tt.catWas)
			}
		})
	}
}

func TestThresholdsCheck(t *testing.T) {
	s := newTestService(t)
	su := makeSuite(t, s, "th", "x")
	for name, th := range map[string]Thresholds{
		"ErrUnknownCategory": {"violance": 0.5},
		"ErrZero":            {"violence": 0},
		"ErrAboveOne":        {"violence": 1.5},
		"ErrNaN":             {"violence": math.NaN()},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := s.SetThresholds(su.ID, th)
			if err == nil {
				t.Fatal("accepted")
			}
			bothLanguages(t, err)
		})
	}
	t.Run("OK_SavedPerSuite", func(t *testing.T) {
		got, err := s.SetThresholds(su.ID, Thresholds{"violence": 0.3, "self-harm": 0.1})
		if err != nil || !reflect.DeepEqual(got.Thresholds, Thresholds{"violence": 0.3, "self-harm": 0.1}) {
			t.Fatalf("SetThresholds = %+v, %v", got, err)
		}
		if got, _ = s.SetThresholds(su.ID, nil); len(got.Thresholds) != 0 {
			t.Fatalf("cleared thresholds = %v", got.Thresholds)
		}
	})
}

func ptrEq(p *float64, want float64) bool { return p != nil && math.Abs(*p-want) < 1e-9 }

func TestMetrics(t *testing.T) {
	results := []ItemResult{
		result(0, 1, map[string]float64{"violence": 0.9}, Labels{"violence": true}),
		result(1, 2, map[string]float64{"violence": 0.6}, Labels{"violence": false}),
		result(2, 3, map[string]float64{"violence": 0.2}, Labels{"violence": true}),
		result(3, 4, map[string]float64{"violence": 0.01}, Labels{"violence": false, "illicit": true}),
		result(4, 5, map[string]float64{"violence": 0.99}, Labels{}), // unknown: left out
		legacy(result(5, 6, nil, Labels{"illicit": false})),          // unscored: left out
		{Index: 6, ItemID: 7, State: StateError, Expected: Labels{"violence": true}},
	}
	t.Run("OK_PrecisionRecall", func(t *testing.T) {
		m := ComputeMetrics(results, nil)
		v := m[11]
		if v.Category != "violence" || v.Labelled != 4 || v.Counts != (Counts{TP: 1, FP: 1, FN: 1, TN: 1}) ||
			!ptrEq(v.Precision, 0.5) || !ptrEq(v.Recall, 0.5) {
			t.Fatalf("violence = %+v", v)
		}
		il := m[4]
		if il.Category != "illicit" || il.Labelled != 1 || il.Counts != (Counts{FN: 1}) || il.Precision != nil || !ptrEq(il.Recall, 0) {
			t.Fatalf("illicit = %+v", il)
		}
		if h := m[0]; h.Labelled != 0 || h.Precision != nil || h.Recall != nil {
			t.Fatalf("hate = %+v", h)
		}
	})
	t.Run("OK_ThresholdsChangePredictions", func(t *testing.T) {
		v := ComputeMetrics(results, Thresholds{"violence": 0.15})[11]
		if v.Counts != (Counts{TP: 2, FP: 1, TN: 1}) || !ptrEq(v.Recall, 1) {
			t.Fatalf("violence at 0.15 = %+v", v)
		}
	})
	t.Run("OK_Sweep", func(t *testing.T) {
		sw := Sweep(results)[11]
		if sw.Labelled != 4 || len(sw.Points) != 19 || sw.Points[0].Threshold != 0.05 || sw.Points[18].Threshold != 0.95 || sw.Points[2].Threshold != 0.15 {
			t.Fatalf("sweep shape = %+v", sw)
		}
		low, mid, high := sw.Points[0], sw.Points[9], sw.Points[18] // 0.05, 0.50, 0.95
		if low.Counts != (Counts{TP: 2, FP: 1, TN: 1}) || !ptrEq(low.Precision, 2.0/3) || !ptrEq(low.Recall, 1) {
			t.Fatalf("at 0.05: %+v", low)
		}
		if mid.Counts != (Counts{TP: 1, FP: 1, FN: 1, TN: 1}) {
			t.Fatalf("at 0.50: %+v", mid)
		}
		if high.Counts != (Counts{FN: 2, TN: 2}) || high.Precision != nil || !ptrEq(high.Recall, 0) {
			t.Fatalf("at 0.95: %+v", high)
		}
	})
}

func TestCompareResults(t *testing.T) {
	a := []ItemResult{
		result(0, 1, map[string]float64{"violence": 0.7}, nil),
		result(1, 2, map[string]float64{"hate": 0.2, "harassment": 0.1}, nil),
		result(2, 3, map[string]float64{"sexual": 0.9}, nil),
		result(3, 4, nil, nil),
		result(4, 5, nil, nil),
	}
	b := []ItemResult{
		result(0, 1, map[string]float64{"violence": 0.3}, nil),                // flag changed
		result(1, 2, map[string]float64{"hate": 0.1, "harassment": 0.2}, nil), // top changed
		result(2, 3, map[string]float64{"sexual": 0.95}, nil),                 // same
		{Index: 3, ItemID: 5, State: StateError, Error: "HTTP 400"},           // not answered in B
		result(4, 6, nil, nil), // only in B
	}
	c := CompareResults(a, b, nil)
	if c.Compared != 3 || c.Unchanged != 1 || c.NotInBoth != 3 || len(c.Changes) != 2 {
		t.Fatalf("Comparison = %+v", c)
	}
	flag, top := c.Changes[0], c.Changes[1]
	if !flag.FlagChanged || !flag.FlaggedA || flag.FlaggedB || flag.TopChanged || flag.TopScoreA != 0.7 {
		t.Fatalf("flag change = %+v", flag)
	}
	if top.FlagChanged || !top.TopChanged || top.TopA != "hate" || top.TopB != "harassment" {
		t.Fatalf("top change = %+v", top)
	}
	if c = CompareResults(a, b, Thresholds{"violence": 0.25}); len(c.Changes) != 1 || c.Changes[0].ItemID != 2 {
		t.Fatalf("with thresholds: %+v", c.Changes)
	}
}
