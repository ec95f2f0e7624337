package privacy

import (
	"bytes"
	"context"
)

// Screen is the privacy questionnaire and drafts as the GUI calls them: the
// service's methods without a context (Wails binds plain values).
type Screen struct {
	s       *Service
	sources func() Sources
}

// NewScreen wraps the service for binding; sources supplies what the rest of
// the app knows, for suggestions.
func NewScreen(s *Service, sources func() Sources) *Screen {
	return &Screen{s: s, sources: sources}
}

// Questions lists the questionnaire in order.
func (sc *Screen) Questions() []Question { return Questions() }

// Regimes lists the bodies of rules the completeness check knows.
func (sc *Screen) Regimes() []Regime { return Regimes() }

// Answers returns the saved answers.
func (sc *Screen) Answers() (Answers, error) { return sc.s.Answers(context.Background()) }

// SaveAnswers saves the answers and returns the completeness check.
func (sc *Screen) SaveAnswers(a Answers) (CheckResult, error) {
	if err := sc.s.SaveAnswers(context.Background(), a); err != nil {
		return CheckResult{}, err
	}
	return Check(a), nil
}

// Check returns the completeness check of the saved answers.
func (sc *Screen) Check() (CheckResult, error) {
	a, err := sc.Answers()
	if err != nil {
		return CheckResult{}, err
	}
	return Check(a), nil
}

// Preview renders the saved answers' draft as self-contained HTML in lang.
func (sc *Screen) Preview(lang string) (string, error) {
	a, err := sc.Answers()
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := RenderDraft(&buf, a, lang, "html"); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// Suggestions gathers prefill suggestions from the rest of the app.
func (sc *Screen) Suggestions() []Suggestion {
	return Prefill(context.Background(), sc.sources())
}

// Accept applies a suggestion to the saved answers and saves them.
func (sc *Screen) Accept(sg Suggestion) (Answers, error) {
	a, err := sc.Answers()
	if err != nil {
		return Answers{}, err
	}
	if a, err = Accept(a, sg); err != nil {
		return Answers{}, err
	}
	return a, sc.s.SaveAnswers(context.Background(), a)
}

// SaveDraft keeps the current draft in lang as a new version.
func (sc *Screen) SaveDraft(lang string) (SavedDraft, error) {
	a, err := sc.Answers()
	if err != nil {
		return SavedDraft{}, err
	}
	return sc.s.SaveDraft(context.Background(), a, lang)
}

// Drafts lists the saved versions, newest first.
func (sc *Screen) Drafts() ([]DraftSummary, error) { return sc.s.Drafts(context.Background()) }

// Draft returns one saved version.
func (sc *Screen) Draft(id int64) (SavedDraft, error) {
	return sc.s.DraftByID(context.Background(), id)
}

// Compare diffs two saved versions, from a to b.
func (sc *Screen) Compare(a, b int64) ([]DiffLine, error) {
	da, err := sc.Draft(a)
	if err != nil {
		return nil, err
	}
	db, err := sc.Draft(b)
	if err != nil {
		return nil, err
	}
	return Compare(da, db), nil
}
