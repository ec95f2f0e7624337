package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPII(t *testing.T) {
	file := filepath.Join(t.TempDir(), "prompts.txt")
	key := fakeKey(t)
	os.WriteFile(file, []byte("Contact mei@example.com\n请拨打 138 0013 8000\nkey "+key+"\nnothing here\n"), 0o600)

	code, out, _ := run(t, t.TempDir(), "pii", file)
	if code != ExitFinding || !strings.Contains(out, ":1:9\temail\tmei@example.com") || !strings.Contains(out, "phone") {
		t.Fatalf("pii = %d %s", code, out)
	}
	if strings.Contains(out, key) || !strings.Contains(out, "sk-proj-…") {
		t.Fatal("an API key was printed in full")
	}
	code, out, _ = run(t, t.TempDir(), "pii", file, "--redact")
	if code != ExitOK || !strings.Contains(out, "Contact [EMAIL]") || !strings.Contains(out, "[API_KEY]") || strings.Contains(out, key) {
		t.Fatalf("redact = %d %s", code, out)
	}
	clean := filepath.Join(t.TempDir(), "clean.txt")
	os.WriteFile(clean, []byte("just words\n"), 0o600)
	if code, _, _ := run(t, t.TempDir(), "pii", clean, "--format", "json"); code != ExitOK {
		t.Fatalf("clean file exit %d", code)
	}
	bin := filepath.Join(t.TempDir(), "bin")
	os.WriteFile(bin, []byte{0xff, 0xfe, 0x00}, 0o600)
	if code, _, errOut := run(t, t.TempDir(), "pii", bin); code != ExitError || !strings.Contains(errOut, "not UTF-8") {
		t.Fatalf("binary exit %d %s", code, errOut)
	}
}
