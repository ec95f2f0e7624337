package cli

import (
	"context"
	"strings"
	"testing"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	"steward/backend/openaitest"
)

func TestUsageReconcile(t *testing.T) {
	now := time.Now().UTC()
	admin := orgKey(t, "sk-admin-")
	srv := openaitest.New(t, openaitest.WithUsage(
		openaitest.UsageRecord{Time: now.AddDate(0, 0, -1), APIKeyID: "key_leaked", Model: "gpt-4o", Requests: 40, InputTokens: 4000, OutputTokens: 900}))
	c := &orgCLI{t: t, dir: t.TempDir(), url: srv.URL}
	c.must("", "keys", "vault", "file")
	c.must("", "members", "add", "Ops")

	c.fails("usage.admin_key", "usage", "reconcile")
	c.must(admin+"\n", "keys", "add", "--member", "Ops", "--label", "usage-admin")
	c.must("", "settings", "set", "usage.admin_key", "usage-admin")
	c.fails("usage: steward usage reconcile", "usage", "reconcile", "--format", "xml")
	c.fails("usage: steward usage reconcile", "usage", "reconcile", "extra")
	c.fails("2026-13-01", "usage", "reconcile", "--since", "2026-13-01")

	code, out, errOut := c.run("", "usage", "reconcile", "--since", now.AddDate(0, 0, -7).Format("2006-01-02"))
	if code != ExitFinding || !strings.Contains(out, "key_leaked") || !strings.Contains(out, "40 requests (4000 input, 900 output tokens)") ||
		!strings.Contains(out, "unmapped: key_leaked") {
		t.Fatalf("reconcile = %d %q %q", code, out, errOut)
	}
	var rec struct {
		UnseenRequests int64    `json:"unseen_requests"`
		Unmapped       []string `json:"unmapped"`
		Rows           []struct {
			APIKeyID    string `json:"api_key_id"`
			APIRequests int64  `json:"api_requests"`
		} `json:"rows"`
	}
	code, out, _ = c.run("", "usage", "reconcile", "--format", "json")
	decodeJSON(t, out, &rec)
	if code != ExitFinding || rec.UnseenRequests != 40 || len(rec.Rows) != 1 || rec.Rows[0].APIRequests != 40 {
		t.Fatalf("reconcile json = %d %+v", code, rec)
	}
	// A period with nothing unseen is no finding.
	old := now.AddDate(0, -3, 0)
	code, out, errOut = c.run("", "usage", "reconcile", "--since", old.Format("2006-01-02"), "--until", old.AddDate(0, 0, 3).Format("2006-01-02"))
	if code != ExitOK || !strings.Contains(out, "0 requests") {
		t.Fatalf("a quiet period = %d %q %q", code, out, errOut)
	}
	if strings.Contains(c.seen.String(), admin) {
		t.Fatal("the admin key was printed")
	}
}

func TestUsageBodies(t *testing.T) {
	key := fakeKey(t)
	srv := openaitest.New(t, openaitest.WithKeys(key))
	c := &orgCLI{t: t, dir: t.TempDir(), url: srv.URL}
	code, out, errOut := c.run("", "usage", "bodies")
	if code != ExitOK || !strings.Contains(errOut, "Body logging is off") || !strings.Contains(out, "No bodies") {
		t.Fatalf("bodies with logging off = %d %q %q", code, out, errOut)
	}
	c.fails("usage: steward usage bodies", "usage", "bodies", "--limit", "0")
	c.fails("usage: steward usage bodies", "usage", "bodies", "--format", "csv")
	c.fails("invalid value", "usage", "bodies", "--days", "many")

	c.must("", "usage", "policy", "--log-bodies", "on", "--redact-pii", "on")
	c.must("", "keys", "vault", "file")
	c.must("", "members", "add", "Mei")
	c.must(key+"\n", "keys", "add", "--member", "Mei", "--label", "team")
	token := strings.TrimSpace(c.must("", "members", "token", "Mei"))
	addr := freeAddr(t)
	_, stop := startGateway(t, c.dir, "--listen", addr, "--upstream", srv.URL, "--key", "team")
	cfg := goopenai.DefaultConfig(token)
	cfg.BaseURL = "http://" + addr + "/v1"
	for _, msg := range []string{"hello there", "write to mei@example.com"} {
		if _, err := goopenai.NewClientWithConfig(cfg).CreateChatCompletion(context.Background(), goopenai.ChatCompletionRequest{
			Model: "gpt-4o-mini", Messages: []goopenai.ChatCompletionMessage{{Role: "user", Content: msg}}}); err != nil {
			t.Fatalf("chat through the gateway: %v", err)
		}
	}
	stop()

	var bodies []struct {
		Member   string `json:"member"`
		Request  string `json:"request"`
		Response string `json:"response"`
		Redacted bool   `json:"redacted"`
	}
	code, out, errOut = c.run("", "usage", "bodies", "--format", "json")
	decodeJSON(t, out, &bodies)
	if code != ExitOK || len(bodies) != 2 || strings.Contains(errOut, "Body logging is off") || bodies[1].Member != "Mei" ||
		!strings.Contains(bodies[1].Request, "hello there") || !bodies[0].Redacted || strings.Contains(out, "mei@example.com") {
		t.Fatalf("bodies = %d %+v %q", code, bodies, errOut)
	}
	if out := c.must("", "usage", "bodies", "--limit", "1"); strings.Count(out, "request:") != 1 || !strings.Contains(out, "personal data redacted") {
		t.Fatalf("the newest body = %q", out)
	}
	if strings.Contains(c.seen.String(), key) {
		t.Fatal("the key was printed")
	}
}
