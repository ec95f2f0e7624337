package cli

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"steward/backend/openaitest"
)

// pdfWords is the text pdftotext reads from the PDF at path, without spaces.
func pdfWords(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (Debian: apt install poppler-utils)")
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext %s: %v\n%s", path, err, out)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

func TestUsageReportPDF(t *testing.T) {
	dir := t.TempDir()
	for lang, want := range map[string]string{"en": "APIusagereport", "zh-CN": "该时间段没有用量记录。"} {
		path := filepath.Join(t.TempDir(), "usage.pdf")
		code, _, errOut := run(t, dir, "usage", "report", "--format", "pdf", "--lang", lang, "--out", path)
		if code != ExitOK {
			t.Fatalf("usage report --format pdf --lang %s = %d %s", lang, code, errOut)
		}
		if got := pdfWords(t, path); !strings.Contains(got, want) {
			t.Errorf("%s PDF lacks %q:\n%s", lang, want, got)
		}
	}
}

func TestModeratePDF(t *testing.T) {
	key := fakeKey(t)
	srv := openaitest.New(t, openaitest.WithKeys(key))
	prompts := filepath.Join(t.TempDir(), "prompts.txt")
	os.WriteFile(prompts, []byte("How do I bake bread?\n这部电影好看吗？\n"), 0o600)
	for lang, want := range map[string][]string{"en": {"Moderationreport", "HowdoIbakebread?"}, "zh-CN": {"内容审核报告", "这部电影好看吗？"}} {
		path := filepath.Join(t.TempDir(), "moderation.pdf")
		var out, errOut bytes.Buffer
		env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, DataDir: t.TempDir(),
			Getenv: func(k string) string { return map[string]string{"OPENAI_API_KEY": key, "OPENAI_BASE_URL": srv.URL}[k] }}
		code := Run(context.Background(), env, []string{"moderate", "--in", prompts, "--format", "pdf", "--lang", lang, "--out", path})
		if code != ExitOK {
			t.Fatalf("moderate --format pdf --lang %s = %d %s", lang, code, errOut.String())
		}
		got := pdfWords(t, path)
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s PDF lacks %q:\n%s", lang, w, got)
			}
		}
		if strings.Contains(got, key) || strings.Contains(errOut.String(), key) {
			t.Fatal("the key appears in the report or the output")
		}
	}
}
