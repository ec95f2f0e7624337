package app

import (
	"bytes"
	"context"
	"testing"

	"steward/backend/apperr"
	"steward/backend/privacy"
)

func open(t *testing.T) *Services {
	t.Helper()
	s, err := Open(context.Background(), Options{DataDir: t.TempDir(), Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestSettingsSet(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	t.Run("OK", func(t *testing.T) {
		for name, value := range map[string]string{"base_url": "https://example.test/v1/", "rotation_days.prod": "30",
			"gateway.listen": "127.0.0.1:9911", "moderation.pii": "redact", "language": "zh-CN"} {
			got, err := s.Settings.Set(ctx, name, value)
			if err != nil {
				t.Fatalf("Set(%s) = %v", name, err)
			}
			if name == "base_url" && got.Value != "https://example.test/v1" {
				t.Errorf("base_url kept as %q", got.Value)
			}
		}
		list, err := s.Settings.List(ctx)
		if err != nil {
			t.Fatal(err)
		}
		values := map[string]string{}
		for _, st := range list {
			values[st.Name] = st.Value
		}
		if values["rotation_days.prod"] != "30" || values["gateway.listen"] != "127.0.0.1:9911" || values["moderation.pii"] != "redact" {
			t.Fatalf("List = %v", values)
		}
		if url, _ := s.Settings.BaseURL(ctx); url != "https://example.test/v1" {
			t.Fatalf("BaseURL = %q: the GUI's setter and the named setting differ", url)
		}
	})
	for name, value := range map[string]string{"base_url": "ftp://x", "rotation_days.dev": "soon", "moderation.pii": "maybe",
		"language": "fr", "nope": "1", "moderation.key": "no-such-key"} {
		t.Run("Err_"+name, func(t *testing.T) {
			if _, err := s.Settings.Set(ctx, name, value); err == nil || apperr.CodeOf(err) == apperr.Internal {
				t.Fatalf("Set(%s, %s) = %v, want a clear error", name, value, err)
			}
		})
	}
}

// TestPrivacyDraftKeepsChangedVersionsOnly: exporting keeps a version only
// when the draft changed, whichever front exports.
func TestPrivacyDraftKeepsChangedVersionsOnly(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	count := func() int {
		d, err := s.Privacy.Drafts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return len(d)
	}
	var a privacy.Answers
	a.Organisation.Name = "Acme"
	if _, err := s.Privacy.SaveAnswers(ctx, a); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	for i := 0; i < 2; i++ {
		if err := s.Exports.PrivacyDraft(ctx, &buf, "md", "en"); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Exports.PrivacyDraftOf(ctx, &buf, a, "html", "en"); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 1 {
		t.Fatalf("%d versions after three exports of one draft", n)
	}
	a.Organisation.Name = "Acme Ltd"
	if err := s.Exports.PrivacyDraftOf(ctx, &buf, a, "md", "en"); err != nil {
		t.Fatal(err)
	}
	if err := s.Exports.PrivacyDraft(ctx, &buf, "md", "zh-CN"); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 3 {
		t.Fatalf("%d versions, want 3 (a changed draft, and one in another language)", n)
	}
}
