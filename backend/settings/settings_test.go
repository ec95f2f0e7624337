package settings

import (
	"context"
	"testing"

	"steward/backend/apperr"
	"steward/backend/store"
)

func newService(t *testing.T, locale string) *Service {
	t.Helper()
	st, err := store.Open(context.Background(), t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return New(st, func() string { return locale })
}

func TestLanguage(t *testing.T) {
	t.Run("OK_DefaultsToSystemChinese", func(t *testing.T) {
		s := newService(t, "zh_CN.UTF-8")
		if got := s.Language(); got != LangZh {
			t.Fatalf("language = %s", got)
		}
	})
	t.Run("OK_DefaultsToEnglishElsewhere", func(t *testing.T) {
		s := newService(t, "de_DE.UTF-8")
		if got := s.Language(); got != LangEn {
			t.Fatalf("language = %s", got)
		}
	})
	t.Run("OK_ChoiceRemembered", func(t *testing.T) {
		s := newService(t, "en_US.UTF-8")
		got, err := s.SetLanguage(LangZh)
		if err != nil || got.EffectiveLanguage != LangZh || got.Language != LangZh {
			t.Fatalf("SetLanguage = %+v, %v", got, err)
		}
		if s.Language() != LangZh {
			t.Fatal("choice not remembered")
		}
		got, _ = s.SetLanguage("")
		if got.EffectiveLanguage != LangEn {
			t.Fatalf("back to system = %+v", got)
		}
	})
	t.Run("ErrUnknownLanguage", func(t *testing.T) {
		s := newService(t, "")
		if _, err := s.SetLanguage("fr"); !apperr.Is(err, apperr.LanguageUnknown) {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestMatch(t *testing.T) {
	for in, want := range map[string]string{"zh_CN.UTF-8": LangZh, "zh-Hans-CN": LangZh, "zh_TW": LangZh, "en_GB": LangEn, "": LangEn, "ja_JP": LangEn} {
		if got := Match(in); got != want {
			t.Errorf("Match(%q) = %s, want %s", in, got, want)
		}
	}
}
