package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"steward/backend/apperr"
	"steward/backend/gateway"
	"steward/backend/keys"
)

// Setting is one named setting, as `steward settings list` shows it.
type Setting struct {
	Name        string `json:"name"`
	Value       string `json:"value"`
	Description string `json:"description"`
}

// namedSetting reads and writes one named setting.
type namedSetting struct {
	name, about string
	get         func(ctx context.Context) (string, error)
	set         func(ctx context.Context, v string) error
}

// named lists every setting the GUI can change, under one naming scheme:
// snake_case words, a dot after the capability.
func (s *Settings) named() []namedSetting {
	c := s.c
	list := []namedSetting{
		{"language", "UI and report language: en, zh-CN, or empty to follow the system",
			func(ctx context.Context) (string, error) { return c.settings.Value(ctx, "language") },
			func(ctx context.Context, v string) error { _, err := s.SetLanguage(ctx, v); return err }},
		{"theme", "the window's colour theme: system, light or dark",
			s.Theme, func(ctx context.Context, v string) error { _, err := s.SetTheme(ctx, v); return err }},
		{"you", "who you are in the checklist's audit trail: a member's name (or any name); empty for the OS user's name",
			s.value(SettingYou), func(ctx context.Context, v string) error { _, err := s.SetYou(ctx, v); return err }},
		{"base_url", "the OpenAI-compatible endpoint for Steward's own calls; empty for OpenAI's",
			s.BaseURL, func(ctx context.Context, v string) error { _, err := s.SetBaseURL(ctx, v); return err }},
		{"vault", "where keys are kept: keychain or file (moves the keys' secrets)",
			func(ctx context.Context) (string, error) { return c.vaultKind(ctx), nil },
			func(ctx context.Context, v string) error { _, err := (&Keys{c: c}).UseVault(ctx, v, ""); return err }},
		{"moderation.key", "the registered key Steward's own calls use (moderation runs, draft polish)",
			s.value(SettingModerationKey), s.keyLabel(SettingModerationKey)},
		{"moderation.pii", "personal data in moderation prompts: off, redact or block",
			func(ctx context.Context) (string, error) { return c.moderationPII(ctx), nil },
			func(ctx context.Context, v string) error { return c.setModerationPII(ctx, v) }},
		{"usage.admin_key", "the registered admin key (sk-admin-…) that reads the organization's usage",
			s.value(SettingAdminKey), s.keyLabel(SettingAdminKey)},
		s.gatewaySetting("gateway.listen", "the address the gateway listens on",
			func(c *gateway.Config) *string { return &c.Listen }),
		s.gatewaySetting("gateway.upstream", "the API the gateway forwards to; empty for OpenAI's",
			func(c *gateway.Config) *string { return &c.Upstream }),
		s.gatewaySetting("gateway.key", "the registered key member-token calls are sent with",
			func(c *gateway.Config) *string { return &c.UpstreamKeyLabel }),
	}
	for _, env := range keys.Environments {
		list = append(list, s.rotationSetting(env))
	}
	return list
}

func (s *Settings) value(key string) func(context.Context) (string, error) {
	return func(ctx context.Context) (string, error) { return s.c.settings.Value(ctx, key) }
}

func (s *Settings) keyLabel(key string) func(context.Context, string) error {
	return func(ctx context.Context, v string) error { _, err := s.c.setKeyLabel(ctx, key, v); return err }
}

func (s *Settings) gatewaySetting(name, about string, field func(*gateway.Config) *string) namedSetting {
	return namedSetting{name, about,
		func(ctx context.Context) (string, error) {
			cfg, err := s.gateway.Settings(ctx)
			return *field(&cfg), err
		},
		func(ctx context.Context, v string) error {
			cfg, err := s.gateway.Settings(ctx)
			if err != nil {
				return err
			}
			*field(&cfg) = v
			_, err = s.gateway.SaveSettings(ctx, cfg)
			return err
		}}
}

func (s *Settings) rotationSetting(env string) namedSetting {
	return namedSetting{"rotation_days." + env, "days before a " + env + " key is due for rotation",
		func(ctx context.Context) (string, error) {
			ps, err := s.c.keys.Policies(ctx)
			for _, p := range ps {
				if p.Environment == env {
					return strconv.Itoa(p.RotationDays), err
				}
			}
			return "", err
		},
		func(ctx context.Context, v string) error {
			days, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				return apperr.New(apperr.Invalid, "app.settings", "what", v, "why", "give a whole number of days")
			}
			_, err = s.c.keys.SetPolicy(ctx, env, days)
			return err
		}}
}

// List returns every named setting and its current value.
func (s *Settings) List(ctx context.Context) ([]Setting, error) {
	var out []Setting
	for _, n := range s.named() {
		v, err := n.get(ctx)
		if err != nil {
			return nil, fmt.Errorf("read setting %s: %w", n.name, err)
		}
		out = append(out, Setting{Name: n.name, Value: v, Description: n.about})
	}
	keyed, err := s.gateway.AdvancedSettings(ctx)
	if err != nil {
		return nil, fmt.Errorf("read gateway settings: %w", err)
	}
	for _, k := range keyed {
		out = append(out, Setting{Name: k.Key, Value: k.Value, Description: k.Help})
	}
	return out, nil
}

// Set changes one named setting, with the same checks as the screen that
// shows it, and returns its new value.
func (s *Settings) Set(ctx context.Context, name, value string) (Setting, error) {
	if gateway.IsSetting(name) {
		k, err := s.gateway.SetAdvancedSetting(ctx, name, value)
		return Setting{Name: k.Key, Value: k.Value, Description: k.Help}, err
	}
	var names []string
	for _, n := range s.named() {
		if n.name != name {
			names = append(names, n.name)
			continue
		}
		if err := n.set(ctx, value); err != nil {
			return Setting{}, err
		}
		v, err := n.get(ctx)
		return Setting{Name: n.name, Value: v, Description: n.about}, err
	}
	return Setting{}, apperr.Text(apperr.Invalid, "app.settings",
		fmt.Sprintf("There is no setting named %q. Use one of: %s.", name, strings.Join(names, ", ")),
		fmt.Sprintf("没有名为“%s”的设置。可用：%s。", name, strings.Join(names, ", ")))
}
