package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"steward/backend/app"
	"steward/backend/cli"
)

// TestExportsMatchAcrossFronts: the window's export (its dialog answered by
// STEWARD_E2E_EXPORT_DIR) and the CLI's write the same bytes.
func TestExportsMatchAcrossFronts(t *testing.T) {
	data, cliDir := t.TempDir(), t.TempDir()
	now := func() time.Time { return time.Date(2026, 3, 12, 9, 30, 0, 0, time.UTC) }
	steward := func(args ...string) {
		var out, errOut bytes.Buffer
		env := &cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }, DataDir: data, Now: now}
		if code := cli.Run(context.Background(), env, args); code != cli.ExitOK {
			t.Fatalf("steward %v: exit %d: %s", args, code, errOut.String())
		}
	}
	steward("checklist", "set", "UP-01", "--workspace", "Bot", "--status", "done", "--owner", "Ann")
	steward("checklist", "set", "UP-02", "--workspace", "Bot", "--status", "not_applicable", "--reason", "没有未成年人")
	t.Setenv("STEWARD_E2E_EXPORT_DIR", t.TempDir())
	a := openApp("test", app.Options{DataDir: data, Now: now})
	if a.openErr != nil {
		t.Fatal(a.openErr)
	}
	defer a.svc.Close()
	for _, f := range []string{"md", "csv", "json", "html"} {
		for _, lang := range []string{"en", "zh-CN"} {
			gui, err := a.ExportChecklist("Bot", f, lang)
			cliPath := filepath.Join(cliDir, filepath.Base(gui))
			steward("checklist", "export", "--workspace", "Bot", "--format", f, "--lang", lang, "--out", cliPath)
			if g, c := read(t, gui), read(t, cliPath); err != nil || len(g) == 0 || !bytes.Equal(g, c) {
				t.Errorf("%s %s: the window wrote %d bytes (%v), the CLI %d, and they differ", f, lang, len(g), err, len(c))
			}
		}
	}
	gui, err := a.ExportUsageReport(app.ReportRequest{Since: "2026-03-01", By: "model"}, "csv", "en")
	steward("usage", "report", "--since", "2026-03-01", "--by", "model", "--format", "csv", "--out", filepath.Join(cliDir, "u.csv"))
	if err != nil || !bytes.Equal(read(t, gui), read(t, filepath.Join(cliDir, "u.csv"))) {
		t.Errorf("usage report: the window and the CLI differ (%v)", err)
	}
}

// TestUnavailableDataFolder: nothing half-built is bound, and calls say why.
func TestUnavailableDataFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-folder")
	os.WriteFile(file, []byte("x"), 0o600)
	a := openApp("test", app.Options{DataDir: file})
	info, err := a.AppInfo()
	if a.svc != nil || err != nil || info.StartupError == nil || len(a.bindings()) != 1+len(app.BoundTypes()) {
		t.Fatalf("AppInfo = %+v, %v", info, err)
	}
	if _, err := a.ExportChecklist("Bot", "md", "en"); !strings.Contains(a.formatError(err).(string), "data_unavailable") {
		t.Fatalf("export while unavailable: %v", err)
	}
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
