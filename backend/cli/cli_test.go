package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// run runs the CLI against dataDir and returns exit code, stdout and stderr.
func run(t *testing.T, dataDir string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Version: "test",
		Getenv: func(string) string { return "" }, DataDir: dataDir}
	code := Run(context.Background(), env, args)
	return code, out.String(), errOut.String()
}

func TestSplitGlobal(t *testing.T) {
	dir, rest, err := SplitGlobal([]string{"checklist", "--data-dir", "/d", "list", "--data-dir=/e"})
	if err != nil || dir != "/e" || strings.Join(rest, " ") != "checklist list" {
		t.Fatalf("SplitGlobal = %q %v %v", dir, rest, err)
	}
	if _, _, err := SplitGlobal([]string{"--data-dir"}); err == nil {
		t.Fatal("a missing folder was accepted")
	}
}

func TestHelpAndVersion(t *testing.T) {
	code, out, _ := run(t, t.TempDir(), "help")
	if code != ExitOK || !strings.Contains(out, "checklist") || !strings.Contains(out, "--data-dir") {
		t.Fatalf("help = %d %q", code, out)
	}
	code, out, _ = run(t, t.TempDir(), "version")
	if code != ExitOK || !strings.HasPrefix(out, "steward test\n") || !strings.Contains(out, "go version:") {
		t.Fatalf("version = %d %q", code, out)
	}
	code, _, errOut := run(t, t.TempDir(), "frobnicate")
	if code != ExitError || !strings.Contains(errOut, "unknown command") {
		t.Fatalf("unknown = %d %q", code, errOut)
	}
}

func TestChecklistRoundTrip(t *testing.T) {
	dir := t.TempDir()
	must := func(args ...string) string {
		t.Helper()
		code, out, errOut := run(t, dir, args...)
		if code != ExitOK {
			t.Fatalf("%v = %d: %s", args, code, errOut)
		}
		return out
	}
	must("checklist", "set", "UP-01", "--workspace", "Bot", "--status", "done", "--owner", "Mei", "--note", "reviewed 2026-03")
	must("checklist", "set", "KH-01", "--workspace", "Bot", "--status", "not_applicable", "--reason", "single-member team")
	out := must("checklist", "list", "--workspace", "Bot")
	if !strings.Contains(out, "UP-01") || !strings.Contains(out, "done") || !strings.Contains(out, "Mei") {
		t.Fatalf("list = %s", out)
	}
	export := filepath.Join(t.TempDir(), "bot.json")
	must("checklist", "export", "--workspace", "Bot", "--format", "json", "--lang", "zh-CN", "--out", export)

	var f struct {
		Workspace        string `json:"workspace"`
		CatalogueVersion string `json:"catalogue_version"`
		ExportedAt       string `json:"exported_at"`
		Items            []struct {
			ID, Section, Title, Status, Owner, Due, Notes string
			Evidence                                      []any
			Sources                                       []any
		} `json:"items"`
	}
	b, _ := os.ReadFile(export)
	if err := json.Unmarshal(b, &f); err != nil || f.Workspace != "Bot" || f.CatalogueVersion == "" || f.ExportedAt == "" || len(f.Items) < 40 {
		t.Fatalf("export = %v %+v", err, f.Workspace)
	}
	must("checklist", "import", export, "--workspace", "Copy")
	code, copyOut, _ := run(t, dir, "checklist", "export", "--workspace", "Copy", "--format", "json", "--lang", "zh-CN", "--out", "-")
	if code != ExitOK {
		t.Fatal("export of the copy failed")
	}
	strip := func(s string) string { // workspace name and time differ by design
		var m map[string]any
		json.Unmarshal([]byte(s), &m)
		delete(m, "workspace")
		delete(m, "exported_at")
		out, _ := json.Marshal(m)
		return string(out)
	}
	if strip(string(b)) != strip(copyOut) {
		t.Fatal("the round trip lost something")
	}
}

func TestChecklistErrors(t *testing.T) {
	dir := t.TempDir()
	run(t, dir, "checklist", "set", "UP-01", "--workspace", "W", "--status", "done")
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte("{\n  \"workspace\": \"W\",\n  \"items\": [\n    {\"id\": \"UP-01\", \"status\": \"done\"},\n    {\"id\": \"ZZ-99\", \"status\": \"done\"}\n  ]\n}\n"), 0o600)
	broken := filepath.Join(t.TempDir(), "broken.json")
	os.WriteFile(broken, []byte("{\n  \"items\": [\n    {\"id\": \"UP-01\",,}\n  ]\n}\n"), 0o600)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"ErrUnknownItem", []string{"checklist", "set", "XX-01", "--workspace", "W", "--status", "done"}, `no checklist item "XX-01"`},
		{"ErrInvalidStatus", []string{"checklist", "set", "UP-01", "--workspace", "W", "--status", "finished"}, `"finished" is not a status`},
		{"ErrMissingReason", []string{"checklist", "set", "UP-02", "--workspace", "W", "--status", "not_applicable"}, "needs a reason"},
		{"ErrExportUnknownWorkspace", []string{"checklist", "export", "--workspace", "Nope", "--format", "md", "--lang", "en", "--out", "-"}, `no workspace named "Nope"`},
		{"ErrListUnknownWorkspace", []string{"checklist", "list", "--workspace", "Nope"}, `no workspace named "Nope"`},
		{"ErrUnknownFormat", []string{"checklist", "export", "--workspace", "W", "--format", "docx", "--lang", "en", "--out", "-"}, `"docx" is not a format`},
		{"ErrImportUnknownItemNamesLine", []string{"checklist", "import", bad, "--workspace", "W"}, "line 5"},
		{"ErrImportSyntaxNamesLine", []string{"checklist", "import", broken, "--workspace", "W"}, "line 3"},
		{"ErrUsage", []string{"checklist", "set", "UP-01"}, "usage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := run(t, dir, tt.args...)
			if code != ExitError || !strings.Contains(errOut, tt.want) {
				t.Fatalf("exit %d, stderr %q; want 2 and %q", code, errOut, tt.want)
			}
		})
	}
	t.Run("OK_NothingLost", func(t *testing.T) {
		_, out, _ := run(t, dir, "checklist", "list", "--workspace", "W")
		if !strings.Contains(out, "UP-01  done") && !strings.Contains(out, "done") {
			t.Fatalf("the first answer was lost: %s", out)
		}
		if _, _, errOut := run(t, dir, "checklist", "list", "--workspace", "Nope"); errOut == "" {
			t.Fatal("a failed set created a workspace")
		}
	})
}

func TestCorruptDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "steward.db")
	os.WriteFile(db, []byte("not a database at all"), 0o600)
	code, _, errOut := run(t, dir, "checklist", "list", "--workspace", "W")
	if code != ExitError || !strings.Contains(errOut, db) || !strings.Contains(errOut, "left untouched") {
		t.Fatalf("exit %d %q", code, errOut)
	}
	if b, _ := os.ReadFile(db); string(b) != "not a database at all" {
		t.Fatal("the corrupt file was overwritten")
	}
}

func TestBackupCommand(t *testing.T) {
	dir := t.TempDir()
	run(t, dir, "checklist", "set", "UP-01", "--workspace", "W", "--status", "done")
	dest := filepath.Join(t.TempDir(), "b.db")
	if code, _, errOut := run(t, dir, "backup", dest); code != ExitOK {
		t.Fatalf("backup: %s", errOut)
	}
	restored := t.TempDir()
	b, _ := os.ReadFile(dest)
	os.WriteFile(filepath.Join(restored, "steward.db"), b, 0o600)
	if _, out, _ := run(t, restored, "checklist", "list", "--workspace", "W"); !strings.Contains(out, "done") {
		t.Fatalf("backup lacks the answer: %s", out)
	}
}

func TestPDFExportRendersChinese(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	dir := t.TempDir()
	run(t, dir, "checklist", "set", "UP-01", "--workspace", "W", "--status", "done", "--note", "已审核")
	pdf := filepath.Join(t.TempDir(), "w.pdf")
	if code, _, errOut := run(t, dir, "checklist", "export", "--workspace", "W", "--format", "pdf", "--lang", "zh-CN", "--out", pdf); code != ExitOK {
		t.Fatalf("pdf export: %s", errOut)
	}
	text, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"合规检查清单", "已完成", "已审核", "UP-01"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the PDF text lacks %q", want)
		}
	}
}

func TestUnusableDataDir(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-folder")
	os.WriteFile(file, []byte("x"), 0o600)
	code, _, errOut := run(t, file, "checklist", "list", "--workspace", "W")
	if code != ExitError || !strings.Contains(errOut, "data folder "+file+" cannot be used") {
		t.Fatalf("exit %d %q", code, errOut)
	}
}
