package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestChecksScopeAutoOverride(t *testing.T) {
	dir, mine, theirs := t.TempDir(), t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(mine, "main.go"), []byte("package main\n"), 0o600)
	os.WriteFile(filepath.Join(theirs, "config.py"), []byte("k = \""+fakeKey(t)+"\"\n"), 0o600)
	run(t, dir, "scan", mine, theirs, "--history")
	run(t, dir, "checklist", "set", "UP-01", "--workspace", "Bot", "--status", "todo")
	run(t, dir, "checklist", "set", "UP-01", "--workspace", "Other", "--status", "todo")

	code, out, errOut := run(t, dir, "checks", "scope", "--workspace", "Bot", "--folder", mine, "--region", "eu")
	if code != ExitOK || !strings.Contains(out, mine) || !strings.Contains(out, "eu") {
		t.Fatalf("scope = %d %q %s", code, out, errOut)
	}
	run(t, dir, "checks", "scope", "--workspace", "Other", "--folder", theirs)
	if code, out, _ := run(t, dir, "checks", "auto-complete", "--workspace", "Bot", "on"); code != ExitOK || !strings.Contains(out, "now") {
		t.Fatalf("auto-complete = %d %q", code, out)
	}
	_, out, _ = run(t, dir, "checks", "run", "--workspace", "Bot")
	if !strings.Contains(out, "PASS    KH-03") {
		t.Fatalf("Bot's KH-03 should pass on its own folder: %q", out)
	}
	if st := itemStatus(t, dir, "Bot", "KH-03"); st != "done" {
		t.Fatalf("KH-03 = %s; want done by its check", st)
	}
	_, out, _ = run(t, dir, "checks", "run", "--workspace", "Other")
	if !strings.Contains(out, "FAIL    KH-03") {
		t.Fatalf("Other's KH-03 should fail on its folder: %q", out)
	}
	if code, _, errOut := run(t, dir, "checks", "scope", "--workspace", "Bot", "--region", "atlantis"); code != ExitError || !strings.Contains(errOut, "atlantis") {
		t.Fatalf("bad region = %d %q", code, errOut)
	}
	code, out, errOut = run(t, dir, "checks", "override", "KH-03", "--workspace", "Other", "--status", "done", "--note", "test fixture, not a real key")
	if code != ExitOK || !strings.Contains(out, "done") {
		t.Fatalf("override = %d %q %s", code, out, errOut)
	}
	run(t, dir, "checks", "run", "--workspace", "Other")
	if st := itemStatus(t, dir, "Other", "KH-03"); st != "done" {
		t.Fatalf("KH-03 = %s after the check ran again; the override should hold", st)
	}
	if code, _, _ := run(t, dir, "checks", "override", "KH-03", "--workspace", "Other", "--status", "done"); code != ExitError {
		t.Fatalf("override without a note exit %d", code)
	}
}

func itemStatus(t *testing.T, dir, ws, item string) string {
	t.Helper()
	_, out, _ := run(t, dir, "checklist", "list", "--workspace", ws, "--format", "json")
	var items []struct{ ID, Status string }
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		var wrapped struct{ Items []struct{ ID, Status string } }
		if err := json.Unmarshal([]byte(out), &wrapped); err != nil {
			t.Fatalf("checklist list: %v %q", err, out[:min(len(out), 200)])
		}
		items = wrapped.Items
	}
	for _, it := range items {
		if it.ID == item {
			return it.Status
		}
	}
	t.Fatalf("no %s in %q", item, out[:min(len(out), 200)])
	return ""
}
