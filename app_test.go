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

// TestExportsMatchAcrossFronts exports the same data through the window's
// path (App.Export…, dialog answered by STEWARD_E2E_EXPORT_DIR) and the
// CLI's, and expects the same bytes: both go through backend/app.
func TestExportsMatchAcrossFronts(t *testing.T) {
	dataDir, guiDir, cliDir := t.TempDir(), t.TempDir(), t.TempDir()
	now := func() time.Time { return time.Date(2026, 3, 12, 9, 30, 0, 0, time.UTC) }
	runCLI(t, dataDir, now, "checklist", "set", "UP-01", "--workspace", "Bot", "--status", "done", "--owner", "Ann")
	runCLI(t, dataDir, now, "checklist", "set", "UP-02", "--workspace", "Bot", "--status", "not_applicable", "--reason", "没有未成年人")

	t.Setenv("STEWARD_E2E_EXPORT_DIR", guiDir)
	a := openApp("test", app.Options{DataDir: dataDir, Now: now})
	if a.openErr != nil {
		t.Fatalf("open: %v", a.openErr)
	}
	defer a.svc.Close()
	for _, format := range []string{"md", "csv", "json", "html"} {
		for _, lang := range []string{"en", "zh-CN"} {
			guiPath, err := a.ExportChecklist("Bot", format, lang)
			if err != nil {
				t.Fatalf("GUI export %s %s: %v", format, lang, err)
			}
			cliPath := filepath.Join(cliDir, filepath.Base(guiPath))
			runCLI(t, dataDir, now, "checklist", "export", "--workspace", "Bot", "--format", format, "--lang", lang, "--out", cliPath)
			gui, cliOut := readFile(t, guiPath), readFile(t, cliPath)
			if len(gui) == 0 || !bytes.Equal(gui, cliOut) {
				t.Errorf("%s %s: the GUI wrote %d bytes, the CLI %d, and they differ", format, lang, len(gui), len(cliOut))
			}
		}
	}
	guiPath, err := a.ExportUsageReport(app.ReportRequest{Since: "2026-03-01", Until: "2026-03-12", By: "model"}, "csv", "en")
	if err != nil {
		t.Fatal(err)
	}
	cliPath := filepath.Join(cliDir, "usage.csv")
	runCLI(t, dataDir, now, "usage", "report", "--since", "2026-03-01", "--until", "2026-03-12", "--by", "model", "--format", "csv", "--out", cliPath)
	if !bytes.Equal(readFile(t, guiPath), readFile(t, cliPath)) {
		t.Error("usage report: the GUI and the CLI wrote different bytes")
	}
}

// TestUnavailableDataFolder opens a data folder that cannot be used: the
// App binds the services in their unavailable state and says why.
func TestUnavailableDataFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-folder")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	a := openApp("test", app.Options{DataDir: file})
	if a.openErr == nil {
		t.Fatal("a file was opened as a data folder")
	}
	info, err := a.AppInfo()
	if err != nil || info.StartupError == nil || info.StartupError.Message == "" {
		t.Fatalf("AppInfo = %+v, %v", info, err)
	}
	if _, err := a.ExportChecklist("Bot", "md", "en"); !strings.Contains(a.formatError(err).(string), string(app.CodeDataUnavailable)) {
		t.Fatalf("export while unavailable: %v", err)
	}
	if n := len(a.bindings()); n != 1+len(app.BoundTypes()) {
		t.Fatalf("bound %d structs", n)
	}
}

func runCLI(t *testing.T, dataDir string, now func() time.Time, args ...string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := &cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Version: "test",
		Getenv: func(string) string { return "" }, DataDir: dataDir, Now: now}
	if code := cli.Run(context.Background(), env, args); code != cli.ExitOK {
		t.Fatalf("steward %s: exit %d: %s", strings.Join(args, " "), code, errOut.String())
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
