package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const exampleAnswers = "../../docs/examples/privacy-answers.yaml"

func TestPrivacyCheck(t *testing.T) {
	code, out, errOut := run(t, t.TempDir(), "privacy", "check", "--answers", exampleAnswers, "--format", "json")
	if code != ExitOK {
		t.Fatalf("the complete example fails the check: %d %s", code, errOut)
	}
	var res struct {
		Regimes []struct {
			Name     string `json:"name"`
			Elements []struct {
				ID       string `json:"id"`
				Present  bool   `json:"present"`
				Question string `json:"question"`
			} `json:"elements"`
		} `json:"regimes"`
		Missing int `json:"missing"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Missing != 0 || len(res.Regimes) < 4 {
		t.Fatalf("check json = %v %+v", err, res)
	}

	partial := filepath.Join(t.TempDir(), "partial.yaml")
	os.WriteFile(partial, []byte("organisation:\n  name: Tiny Co\nusers:\n  regions: [eu]\n"), 0o600)
	code, out, _ = run(t, t.TempDir(), "privacy", "check", "--answers", partial)
	if code != ExitFinding || !strings.Contains(out, "missing gdpr-13-1-a") {
		t.Fatalf("partial check = %d %s", code, out)
	}
}

func TestPrivacyDraft(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(t.TempDir(), "policy.md")
	code, _, errOut := run(t, dir, "privacy", "draft", "--answers", exampleAnswers, "--lang", "zh-CN", "--format", "md", "--out", out)
	if code != ExitOK {
		t.Fatalf("draft: %s", errOut)
	}
	b, _ := os.ReadFile(out)
	if !strings.Contains(string(b), "个人信息") {
		t.Fatal("the Chinese draft is not Chinese")
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("organisation:\n  name: X\nusers:\n  regions: [eu, mars]\n"), 0o600)
	code, _, errOut = run(t, dir, "privacy", "draft", "--answers", bad, "--lang", "en", "--format", "md", "--out", "-")
	if code != ExitError || !strings.Contains(errOut, "mars") || !strings.Contains(errOut, "users.regions") {
		t.Fatalf("bad answers: %d %q", code, errOut)
	}
}
