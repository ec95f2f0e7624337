package app

import (
	"context"
	"strconv"
	"strings"

	"steward/backend/apperr"
)

// SettingTheme is the settings key of the window's colour theme.
const SettingTheme = "theme"

// Themes the window offers: follow the OS, or always light or dark.
const (
	ThemeSystem = "system"
	ThemeLight  = "light"
	ThemeDark   = "dark"
)

// Theme is the window's colour theme: system (the default), light or dark.
func (s *Settings) Theme(ctx context.Context) (string, error) {
	v, err := s.c.settings.Value(ctx, SettingTheme)
	if err != nil || v == "" {
		return ThemeSystem, err
	}
	return v, nil
}

// SetTheme remembers the window's colour theme and returns it; "" means system.
func (s *Settings) SetTheme(ctx context.Context, theme string) (string, error) {
	t := strings.ToLower(strings.TrimSpace(theme))
	if t == "" {
		t = ThemeSystem
	}
	if t != ThemeSystem && t != ThemeLight && t != ThemeDark {
		return "", apperr.Text(apperr.Invalid, "app.theme",
			"The theme must be system, light or dark, not "+strconv.Quote(theme)+".",
			"主题只能是 system（跟随系统）、light（浅色）或 dark（深色），而不是 "+strconv.Quote(theme)+"。")
	}
	return t, s.c.settings.SetValue(ctx, SettingTheme, t)
}
