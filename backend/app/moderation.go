package app

import (
	"context"
	"slices"

	"steward/backend/apperr"
	"steward/backend/checks"
	"steward/backend/moderation"
	"steward/backend/openai"
	"steward/backend/pii"
)

// Moderation is the moderation tester: suites, runs against the moderation
// endpoint with the key chosen for Steward's own calls, results and reports.
type Moderation struct {
	c   *core
	svc *moderation.Service
}

func newModeration(c *core) *Moderation {
	m := &Moderation{c: c}
	m.svc = moderation.New(c.store, moderation.Options{Runner: moderation.RunnerConfig{
		Config:   func() (openai.Config, error) { return c.ownKey(c.base) },
		Observer: c.observer(),
		Progress: moderation.ProgressFunc(func(p moderation.Progress) {
			c.opts.Events.Emit(EventModerationProgress, p)
			if p.Final {
				c.sourceChanged(checks.SourceModeration)
			}
		}),
		PII:     func() string { return c.moderationPII(c.base) },
		Context: c.base,
	}})
	return m
}

// moderationPII is the PII pre-screen policy runs apply: off by default.
func (c *core) moderationPII(ctx context.Context) string {
	v, _ := c.settings.Value(ctx, SettingModerationPII)
	if slices.Contains(moderation.PIIPolicies, v) {
		return v
	}
	return moderation.PIIOff
}

func (c *core) setModerationPII(ctx context.Context, policy string) error {
	if !slices.Contains(moderation.PIIPolicies, policy) {
		return apperr.New(apperr.Invalid, "app.moderation_pii", "what", policy, "why", "use off, redact or block")
	}
	return c.settings.SetValue(ctx, SettingModerationPII, policy)
}

// ModerationKey is the label of the key Steward's own calls use ("" if none chosen).
func (m *Moderation) ModerationKey(ctx context.Context) (string, error) {
	return m.c.settings.Value(ctx, SettingModerationKey)
}

// SetModerationKey chooses the registered key Steward's own calls use.
func (m *Moderation) SetModerationKey(ctx context.Context, label string) (string, error) {
	return m.c.setKeyLabel(ctx, SettingModerationKey, label)
}

// ModerationPII is the PII pre-screen policy: off, redact or block.
func (m *Moderation) ModerationPII(ctx context.Context) (string, error) {
	return m.c.moderationPII(ctx), nil
}

// SetModerationPII sets what runs do with prompts that contain personal
// data: send them (off), redact them to typed placeholders, or block them.
func (m *Moderation) SetModerationPII(ctx context.Context, policy string) (string, error) {
	return policy, m.c.setModerationPII(ctx, policy)
}

// ListSuites lists the suites.
func (m *Moderation) ListSuites(context.Context) ([]moderation.Suite, error) {
	return m.svc.ListSuites()
}

// Suite returns one suite.
func (m *Moderation) Suite(_ context.Context, id int64) (moderation.Suite, error) {
	return m.svc.Suite(id)
}

// SuiteByName returns the suite with that name.
func (m *Moderation) SuiteByName(_ context.Context, name string) (moderation.Suite, error) {
	return m.svc.SuiteByName(name)
}

// CreateSuite creates an empty suite.
func (m *Moderation) CreateSuite(_ context.Context, name string) (moderation.Suite, error) {
	return m.svc.CreateSuite(name)
}

// CreateStarterSuite creates the shipped starter suite.
func (m *Moderation) CreateStarterSuite(context.Context) (moderation.Suite, error) {
	return m.svc.CreateStarterSuite()
}

// RenameSuite renames a suite.
func (m *Moderation) RenameSuite(_ context.Context, id int64, name string) (moderation.Suite, error) {
	return m.svc.RenameSuite(id, name)
}

// DeleteSuite deletes a suite and its runs.
func (m *Moderation) DeleteSuite(_ context.Context, id int64) error { return m.svc.DeleteSuite(id) }

// SetThresholds sets a suite's per-category thresholds.
func (m *Moderation) SetThresholds(_ context.Context, suiteID int64, t moderation.Thresholds) (moderation.Suite, error) {
	return m.svc.SetThresholds(suiteID, t)
}

// Items lists a suite's prompts.
func (m *Moderation) Items(_ context.Context, suiteID int64) ([]moderation.Item, error) {
	return m.svc.Items(suiteID)
}

// AddItem adds a prompt to a suite.
func (m *Moderation) AddItem(_ context.Context, suiteID int64, in moderation.ItemInput) (moderation.Item, error) {
	return m.svc.AddItem(suiteID, in)
}

// UpdateItem changes a prompt.
func (m *Moderation) UpdateItem(_ context.Context, itemID int64, in moderation.ItemInput) (moderation.Item, error) {
	return m.svc.UpdateItem(itemID, in)
}

// RemoveItem removes a prompt.
func (m *Moderation) RemoveItem(_ context.Context, itemID int64) error {
	return m.svc.RemoveItem(itemID)
}

// ImportFile adds the prompts of a file to a suite.
func (m *Moderation) ImportFile(_ context.Context, suiteID int64, path string, opts moderation.ImportOptions) (moderation.ImportResult, error) {
	return m.svc.ImportFile(suiteID, path, opts)
}

// ImportNewSuite imports a file as a new suite.
func (m *Moderation) ImportNewSuite(_ context.Context, name, path string, opts moderation.ImportOptions) (moderation.ImportResult, error) {
	return m.svc.ImportNewSuite(name, path, opts)
}

// CSVColumns lists a CSV file's columns, to pick the prompt column.
func (m *Moderation) CSVColumns(_ context.Context, path string) ([]string, error) {
	return m.svc.CSVColumns(path)
}

// DetectPII finds personal data in text, offline; API keys come back redacted.
func (m *Moderation) DetectPII(_ context.Context, text string) ([]pii.Match, error) {
	return m.svc.DetectPII(text), nil
}

// RedactPII replaces personal data in text with typed placeholders.
func (m *Moderation) RedactPII(_ context.Context, text string) (string, error) {
	return m.svc.RedactPII(text), nil
}

// CreateRun creates a run of a suite without starting it.
func (m *Moderation) CreateRun(_ context.Context, suiteID int64, opts moderation.RunOptions) (moderation.Run, error) {
	return m.svc.CreateRun(suiteID, opts)
}

// StartRun creates a run and starts sending it in the background.
func (m *Moderation) StartRun(_ context.Context, suiteID int64, opts moderation.RunOptions) (moderation.Run, error) {
	return m.svc.StartRun(suiteID, opts)
}

// Resume continues a paused or interrupted run.
func (m *Moderation) Resume(_ context.Context, runID int64) (moderation.Run, error) {
	return m.svc.Resume(runID)
}

// Pause stops sending a run; Resume continues it.
func (m *Moderation) Pause(_ context.Context, runID int64) error { return m.svc.Pause(runID) }

// Cancel stops a run; what was answered is kept.
func (m *Moderation) Cancel(_ context.Context, runID int64) error { return m.svc.Cancel(runID) }

// Run returns one run.
func (m *Moderation) Run(_ context.Context, runID int64) (moderation.Run, error) {
	return m.svc.Run(runID)
}

// ListRuns lists a suite's runs.
func (m *Moderation) ListRuns(_ context.Context, suiteID int64) ([]moderation.Run, error) {
	return m.svc.ListRuns(suiteID)
}

// DeleteRun deletes a run.
func (m *Moderation) DeleteRun(_ context.Context, runID int64) error { return m.svc.DeleteRun(runID) }

// Results pages through a run's results, filtered and sorted.
func (m *Moderation) Results(_ context.Context, runID int64, f moderation.ResultFilter) (moderation.ResultPage, error) {
	return m.svc.Results(runID, f)
}

// Metrics summarises a run.
func (m *Moderation) Metrics(_ context.Context, runID int64) (moderation.RunMetrics, error) {
	return m.svc.Metrics(runID)
}

// Report is a run's full report.
func (m *Moderation) Report(_ context.Context, runID int64) (moderation.RunReport, error) {
	return m.svc.Report(runID)
}

// Compare compares two runs of the same suite.
func (m *Moderation) Compare(_ context.Context, runA, runB int64) (moderation.Comparison, error) {
	return m.svc.Compare(runA, runB)
}

// QueryResults filters, sorts and pages a run's results table (the Results
// tab): the UI does none of it itself.
func (m *Moderation) QueryResults(ctx context.Context, runID int64, q moderation.ResultQuery) (moderation.QueryPage, error) {
	return m.svc.QueryResults(ctx, runID, q)
}
