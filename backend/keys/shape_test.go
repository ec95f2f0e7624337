package keys

import (
	"strings"
	"testing"

	"steward/backend/apperr"
	"steward/backend/secret"
)

func TestCleanKey(t *testing.T) {
	proj := genKey(t, "sk-proj-")
	tests := []struct {
		name  string
		input string
		want  string // cleaned key, "" for a refusal
		kind  string
	}{
		{"OK_Project", proj, proj, secret.KindProject},
		{"OK_ServiceAccount", "sk-svcacct-" + proj[8:], "sk-svcacct-" + proj[8:], secret.KindServiceAccount},
		{"OK_Admin", "sk-admin-" + proj[8:], "sk-admin-" + proj[8:], secret.KindAdmin},
		{"OK_LegacyUser", "sk-" + proj[8:56], "sk-" + proj[8:56], secret.KindLegacyUser},
		{"OK_TrimsSpaceAndQuotes", "  \"" + proj + "\"\n", proj, secret.KindProject},
		{"ErrNotAKey_Empty", "   ", "", ""},
		{"ErrNotAKey_NoPrefix", "pk-" + proj[8:], "", ""},
		{"ErrNotAKey_Anthropic", "sk-ant-" + proj[8:], "", ""},
		{"ErrNotAKey_TooShort", "sk-proj-abc123", "", ""},
		{"ErrNotAKey_InnerSpace", proj[:20] + " " + proj[20:], "", ""},
		{"ErrNotAKey_BadCharacters", proj + "!$", "", ""},
		{"ErrNotAKey_TwoKeys", proj + "\n" + genKey(t, "sk-proj-"), "", ""},
		{"ErrNotAKey_TooLong", "sk-" + strings.Repeat("a", maxKeyLen), "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CleanKey("test", tt.input)
			if tt.want == "" {
				if !apperr.Is(err, CodeNotAKey) {
					t.Fatalf("err = %v; want %s", err, CodeNotAKey)
				}
				for _, lang := range []string{"en", "zh-CN"} {
					_, msg := apperr.Describe(err, lang)
					if trimmed := strings.TrimSpace(tt.input); len(trimmed) > 8 && strings.Contains(msg, trimmed[8:]) {
						t.Fatalf("the error echoes the input: %s", msg)
					}
				}
				return
			}
			if err != nil || got != tt.want || secret.Kind(got) != tt.kind {
				t.Fatalf("CleanKey = %s (%s), %v; want %s", secret.Redact(got), secret.Kind(got), err, tt.kind)
			}
		})
	}
}

func TestCheckText(t *testing.T) {
	if err := checkText("test", "notes", "rotate before the "+"sk-"+"launch"); err != nil {
		t.Fatalf("ordinary text refused: %v", err)
	}
	err := checkText("test", "notes", "old key: "+genKey(t, "sk-proj-"))
	wantCode(t, err, CodeLooksLikeKey)
	if s := shown("label " + genKey(t, "sk-")); strings.Count(s, "…") != 1 || len(s) > 20 {
		t.Fatalf("shown did not redact: %q", s)
	}
}
