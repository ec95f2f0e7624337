package app

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"steward/backend/apperr"
	"steward/backend/keys"
	"steward/backend/openai"
	"steward/backend/settings"
)

// Settings keys kept in the settings table.
const (
	SettingBaseURL       = "openai_base_url"
	SettingModerationKey = "moderation_key_label"
	SettingModerationPII = "moderation_pii"
	SettingAdminKey      = "usage_admin_key_label"
)

// Settings holds the app's preferences: language, the OpenAI-compatible
// base URL and the named settings both fronts list and change.
type Settings struct {
	c       *core
	gateway *Gateway
}

// Settings returns the language settings.
func (s *Settings) Settings(context.Context) (settings.Settings, error) { return s.c.settings.Get() }

// SetLanguage remembers the UI language ("" follows the system).
func (s *Settings) SetLanguage(_ context.Context, lang string) (settings.Settings, error) {
	return s.c.settings.SetLanguage(lang)
}

// BaseURL is the OpenAI-compatible endpoint the app's own calls go to
// ("" means OpenAI's).
func (s *Settings) BaseURL(ctx context.Context) (string, error) {
	return s.c.settings.Value(ctx, SettingBaseURL)
}

// SetBaseURL sets the endpoint for key checks, moderation runs and the
// draft polish: OpenAI's (""), Azure OpenAI or any compatible server. The gateway,
// when it forwarded to the old base URL, moves with it.
func (s *Settings) SetBaseURL(ctx context.Context, raw string) (string, error) {
	u, err := CleanBaseURL(raw)
	if err != nil {
		return "", err
	}
	old, err := s.BaseURL(ctx)
	if err != nil {
		return "", fmt.Errorf("read the base URL: %w", err)
	}
	if err := s.c.settings.SetValue(ctx, SettingBaseURL, u); err != nil {
		return "", err
	}
	if s.gateway != nil {
		// A gateway that forwarded to the old base URL moves with it.
		if err := s.gateway.baseURLChanged(ctx, old, u); err != nil {
			return u, err
		}
	}
	return u, nil
}

// CleanBaseURL trims a base URL and checks it is an http(s) URL with a host.
func CleanBaseURL(raw string) (string, error) {
	u := strings.TrimRight(strings.TrimSpace(raw), "/")
	if u == "" {
		return "", nil
	}
	parsed, err := url.Parse(u)
	if err != nil || (parsed.Scheme != "http" && parsed.Scheme != "https") || parsed.Host == "" {
		return "", apperr.Text(apperr.Invalid, "app.base_url",
			"The base URL must start with https:// (or http:// for a local server), e.g. https://api.openai.com/v1.",
			"基础 URL 必须以 https://（本地服务可用 http://）开头，例如 https://api.openai.com/v1。")
	}
	return u, nil
}

// baseURL is where the app's own calls go: OPENAI_BASE_URL when the front
// honours it, else the saved setting.
func (c *core) baseURL(ctx context.Context) string {
	if c.opts.EnvOverrides {
		if v := c.opts.Getenv("OPENAI_BASE_URL"); v != "" {
			return v
		}
	}
	v, _ := c.settings.Value(ctx, SettingBaseURL)
	return v
}

// ownKey is the client setup for the app's own calls (moderation runs,
// draft polish): the registered key chosen for them, at the base URL.
func (c *core) ownKey(ctx context.Context) (openai.Config, error) {
	label, _ := c.settings.Value(ctx, SettingModerationKey)
	if label == "" {
		return openai.Config{}, apperr.Text(apperr.Invalid, "app.moderation_key",
			"Choose which registered API key Steward's own calls (moderation runs, draft polish) use, on the Moderation screen (or: steward settings set moderation.key LABEL), or add one on the Keys screen.",
			"请在“内容审核”页面（或运行 steward settings set moderation.key 标签）选择 Steward 自身调用（内容审核、草稿润色）所用的已登记 API 密钥，或先在“密钥”页面添加。")
	}
	key, err := c.keys.Secret(ctx, label)
	if err != nil {
		return openai.Config{}, err
	}
	return openai.Config{BaseURL: c.baseURL(ctx), APIKey: key}, nil
}

// setKeyLabel saves a setting naming a registered key, checking it exists.
func (c *core) setKeyLabel(ctx context.Context, setting, label string) (string, error) {
	if label != "" {
		if _, err := c.keys.Key(ctx, label); err != nil {
			return "", err
		}
	}
	return label, c.settings.SetValue(ctx, setting, label)
}

// liveVerifier verifies keys at the base URL set when the check runs.
type liveVerifier struct{ c *core }

func (v liveVerifier) Verify(ctx context.Context, apiKey string) (keys.Verification, error) {
	return keys.APIVerifier{BaseURL: v.c.baseURL(ctx), Observer: v.c.observer()}.Verify(ctx, apiKey)
}
