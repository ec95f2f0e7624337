package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/url"
	"strings"
	"testing"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	"steward/backend/keys"
	"steward/backend/openaitest"
	"steward/backend/settings"
	"steward/backend/store"
	"steward/backend/store/pgtest"
)

// runTeam runs a command line the way main does (global flags split off),
// with the database password in PGPASSWORD, as a host of the team would.
func runTeam(t *testing.T, ctx context.Context, pw, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut syncBuffer
	g, rest, err := ParseGlobal(args)
	if err != nil {
		return ExitError, "", err.Error()
	}
	env := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Version: "test",
		DataDir: g.DataDir, DatabaseURL: g.DatabaseURL,
		Getenv: func(k string) string {
			switch k {
			case "STEWARD_VAULT_PASSPHRASE":
				return "correct horse battery"
			case "PGPASSWORD":
				return pw
			}
			return ""
		}}
	code := Run(ctx, env, rest)
	return code, out.String(), errOut.String()
}

// Two hosts with their own data folders and one --database-url: members
// and a token made on one, a gateway on the other, and the usage report on
// the first sees the calls the gateway logged.
func TestTeamDatabaseAcrossHosts(t *testing.T) {
	ctx := context.Background()
	u, err := url.Parse(pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	pw, _ := u.User.Password()
	u.User = url.User(u.User.Username())
	dbURL := u.String()
	hostA, hostB := t.TempDir(), t.TempDir()
	var seen bytes.Buffer // everything printed, checked for secrets at the end
	must := func(dir, stdin string, args ...string) string {
		t.Helper()
		code, out, errOut := runTeam(t, ctx, pw, stdin, append([]string{"--data-dir", dir, "--database-url", dbURL}, args...)...)
		seen.WriteString(out + errOut)
		if code != ExitOK {
			t.Fatalf("%v = %d: %s", args, code, errOut)
		}
		return out
	}
	must(hostA, "", "members", "add", "Mei")
	must(hostA, "", "members", "add", "Ops")
	token := strings.TrimSpace(must(hostA, "", "members", "token", "Mei"))
	if !strings.HasPrefix(token, "stw_") {
		t.Fatalf("members token printed %q", token)
	}
	key := fakeKey(t)
	upstream := openaitest.New(t, openaitest.WithKeys(key))
	useFileVault(t, hostB)
	must(hostB, key+"\n", "keys", "add", "--member", "Ops", "--label", "team", "--env", "prod")

	addr := freeAddr(t)
	gctx, cancel := context.WithCancel(ctx)
	var gwOut syncBuffer
	done := make(chan int)
	go func() {
		code, out, errOut := runTeam(t, gctx, pw, "", "--database-url", dbURL, "--data-dir", hostB,
			"gateway", "--listen", addr, "--upstream", upstream.URL, "--key", "team")
		gwOut.Write([]byte(out + errOut))
		done <- code
	}()
	cfg := goopenai.DefaultConfig(token)
	cfg.BaseURL = "http://" + addr + "/v1"
	client := goopenai.NewClientWithConfig(cfg)
	var resp goopenai.ChatCompletionResponse
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		resp, err = client.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{
			Model: "gpt-4o-mini", Messages: []goopenai.ChatCompletionMessage{{Role: "user", Content: "hello"}}})
		if err == nil || time.Now().After(deadline) {
			break
		}
	}
	if err != nil || resp.Usage.TotalTokens == 0 {
		cancel()
		<-done
		t.Fatalf("chat through host B's gateway = %+v, %v (%s)", resp.Usage, err, gwOut.String())
	}
	cancel()
	if code := <-done; code != ExitOK {
		t.Fatalf("gateway exit %d: %s", code, gwOut.String())
	}
	seen.WriteString(gwOut.String())

	rep := must(hostA, "", "usage", "report", "--by", "member", "--format", "json")
	var r struct {
		Rows []struct {
			Group       string `json:"group"`
			Requests    int    `json:"requests"`
			InputTokens int    `json:"input_tokens"`
		} `json:"rows"`
	}
	if err := json.Unmarshal([]byte(rep), &r); err != nil || len(r.Rows) != 1 || r.Rows[0].Group != "Mei" ||
		r.Rows[0].Requests != 1 || r.Rows[0].InputTokens == 0 {
		t.Fatalf("host A's usage by member = %v %s; want Mei's one call, logged once", err, rep)
	}
	// host A without the URL has its own, empty register
	if code, out, _ := runTeam(t, ctx, pw, "", "--data-dir", hostA, "members", "list"); code != ExitOK || strings.Contains(out, "Mei") {
		t.Fatalf("members without --database-url = %d %q", code, out)
	}
	for _, s := range []string{pw, key} {
		if strings.Contains(seen.String(), s) {
			t.Fatal("a command printed the database password or the upstream key")
		}
	}
}

// useFileVault chooses the encrypted file vault for a data folder, as
// `keys vault file` does on a machine without a usable keychain.
func useFileVault(t *testing.T, dir string) {
	t.Helper()
	st, err := store.Open(context.Background(), dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := settings.New(st, nil).SetValue(context.Background(), keys.SettingVault, keys.VaultFile); err != nil {
		t.Fatal(err)
	}
}

// A database URL with its password on the command line is refused, and
// PostgreSQL down at start is a clear error and exit code 2.
func TestTeamDatabaseBadStart(t *testing.T) {
	ctx := context.Background()
	code, _, errOut := runTeam(t, ctx, "", "", "--database-url", "postgres://steward:s3cret-pw@127.0.0.1:1/team", "members", "list")
	if code != ExitError || strings.Contains(errOut, "s3cret-pw") || !strings.Contains(errOut, "PGPASSWORD") {
		t.Fatalf("a URL with a password = %d %q", code, errOut)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	code, _, errOut = runTeam(t, ctx, "pw-in-env-123", "", "--data-dir", t.TempDir(),
		"--database-url", "postgres://steward@"+addr+"/team?sslmode=disable", "members", "list")
	if code != ExitError || !strings.Contains(errOut, "Cannot reach PostgreSQL at "+addr) || strings.Contains(errOut, "pw-in-env-123") {
		t.Fatalf("PostgreSQL down = %d %q; want exit 2 naming the server", code, errOut)
	}
}
