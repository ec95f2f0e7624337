package cli

import (
	"bytes"
	"context"
	"net"
	"strings"
	"testing"
)

// steward settings team-db: the password comes from stdin (or PGPASSWORD),
// never argv, and is never printed; show and clear work without a server.
func TestSettingsTeamDB(t *testing.T) {
	dir := t.TempDir()
	const pw = "team-pass-8841"
	if code, _, errOut := run(t, dir, "settings", "team-db", "set", "postgres://u:"+pw+"@127.0.0.1/team"); code != ExitError || !strings.Contains(errOut, "password") || strings.Contains(errOut, pw) {
		t.Fatalf("a password on the command line = %d %q, want refused without echoing it", code, errOut)
	}
	if code, _, _ := run(t, dir, "settings", "team-db", "set", "mysql://u@h/db"); code != ExitError {
		t.Fatalf("a non-postgres URL = %d, want exit 2", code)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there
	var out, errOut bytes.Buffer
	env := &Env{Stdin: strings.NewReader(pw + "\n"), Stdout: &out, Stderr: &errOut, Version: "test",
		Getenv: func(string) string { return "" }, DataDir: dir}
	code := Run(context.Background(), env, []string{"settings", "team-db", "set", "postgres://u@" + addr + "/team?connect_timeout=5", "--password-stdin"})
	t.Cleanup(func() { run(t, dir, "settings", "team-db", "clear") })
	if code != ExitOK || !strings.Contains(out.String(), "stored in the vault") || !strings.Contains(out.String(), "connected: false") ||
		strings.Contains(out.String()+errOut.String(), pw) {
		t.Fatalf("set = %d %q %q", code, out.String(), errOut.String())
	}
	if code, out, _ := run(t, dir, "settings", "team-db", "show"); code != ExitOK || !strings.Contains(out, addr) || !strings.Contains(out, "problem:") || strings.Contains(out, pw) {
		t.Fatalf("show = %d %q", code, out)
	}
	if code, _, errOut := run(t, dir, "usage", "report"); code == ExitOK || !strings.Contains(errOut, addr) {
		t.Fatalf("usage report on an unreachable team database = %d %q, want its error", code, errOut)
	}
	if code, _, _ := run(t, dir, "settings", "team-db", "clear"); code != ExitOK {
		t.Fatalf("clear = %d", code)
	}
	if code, out, _ := run(t, dir, "settings", "team-db", "show"); code != ExitOK || !strings.Contains(out, "No team database") {
		t.Fatalf("show after clear = %d %q", code, out)
	}
}

// An empty --password-stdin asks for a password, not for an API key.
func TestSettingsTeamDBEmptyPassword(t *testing.T) {
	var out, errOut bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Version: "test",
		Getenv: func(string) string { return "" }, DataDir: t.TempDir()}
	code := Run(context.Background(), env, []string{"settings", "team-db", "set", "postgres://u@127.0.0.1/team", "--password-stdin"})
	if code != ExitError || !strings.Contains(errOut.String(), "no password on standard input") || strings.Contains(errOut.String(), "keys add") {
		t.Fatalf("empty password = %d %q", code, errOut.String())
	}
}
