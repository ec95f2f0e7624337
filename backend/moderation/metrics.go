package moderation

import "math"

// Counts is a confusion matrix for one category.
type Counts struct {
	TP int `json:"tp"` // expected and flagged
	FP int `json:"fp"` // flagged, not expected
	FN int `json:"fn"` // expected, not flagged
	TN int `json:"tn"` // neither
}

// Precision is TP/(TP+FP), or nil when nothing was flagged.
func (c Counts) Precision() *float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), or nil when nothing was expected.
func (c Counts) Recall() *float64 { return ratio(c.TP, c.TP+c.FN) }

func ratio(a, b int) *float64 {
	if b == 0 {
		return nil
	}
	v := float64(a) / float64(b)
	return &v
}

// CategoryMetrics is how well flags in one category match the expected
// labels. Only items with a known label and a score count.
type CategoryMetrics struct {
	Category  string   `json:"category"`
	Labelled  int      `json:"labelled"`
	Counts    Counts   `json:"counts"`
	Precision *float64 `json:"precision"`
	Recall    *float64 `json:"recall"`
}

// SweepPoint is precision and recall if a category's threshold were
// Threshold.
type SweepPoint struct {
	Threshold float64  `json:"threshold"`
	Counts    Counts   `json:"counts"`
	Precision *float64 `json:"precision"`
	Recall    *float64 `json:"recall"`
}

// CategorySweep is one category's precision and recall at each threshold
// from 0.05 to 0.95.
type CategorySweep struct {
	Category string       `json:"category"`
	Labelled int          `json:"labelled"`
	Points   []SweepPoint `json:"points"`
}

// RunMetrics are a labelled run's precision and recall per category, under
// the suite's thresholds, and the threshold sweep.
type RunMetrics struct {
	RunID      int64             `json:"run_id"`
	Thresholds Thresholds        `json:"thresholds"`
	Labelled   int               `json:"labelled"` // answered items with at least one known label
	Categories []CategoryMetrics `json:"categories"`
	Sweep      []CategorySweep   `json:"sweep"`
}

// SweepThresholds are the thresholds the sweep tries: 0.05, 0.10 … 0.95.
func SweepThresholds() []float64 {
	out := make([]float64, 0, 19)
	for i := 1; i <= 19; i++ {
		out = append(out, math.Round(float64(i)*5)/100)
	}
	return out
}

// Metrics computes a run's precision, recall and threshold sweep against
// its items' expected labels.
func (s *Service) Metrics(runID int64) (RunMetrics, error) {
	run, err := s.Run(runID)
	if err != nil {
		return RunMetrics{}, err
	}
	th, err := s.runThresholds(run)
	if err != nil {
		return RunMetrics{}, err
	}
	results, err := s.loadResults(runID, StateDone)
	if err != nil {
		return RunMetrics{}, err
	}
	m := RunMetrics{RunID: runID, Thresholds: th, Categories: ComputeMetrics(results, th), Sweep: Sweep(results)}
	for _, r := range results {
		if len(r.Expected) > 0 {
			m.Labelled++
		}
	}
	return m, nil
}

// ComputeMetrics compares flags under thresholds with expected labels,
// per category. Unknown labels and unscored categories are left out of
// that category's counts.
func ComputeMetrics(results []ItemResult, th Thresholds) []CategoryMetrics {
	out := make([]CategoryMetrics, 0, len(Categories()))
	verdicts := make([]Verdict, len(results))
	for i, r := range results {
		verdicts[i] = Evaluate(r, th)
	}
	for _, c := range Categories() {
		m := CategoryMetrics{Category: c}
		for i, r := range results {
			want, known := r.Expected[c]
			got := verdicts[i].Categories[c]
			if !known || r.State != StateDone || got == nil {
				continue
			}
			m.Labelled++
			m.Counts.add(want, *got)
		}
		m.Precision, m.Recall = m.Counts.Precision(), m.Counts.Recall()
		out = append(out, m)
	}
	return out
}

// Sweep computes, for every category, precision and recall at each of
// SweepThresholds, so a team can pick thresholds from evidence.
func Sweep(results []ItemResult) []CategorySweep {
	out := make([]CategorySweep, 0, len(Categories()))
	for _, c := range Categories() {
		cs := CategorySweep{Category: c, Points: make([]SweepPoint, 0, 19)}
		type pair struct {
			want  bool
			score float64
		}
		var pairs []pair
		for _, r := range results {
			want, known := r.Expected[c]
			score, scored := r.Score(c)
			if known && scored && r.State == StateDone {
				pairs = append(pairs, pair{want, score})
			}
		}
		cs.Labelled = len(pairs)
		for _, t := range SweepThresholds() {
			p := SweepPoint{Threshold: t}
			for _, x := range pairs {
				p.Counts.add(x.want, x.score >= t)
			}
			p.Precision, p.Recall = p.Counts.Precision(), p.Counts.Recall()
			cs.Points = append(cs.Points, p)
		}
		out = append(out, cs)
	}
	return out
}

func (c *Counts) add(want, got bool) {
	switch {
	case want && got:
		c.TP++
	case got:
		c.FP++
	case want:
		c.FN++
	default:
		c.TN++
	}
}
