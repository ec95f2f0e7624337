package cli

import (
	"context"
	"encoding/json"
	"net"
	"strings"
	"testing"

	goopenai "github.com/sashabaranov/go-openai"

	"steward/backend/openaitest"
)

func deadURL(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return "http://" + l.Addr().String()
}

// Issue 13 from the command line: a fallback provider is added, tested,
// drilled, takes the traffic when the primary is down, and the usage
// report names it.
func TestGatewayProvidersFailoverAndDrill(t *testing.T) {
	teamKey, fbKey := fakeKey(t), fakeKey(t)
	fb := openaitest.New(t, openaitest.WithKeys(fbKey), openaitest.WithModels("backup-chat"))
	dir := t.TempDir()
	must := func(stdin string, args ...string) string {
		t.Helper()
		code, out, errOut := runIn(t, dir, stdin, args...)
		if code != ExitOK {
			t.Fatalf("%v = %d %s %s", args, code, out, errOut)
		}
		if strings.Contains(out+errOut, teamKey) || strings.Contains(out+errOut, fbKey) {
			t.Fatalf("%v printed a key", args)
		}
		return out
	}
	must("", "keys", "vault", "file")
	must("", "members", "add", "Mei")
	must(teamKey+"\n", "keys", "add", "--member", "Mei", "--label", "team", "--env", "prod")
	must(fbKey+"\n", "keys", "add", "--member", "Mei", "--label", "fb", "--env", "prod")
	token := strings.TrimSpace(must("", "members", "token", "Mei"))
	must("", "settings", "set", "gateway.upstream", deadURL(t))
	must("", "settings", "set", "gateway.upstream_key", "team")

	if code, _, errOut := runIn(t, dir, "", "gateway", "providers", "add", "backup", "--base-url", fb.URL); code != ExitError || !strings.Contains(errOut, "usage") {
		t.Fatalf("add without --key = %d %s", code, errOut)
	}
	must("", "gateway", "providers", "add", "backup", "--base-url", fb.URL, "--key", "fb", "--models", "gpt-4o-mini=backup-chat")
	var list []struct {
		Name    string            `json:"name"`
		Primary bool              `json:"primary"`
		Models  map[string]string `json:"models"`
	}
	if err := json.Unmarshal([]byte(must("", "gateway", "providers", "list", "--format", "json")), &list); err != nil ||
		len(list) != 2 || !list[0].Primary || list[1].Name != "backup" || list[1].Models["gpt-4o-mini"] != "backup-chat" {
		t.Fatalf("list = %+v, %v", list, err)
	}
	if out := must("", "gateway", "providers", "test", "backup"); !strings.Contains(out, "ok") {
		t.Fatalf("test = %s", out)
	}
	if code, out, _ := runIn(t, dir, "", "gateway", "providers", "test", "primary"); code != ExitFinding || !strings.Contains(out, "FAILED") {
		t.Fatalf("test of the dead primary = %d %s", code, out)
	}
	if out := must("", "gateway", "drill"); !strings.Contains(out, "PASSED") || !strings.Contains(out, "backup would answer") {
		t.Fatalf("drill = %s", out)
	}

	addr := freeAddr(t)
	_, stop := startGateway(t, dir, "--listen", addr)
	cfg := goopenai.DefaultConfig(token)
	cfg.BaseURL = "http://" + addr + "/v1"
	resp, err := goopenai.NewClientWithConfig(cfg).CreateChatCompletion(context.Background(), goopenai.ChatCompletionRequest{
		Model: "gpt-4o-mini", Messages: []goopenai.ChatCompletionMessage{{Role: "user", Content: "hello"}}})
	if err != nil || resp.Model != "backup-chat" {
		t.Fatalf("chat with the primary down = %+v, %v", resp, err)
	}
	stop()
	var rep struct {
		Rows []struct {
			Group    string `json:"group"`
			Requests int    `json:"requests"`
		} `json:"rows"`
	}
	out := must("", "usage", "report", "--by", "provider", "--format", "json")
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Rows) != 1 || rep.Rows[0].Group != "backup" || rep.Rows[0].Requests != 1 {
		t.Fatalf("usage by provider = %v %s", err, out)
	}
	must("", "gateway", "providers", "remove", "backup")
	if code, _, errOut := runIn(t, dir, "", "gateway", "providers", "remove", "backup"); code != ExitError || !strings.Contains(errOut, "no provider") {
		t.Fatalf("second remove = %d %s", code, errOut)
	}
}
