package openai

// ModerationCategories lists the 13 categories of the current moderation
// models, in the spec's order: the one list the UI, CLI and reports show.
func ModerationCategories() []string {
	return []string{
		"hate", "hate/threatening", "harassment", "harassment/threatening", "illicit", "illicit/violent",
		"self-harm", "self-harm/intent", "self-harm/instructions", "sexual", "sexual/minors",
		"violence", "violence/graphic",
	}
}

// ModerationFlags says which categories were flagged. Illicit and
// IllicitViolent are nil when the model does not report them.
type ModerationFlags struct {
	Hate                  bool  `json:"hate"`
	HateThreatening       bool  `json:"hate/threatening"`
	Harassment            bool  `json:"harassment"`
	HarassmentThreatening bool  `json:"harassment/threatening"`
	Illicit               *bool `json:"illicit"`
	IllicitViolent        *bool `json:"illicit/violent"`
	SelfHarm              bool  `json:"self-harm"`
	SelfHarmIntent        bool  `json:"self-harm/intent"`
	SelfHarmInstructions  bool  `json:"self-harm/instructions"`
	Sexual                bool  `json:"sexual"`
	SexualMinors          bool  `json:"sexual/minors"`
	Violence              bool  `json:"violence"`
	ViolenceGraphic       bool  `json:"violence/graphic"`
}

// ModerationScores are the model's scores per category, 0 to 1. Illicit
// and IllicitViolent are nil when the model does not report them.
type ModerationScores struct {
	Hate                  float64  `json:"hate"`
	HateThreatening       float64  `json:"hate/threatening"`
	Harassment            float64  `json:"harassment"`
	HarassmentThreatening float64  `json:"harassment/threatening"`
	Illicit               *float64 `json:"illicit"`
	IllicitViolent        *float64 `json:"illicit/violent"`
	SelfHarm              float64  `json:"self-harm"`
	SelfHarmIntent        float64  `json:"self-harm/intent"`
	SelfHarmInstructions  float64  `json:"self-harm/instructions"`
	Sexual                float64  `json:"sexual"`
	SexualMinors          float64  `json:"sexual/minors"`
	Violence              float64  `json:"violence"`
	ViolenceGraphic       float64  `json:"violence/graphic"`
}

// ModerationResult is the verdict on one input. AppliedInputTypes maps a
// category to the input types ("text", "image") its score covers; it is
// nil for models that do not report it.
type ModerationResult struct {
	Flagged           bool                `json:"flagged"`
	Categories        ModerationFlags     `json:"categories"`
	CategoryScores    ModerationScores    `json:"category_scores"`
	AppliedInputTypes map[string][]string `json:"category_applied_input_types,omitempty"`
}

// CategoryResult is one category of a result, for listing.
type CategoryResult struct {
	Name      string   `json:"name"`
	Reported  bool     `json:"reported"` // false when the model has no such category
	Flagged   bool     `json:"flagged"`
	Score     float64  `json:"score"`
	AppliedTo []string `json:"applied_to,omitempty"`
}

// List returns every category in ModerationCategories order.
func (r ModerationResult) List() []CategoryResult {
	f, s := r.Categories, r.CategoryScores
	flags := []*bool{
		&f.Hate, &f.HateThreatening, &f.Harassment, &f.HarassmentThreatening, f.Illicit, f.IllicitViolent,
		&f.SelfHarm, &f.SelfHarmIntent, &f.SelfHarmInstructions, &f.Sexual, &f.SexualMinors, &f.Violence, &f.ViolenceGraphic,
	}
	scores := []*float64{
		&s.Hate, &s.HateThreatening, &s.Harassment, &s.HarassmentThreatening, s.Illicit, s.IllicitViolent,
		&s.SelfHarm, &s.SelfHarmIntent, &s.SelfHarmInstructions, &s.Sexual, &s.SexualMinors, &s.Violence, &s.ViolenceGraphic,
	}
	names := ModerationCategories()
	out := make([]CategoryResult, len(names))
	for i, n := range names {
		c := CategoryResult{Name: n, AppliedTo: r.AppliedInputTypes[n]}
		if flags[i] != nil && scores[i] != nil {
			c.Reported, c.Flagged, c.Score = true, *flags[i], *scores[i]
		}
		out[i] = c
	}
	return out
}
