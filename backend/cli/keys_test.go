package cli

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"steward/backend/openaitest"
)

// fakeKey makes a project key shape at run time; no literal key is committed.
func fakeKey(t *testing.T) string {
	b := make([]byte, 60)
	rand.Read(b)
	body := strings.NewReplacer("+", "A", "/", "b", "=", "").Replace(base64.StdEncoding.EncodeToString(b))
	return "sk-proj-" + body[:40] + "T3BlbkFJ" + body[40:76]
}

// runIn runs the CLI with stdin and the encrypted file vault's passphrase set.
func runIn(t *testing.T, dir, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Version: "test", DataDir: dir,
		Getenv: func(k string) string {
			if k == "STEWARD_VAULT_PASSPHRASE" {
				return "correct horse battery"
			}
			return ""
		}}
	code := Run(context.Background(), env, args)
	return code, out.String(), errOut.String()
}

func TestKeysWithFileVault(t *testing.T) {
	dir := t.TempDir()
	key, successor := fakeKey(t), fakeKey(t)
	var captured strings.Builder
	must := func(stdin string, args ...string) string {
		t.Helper()
		code, out, errOut := runIn(t, dir, stdin, args...)
		captured.WriteString(out + errOut)
		if code != ExitOK {
			t.Fatalf("%v = %d: %s", args, code, errOut)
		}
		return out
	}
	must("", "keys", "vault", "file")
	must("", "members", "add", "Mei", "--email", "mei@example.com")
	must("", "members", "add", "Lei")
	out := must(key+"\n", "keys", "add", "--member", "Mei", "--label", "mei-dev", "--env", "dev")
	if !strings.Contains(out, "sk-proj-…") {
		t.Fatalf("add printed %q", out)
	}
	list := must("", "keys", "list")
	if !strings.Contains(list, "mei-dev") || !strings.Contains(list, "project") {
		t.Fatalf("list = %s", list)
	}
	code, findings, _ := runIn(t, dir, "", "keys", "findings")
	captured.WriteString(findings)
	if code != ExitFinding || !strings.Contains(findings, "Lei") {
		t.Fatalf("findings exit %d: %s", code, findings)
	}
	must(successor+"\n", "keys", "rotate", "mei-dev")
	must("", "keys", "remove", "mei-dev")
	code, _, errOut := runIn(t, dir, "not a key\n", "keys", "add", "--member", "Lei", "--label", "x")
	captured.WriteString(errOut)
	if code != ExitError || errOut == "" {
		t.Fatalf("a bad key was accepted: %d", code)
	}

	for _, k := range []string{key, successor} {
		if strings.Contains(captured.String(), k) {
			t.Fatal("a full key reached the command's output")
		}
		filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
			if err == nil && !fi.IsDir() {
				if b, _ := os.ReadFile(p); bytes.Contains(b, []byte(k)) {
					t.Errorf("a full key is stored in plain text in %s", filepath.Base(p))
				}
			}
			return nil
		})
	}
}

func TestKeysUsage(t *testing.T) {
	code, _, errOut := runIn(t, t.TempDir(), "", "keys", "add", "--label", "x")
	if code != ExitError || !strings.Contains(errOut, "usage") {
		t.Fatalf("exit %d %q", code, errOut)
	}
	code, _, errOut = runIn(t, t.TempDir(), "", "keys", "frob")
	if code != ExitError || !strings.Contains(errOut, "unknown subcommand") {
		t.Fatalf("exit %d %q", code, errOut)
	}
}

func TestKeysVerifyAgainstTheAPI(t *testing.T) {
	good, bad := fakeKey(t), fakeKey(t)
	srv := openaitest.New(t, openaitest.WithKeys(good))
	dir := t.TempDir()
	env := func(stdin string, args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		e := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, DataDir: dir,
			Getenv: func(k string) string {
				switch k {
				case "STEWARD_VAULT_PASSPHRASE":
					return "correct horse battery"
				case "OPENAI_BASE_URL":
					return srv.URL
				}
				return ""
			}}
		return Run(context.Background(), e, args), out.String(), errOut.String()
	}
	env("", "keys", "vault", "file")
	env("", "members", "add", "Mei")
	env(good+"\n", "keys", "add", "--member", "Mei", "--label", "good")
	env(bad+"\n", "keys", "add", "--member", "Mei", "--label", "bad")
	if code, out, errOut := env("", "keys", "verify", "good"); code != ExitOK || !strings.Contains(out, "valid") {
		t.Fatalf("verify good = %d %q %q", code, out, errOut)
	}
	if code, out, _ := env("", "keys", "verify", "bad"); code != ExitFinding || !strings.Contains(out, "invalid") {
		t.Fatalf("verify bad = %d %q", code, out)
	}
	if strings.Contains(fmt.Sprint(srv.Requests()), good) {
		t.Fatal("the request log holds the key")
	}
	code, out, errOut := env("", "usage", "report", "--by", "endpoint", "--format", "json")
	var rep struct {
		Rows []struct {
			Group    string `json:"group"`
			Requests int    `json:"requests"`
			Errors   int    `json:"errors"`
		} `json:"rows"`
		Totals struct{ Requests, Errors int } `json:"totals"`
	}
	if err := json.Unmarshal([]byte(out), &rep); code != ExitOK || err != nil || rep.Totals.Requests != 2 || rep.Totals.Errors != 1 {
		t.Fatalf("the key checks are not in the usage log: %d %v %s %s", code, err, out, errOut)
	}
}
