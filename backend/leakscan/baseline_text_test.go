package leakscan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"steward/backend/apperr"
	"steward/backend/secret"
	"steward/backend/secret/fakekey"
)

// TestReadBaselineTextRules: a baseline saved with a UTF-8 BOM is read;
// invalid UTF-8 is refused naming the line; an oversized file names the
// limit.
func TestReadBaselineTextRules(t *testing.T) {
	dir := t.TempDir()
	fp := secret.Fingerprint(fakekey.New(91).Project())
	ok := "{\n  \"version\": 1,\n  \"accepted\": [{\"fingerprint\": \"" + fp + "\"}]\n}\n"
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	b, err := ReadBaseline(write("bom.json", "\xef\xbb\xbf"+ok))
	if err != nil || !b.Accepts(fp) {
		t.Fatalf("baseline with a BOM: %v", err)
	}
	_, err = ReadBaseline(write("latin1.json", "{\n  \"version\": 1,\n  \"note\": \"caf\xe9\"\n}\n"))
	wantBaselineError(t, err, "line 3", "UTF-8", "第 3 行")
	_, err = ReadBaseline(write("huge.json", strings.Repeat(" ", maxBaselineBytes+1)))
	wantBaselineError(t, err, "16 MB")
}

func wantBaselineError(t *testing.T, err error, want ...string) {
	t.Helper()
	if !apperr.Is(err, CodeBaselineInvalid) {
		t.Fatalf("err = %v", err)
	}
	_, en := apperr.Describe(err, "en")
	_, zh := apperr.Describe(err, "zh-CN")
	for _, w := range want {
		if !strings.Contains(en+" | "+zh, w) {
			t.Errorf("message %q / %q lacks %q", en, zh, w)
		}
	}
}
