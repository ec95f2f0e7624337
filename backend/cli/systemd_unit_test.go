package cli

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const unitPath = "../../build/linux/steward-gateway.service"

// unitLines parses a systemd unit into its [Service] settings, in order.
func unitLines(t *testing.T, text string) [][2]string {
	t.Helper()
	var out [][2]string
	section := ""
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "["):
			section = strings.Trim(line, "[]")
		default:
			k, v, ok := strings.Cut(line, "=")
			if !ok {
				t.Fatalf("line %d is not KEY=VALUE: %q", i+1, line)
			}
			if section == "Service" {
				out = append(out, [2]string{k, v})
			}
		}
	}
	return out
}

// TestSystemdUnit checks the unit against the CLI: its command and flags
// exist, every STEWARD_ variable it sets is one `steward gateway` reads,
// it stops with SIGTERM and gives the drain time to finish. With
// systemd-analyze installed, systemd checks it too.
func TestSystemdUnit(t *testing.T) {
	b, err := os.ReadFile(unitPath)
	if err != nil {
		t.Fatal(err)
	}
	fs := flag.NewFlagSet("gateway", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if _, err := headlessFlags(fs, &Env{Getenv: func(string) string { return "" }}); err != nil {
		t.Fatal(err)
	}
	var help bytes.Buffer
	Run(context.Background(), &Env{Stdout: &help, Stderr: &help, Getenv: func(string) string { return "" }}, []string{"gateway", "--help"})

	set := map[string]string{}
	var drain, stop time.Duration
	for _, kv := range unitLines(t, string(b)) {
		k, v := kv[0], kv[1]
		set[k] = v
		switch k {
		case "ExecStart":
			args := strings.Fields(v)
			if len(args) < 2 || filepath.Base(args[0]) != "steward" || args[1] != "gateway" {
				t.Fatalf("ExecStart = %q; want steward gateway ...", v)
			}
			for _, a := range args[2:] {
				if name, ok := strings.CutPrefix(a, "--"); ok {
					name, _, _ = strings.Cut(name, "=")
					if fs.Lookup(name) == nil {
						t.Errorf("ExecStart flag --%s is not a flag of steward gateway", name)
					}
				}
			}
		case "Environment":
			name, val, _ := strings.Cut(v, "=")
			if name != "STEWARD_DATA_DIR" && !strings.Contains(help.String(), "env "+name+")") {
				t.Errorf("the unit sets %s, which steward gateway does not read", name)
			}
			if name == "STEWARD_DRAIN_TIMEOUT" {
				if drain, err = time.ParseDuration(val); err != nil {
					t.Fatal(err)
				}
			}
		case "TimeoutStopSec":
			if stop, err = time.ParseDuration(v); err != nil {
				t.Fatal(err)
			}
		}
	}
	const usageDrain = 10 * time.Second // app.closeUsage
	if drain == 0 || stop <= drain+usageDrain {
		t.Errorf("TimeoutStopSec %v must exceed the drain timeout %v plus %v for the usage log", stop, drain, usageDrain)
	}
	for k, v := range map[string]string{
		"Type": "simple", "KillSignal": "SIGTERM", "NoNewPrivileges": "yes", "ProtectSystem": "strict",
		"ProtectHome": "yes", "PrivateTmp": "yes", "StateDirectory": "steward",
		"LoadCredential": "upstream-key:/etc/steward/upstream-key", "EnvironmentFile": "-/etc/steward/gateway.env",
	} {
		if set[k] != v {
			t.Errorf("%s = %q; want %q", k, set[k], v)
		}
	}
	if !strings.Contains(set["RestrictAddressFamilies"], "AF_INET") {
		t.Errorf("RestrictAddressFamilies = %q", set["RestrictAddressFamilies"])
	}
	if !strings.Contains(string(b), "Environment=STEWARD_UPSTREAM_KEY_FILE=%d/upstream-key") {
		t.Error("the unit does not point STEWARD_UPSTREAM_KEY_FILE at its credential")
	}

	tool, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Log("systemd-analyze not installed: the unit was checked against the CLI only")
		return
	}
	// systemd checks that the command exists: point it at this binary.
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(t.TempDir(), "steward-gateway.service")
	text := strings.Replace(string(b), "ExecStart=/usr/bin/steward", "ExecStart="+exe, 1)
	if err := os.WriteFile(copyPath, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "verify", "--man=no", copyPath).CombinedOutput()
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Fatalf("systemd-analyze verify: %v\n%s", err, out)
	}
}
