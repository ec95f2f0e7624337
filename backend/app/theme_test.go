package app

import (
	"context"
	"testing"

	"steward/backend/apperr"
)

// TestTheme: the theme defaults to system, the GUI's setter and the named
// setting agree, and an unknown theme is refused with a clear error.
func TestTheme(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	if got, err := s.Settings.Theme(ctx); err != nil || got != ThemeSystem {
		t.Fatalf("Theme() on a new folder = %q, %v; want system", got, err)
	}
	if got, err := s.Settings.Set(ctx, "theme", " Dark "); err != nil || got.Value != ThemeDark {
		t.Fatalf(`Set("theme", " Dark ") = %+v, %v`, got, err)
	}
	if got, _ := s.Settings.Theme(ctx); got != ThemeDark {
		t.Fatalf("Theme() after set = %q, want dark", got)
	}
	if got, err := s.Settings.SetTheme(ctx, ""); err != nil || got != ThemeSystem {
		t.Fatalf(`SetTheme("") = %q, %v; want system`, got, err)
	}
	_, err := s.Settings.SetTheme(ctx, "sepia")
	if apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf(`SetTheme("sepia") = %v, want an invalid-input error`, err)
	}
	if got, _ := s.Settings.Theme(ctx); got != ThemeSystem {
		t.Fatalf("a refused theme changed the setting to %q", got)
	}
}
