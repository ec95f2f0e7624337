package main

import (
	"context"
	"slices"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"steward/backend/apperr"
	"steward/backend/moderation"
	"steward/backend/openai"
)

// Moderation settings and events.
const (
	SettingModerationKey    = "moderation_key_label"
	SettingModerationPII    = "moderation_pii"
	EventModerationProgress = "moderation:progress"
)

// openModeration builds the moderation tester; runs read the chosen key and
// base URL when they start and report progress as window events.
func (a *App) openModeration() {
	a.moderation = moderation.New(a.store, moderation.Options{Runner: moderation.RunnerConfig{
		Config:   a.moderationConfig,
		Observer: a.observer(),
		Progress: moderation.ProgressFunc(func(p moderation.Progress) { a.emit(EventModerationProgress, p) }),
		PII:      a.moderationPII,
	}})
}

// moderationConfig is the client setup for a run: the registered key the
// user chose for moderation, at the configured base URL.
func (a *App) moderationConfig() (openai.Config, error) {
	ctx := context.Background()
	label, _ := a.settings.Value(ctx, SettingModerationKey)
	if label == "" {
		return openai.Config{}, apperr.Text(apperr.Invalid, "app.moderation_key",
			"Choose which registered API key Steward's own calls (moderation runs, draft polish) use, on the Moderation screen, or add one on the Keys screen.",
			"请在“内容审核”页面选择 Steward 自身调用（内容审核、草稿润色）所用的已登记 API 密钥，或先在“密钥”页面添加。")
	}
	key, err := a.keys.Secret(ctx, label)
	if err != nil {
		return openai.Config{}, err
	}
	base, _ := a.settings.Value(ctx, SettingBaseURL)
	return openai.Config{BaseURL: base, APIKey: key}, nil
}

// ModerationKey is the label of the key moderation runs use ("" if none chosen).
func (a *App) ModerationKey() (string, error) {
	if err := a.ready(); err != nil {
		return "", err
	}
	return a.settings.Value(context.Background(), SettingModerationKey)
}

// SetModerationKey chooses the registered key moderation runs use.
func (a *App) SetModerationKey(label string) (string, error) {
	if err := a.ready(); err != nil {
		return "", err
	}
	if label != "" {
		if _, err := a.keys.Key(context.Background(), label); err != nil {
			return "", err
		}
	}
	return label, a.settings.SetValue(context.Background(), SettingModerationKey, label)
}

// moderationPII is the PII pre-screen policy runs apply: off by default.
func (a *App) moderationPII() string {
	v, _ := a.settings.Value(context.Background(), SettingModerationPII)
	if slices.Contains(moderation.PIIPolicies, v) {
		return v
	}
	return moderation.PIIOff
}

// ModerationPII is the PII pre-screen policy: off, redact or block.
func (a *App) ModerationPII() (string, error) {
	if err := a.ready(); err != nil {
		return "", err
	}
	return a.moderationPII(), nil
}

// SetModerationPII sets what runs do with prompts that contain personal
// data: send them (off), redact them to typed placeholders, or block them.
func (a *App) SetModerationPII(policy string) (string, error) {
	if err := a.ready(); err != nil {
		return "", err
	}
	if !slices.Contains(moderation.PIIPolicies, policy) {
		return "", apperr.New(apperr.Invalid, "app.moderation_pii", "what", policy, "why", "use off, redact or block")
	}
	return policy, a.settings.SetValue(context.Background(), SettingModerationPII, policy)
}

// PickImportFile lets the user choose a prompt file or an image.
func (a *App) PickImportFile(kind string) (string, error) {
	if err := a.ready(); err != nil {
		return "", err
	}
	return a.openFile(kind)
}

// ExportModerationRun asks where to save and writes a run's report in
// format (json, csv or html) and lang. It returns the path, or "" if cancelled.
func (a *App) ExportModerationRun(runID int64, format, lang string) (string, error) {
	if err := a.ready(); err != nil {
		return "", err
	}
	path, err := a.savePath("moderation-run."+format, format)
	if err != nil || path == "" {
		return "", err
	}
	return path, a.moderation.ExportRun(runID, path, format, lang)
}

// ExportModerationSuite asks where to save and writes a suite as txt, csv or jsonl.
func (a *App) ExportModerationSuite(suiteID int64, format string) (string, error) {
	if err := a.ready(); err != nil {
		return "", err
	}
	path, err := a.savePath("suite."+format, format)
	if err != nil || path == "" {
		return "", err
	}
	return path, a.moderation.ExportSuite(suiteID, path, format)
}

// openFile asks for a file of the given kind: "prompts" or "image".
func (a *App) openFile(kind string) (string, error) {
	filter := runtime.FileFilter{DisplayName: "Prompts (*.txt, *.csv, *.jsonl)", Pattern: "*.txt;*.csv;*.jsonl;*.gz"}
	if kind == "image" {
		filter = runtime.FileFilter{DisplayName: "Images", Pattern: "*.png;*.jpg;*.jpeg;*.gif;*.webp"}
	}
	return runtime.OpenFileDialog(a.ctx, runtime.OpenDialogOptions{Filters: []runtime.FileFilter{filter}})
}
