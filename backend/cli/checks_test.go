package cli

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

type checksOutput struct {
	Checks []struct {
		Item, Status, Reason string
		CheckedAt            string `json:"checked_at"`
		Evidence             map[string]any
	} `json:"checks"`
}

func TestChecksCommands(t *testing.T) {
	dir, tree := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(tree, "main.go"), []byte("package main\n"), 0o600)
	if code, _, errOut := run(t, dir, "scan", tree, "--history"); code != ExitOK {
		t.Fatalf("scan: %d %s", code, errOut)
	}
	code, out, errOut := run(t, dir, "checks", "list", "--format", "json")
	var list struct{ Checks []struct{ Item string } }
	if code != ExitOK || json.Unmarshal([]byte(out), &list) != nil || len(list.Checks) < 20 {
		t.Fatalf("checks list = %d %q %s", code, out, errOut)
	}

	code, out, errOut = run(t, dir, "checks", "run", "--format", "json")
	var res checksOutput
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Checks) != len(list.Checks) {
		t.Fatalf("checks run = %d %q %s (%v)", code, out, errOut, err)
	}
	statuses := map[string]string{}
	for _, c := range res.Checks {
		if !slices.Contains([]string{"pass", "fail", "unknown"}, c.Status) || c.Reason == "" || c.CheckedAt == "" || c.Evidence == nil {
			t.Fatalf("bad check line %+v", c)
		}
		statuses[c.Item] = c.Status
	}
	// No budget is set, so OP-03 fails and the command exits 1.
	if code != ExitFinding || statuses["OP-03"] != "fail" || statuses["KH-03"] != "pass" {
		t.Fatalf("exit %d, statuses %v", code, statuses)
	}

	code, _, errOut = run(t, dir, "checks", "run", "--workspace", "Nobody")
	if code != ExitError || !strings.Contains(errOut, "Nobody") {
		t.Fatalf("unknown workspace = %d %q", code, errOut)
	}
	run(t, dir, "checklist", "set", "UP-01", "--workspace", "Bot", "--status", "todo")
	code, out, _ = run(t, dir, "checks", "run", "--workspace", "Bot", "--lang", "zh-CN")
	if code != ExitFinding || !strings.Contains(out, "KH-03") || !strings.Contains(out, "文件夹") {
		t.Fatalf("checks run in zh-CN = %d %q", code, out)
	}
	_, out, _ = run(t, dir, "checklist", "list", "--workspace", "Bot", "--format", "json")
	if !strings.Contains(out, `"kind": "check"`) {
		t.Fatalf("no check evidence on the items: %s", out)
	}
	code, out, _ = run(t, dir, "checks", "list", "--workspace", "Bot")
	if code != ExitOK || !strings.Contains(out, "[pass ") {
		t.Fatalf("checks list --workspace = %d %q", code, out)
	}
	if code, _, _ := run(t, dir, "checks", "run", "--format", "xml"); code != ExitError {
		t.Fatalf("bad format exit %d", code)
	}
}

func TestAuditBundle(t *testing.T) {
	dir, tree := t.TempDir(), t.TempDir()
	key := fakeKey(t)
	os.WriteFile(filepath.Join(tree, "config.py"), []byte("k = \""+key+"\"\n"), 0o600)
	run(t, dir, "scan", tree, "--history")
	run(t, dir, "checklist", "set", "UP-01", "--workspace", "Bot", "--status", "done")
	zipPath := filepath.Join(t.TempDir(), "bundle.zip")
	code, out, errOut := run(t, dir, "audit", "bundle", "--workspace", "Bot", "--out", zipPath, "--lang", "zh-CN", "--since", "2026-01-01")
	if code != ExitOK || !strings.Contains(out, "manifest.json") {
		t.Fatalf("bundle = %d %q %s", code, out, errOut)
	}
	files := zipFiles(t, zipPath)
	for _, want := range []string{"manifest.json", "checklist.pdf", "checklist.json", "checks/results.json", "checks/evidence/KH-03.json",
		"leakscans/scan-1.sarif", "leakscans/index.json", "keys/register.json", "org/NOT-CONNECTED.txt",
		"moderation/NO-RUNS.txt", "usage/report-by-day.json", "usage/report-by-key.html", "privacy/NO-DRAFT.txt"} {
		if _, ok := files[want]; !ok {
			t.Fatalf("bundle lacks %s; has %v", want, keysOf(files))
		}
	}
	for name, body := range files {
		if strings.Contains(string(body), key) {
			t.Fatalf("%s holds the key", name)
		}
	}
	var m struct {
		GeneratedAt string `json:"generated_at"`
		Version     string `json:"steward_version"`
		Files       []struct{ Path, SHA256 string }
	}
	if err := json.Unmarshal(files["manifest.json"], &m); err != nil || len(m.Files) != len(files)-1 || m.Version != "test" || m.GeneratedAt == "" {
		t.Fatalf("manifest = %+v, %v", m, err)
	}
	if code, out, _ := run(t, dir, "audit", "verify", zipPath); code != ExitOK || !strings.Contains(out, "match") {
		t.Fatalf("verify = %d %q", code, out)
	}

	for name, tamper := range map[string]struct {
		edit func(map[string][]byte)
		file string
	}{
		"ChangedByte": {func(f map[string][]byte) { f["checklist.json"][10] ^= 1 }, "changed: checklist.json"},
		"RemovedFile": {func(f map[string][]byte) { delete(f, "keys/register.json") }, "missing: keys/register.json"},
		"AddedFile":   {func(f map[string][]byte) { f["notes.txt"] = []byte("added later") }, "not in the manifest: notes.txt"},
	} {
		t.Run(name, func(t *testing.T) {
			copied := map[string][]byte{}
			for n, b := range files {
				copied[n] = bytes.Clone(b)
			}
			tamper.edit(copied)
			bad := filepath.Join(t.TempDir(), "tampered.zip")
			writeZip(t, bad, copied)
			code, out, _ := run(t, dir, "audit", "verify", bad)
			if code != ExitFinding || !strings.Contains(out, tamper.file) {
				t.Fatalf("verify = %d %q; want exit 1 naming %q", code, out, tamper.file)
			}
		})
	}
	t.Run("CorruptZip", func(t *testing.T) {
		raw, _ := os.ReadFile(zipPath)
		bad := filepath.Join(t.TempDir(), "corrupt.zip")
		os.WriteFile(bad, raw[:len(raw)/2], 0o600)
		if code, _, errOut := run(t, dir, "audit", "verify", bad); code != ExitError || !strings.Contains(errOut, "zip") {
			t.Fatalf("verify corrupt = %d %q", code, errOut)
		}
	})
}

func zipFiles(t *testing.T, path string) map[string][]byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name], err = io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func writeZip(t *testing.T, path string, files map[string][]byte) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func keysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
