package apperr

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestEveryCodeHasBothLanguages(t *testing.T) {
	for code, m := range messages {
		if m.en == "" || m.zh == "" {
			t.Errorf("%s: missing a language", code)
		}
		if strings.Count(m.en, "{") != strings.Count(m.zh, "{") {
			t.Errorf("%s: en and zh-CN use different placeholders", code)
		}
	}
}

func TestDescribe(t *testing.T) {
	wrapped := fmt.Errorf("set status: %w", New(ItemUnknown, "checklist.update", "id", "XX-99"))
	tests := []struct {
		name string
		err  error
		lang string
		code Code
		want string
	}{
		{"OK_English", wrapped, "en", ItemUnknown, `There is no checklist item "XX-99"`},
		{"OK_Chinese", wrapped, "zh-CN", ItemUnknown, "不存在检查项“XX-99”"},
		{"PlainError", errors.New("disk on fire"), "en", Internal, "Something went wrong: disk on fire"},
		{"InlineText", fmt.Errorf("x: %w", Text("key_invalid", "keys.add", "That is not an API key.", "这不是 API 密钥。")), "zh-CN", "key_invalid", "这不是 API 密钥。"},
		{"CauseShown", Wrap(errors.New("permission denied"), BackupFailed, "backup", "path", "/x"), "en", BackupFailed, "(permission denied)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, msg := Describe(tt.err, tt.lang)
			if code != tt.code || !strings.Contains(msg, tt.want) {
				t.Fatalf("Describe = %s %q; want %s containing %q", code, msg, tt.code, tt.want)
			}
		})
	}
}
