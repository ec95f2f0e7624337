package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestScan(t *testing.T) {
	dir, tree := t.TempDir(), t.TempDir()
	key := fakeKey(t)
	os.WriteFile(filepath.Join(tree, "config.py"), []byte("client = OpenAI(api_key=\""+key+"\")\n"), 0o600)
	os.WriteFile(filepath.Join(tree, "README.md"), []byte("export OPENAI_API_KEY=sk-your-key-here\n"), 0o600)

	code, out, errOut := run(t, dir, "scan", tree, "--format", "json")
	if code != ExitFinding {
		t.Fatalf("scan exit %d: %s", code, errOut)
	}
	var rep struct {
		Findings []struct {
			Rule, File, Redacted, Fingerprint string
			Line, Column                      int
		} `json:"findings"`
		Stats struct{ Files int } `json:"stats"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Findings) != 1 || rep.Findings[0].File != "config.py" || rep.Findings[0].Line != 1 {
		t.Fatalf("report = %v %+v", err, rep)
	}
	if strings.Contains(out+errOut, key) {
		t.Fatal("the scan printed the full key")
	}

	base := filepath.Join(t.TempDir(), "baseline.json")
	if code, _, errOut := run(t, dir, "scan", tree, "--write-baseline", base); code != ExitOK {
		t.Fatalf("write baseline: %d %s", code, errOut)
	}
	if code, _, _ := run(t, dir, "scan", tree, "--baseline", base); code != ExitOK {
		t.Fatalf("a baselined finding still fails the scan: %d", code)
	}
	if code, out, _ := run(t, dir, "scan", tree, "--format", "sarif"); code != ExitFinding || !strings.Contains(out, `"version": "2.1.0"`) {
		t.Fatalf("sarif: %d", code)
	}
	if code, _, errOut := run(t, dir, "scan", filepath.Join(tree, "missing")); code != ExitError || errOut == "" {
		t.Fatalf("missing path: %d %q", code, errOut)
	}
}

func TestScanHistory(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo := t.TempDir()
	git := func(args ...string) {
		cmd := exec.Command("git", append([]string{"-C", repo, "-c", "user.name=T", "-c", "user.email=t@example.com"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	git("init", "-q")
	os.WriteFile(filepath.Join(repo, "old.env"), []byte("OPENAI_API_KEY="+fakeKey(t)+"\n"), 0o600)
	git("add", ".")
	git("commit", "-qm", "add")
	git("rm", "-q", "old.env")
	git("commit", "-qm", "remove")
	if code, _, _ := run(t, t.TempDir(), "scan", repo); code != ExitOK {
		t.Fatalf("the working tree is clean but exit %d", code)
	}
	code, out, _ := run(t, t.TempDir(), "scan", repo, "--history")
	if code != ExitFinding || !strings.Contains(out, "old.env") {
		t.Fatalf("history scan = %d %s", code, out)
	}
}

func TestLeakedRegisteredKeyIsAFinding(t *testing.T) {
	dir, tree := t.TempDir(), t.TempDir()
	key := fakeKey(t)
	runIn(t, dir, "", "keys", "vault", "file")
	runIn(t, dir, "", "members", "add", "Mei")
	runIn(t, dir, key+"\n", "keys", "add", "--member", "Mei", "--label", "mei-prod", "--env", "prod")
	os.WriteFile(filepath.Join(tree, "app.js"), []byte("const k = '"+key+"';\n"), 0o600)
	code, out, _ := runIn(t, dir, "", "scan", tree)
	if code != ExitFinding || !strings.Contains(out, "mei-prod") {
		t.Fatalf("scan = %d %s", code, out)
	}
	code, out, _ = runIn(t, dir, "", "keys", "findings", "--format", "json")
	if code != ExitFinding || !strings.Contains(out, `"leaked"`) {
		t.Fatalf("findings = %d %s", code, out)
	}
}
