package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	"steward/backend/openaitest"
)

// syncBuffer is a buffer safe to write from the gateway's goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func freeAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func TestGatewayEndToEnd(t *testing.T) {
	key := fakeKey(t)
	upstream := openaitest.New(t, openaitest.WithKeys(key))
	dir := t.TempDir()
	runIn(t, dir, "", "keys", "vault", "file")
	runIn(t, dir, "", "members", "add", "Mei")
	runIn(t, dir, key+"\n", "keys", "add", "--member", "Mei", "--label", "team", "--env", "prod")
	code, token, errOut := runIn(t, dir, "", "members", "token", "Mei")
	token = strings.TrimSpace(token)
	if code != ExitOK || !strings.HasPrefix(token, "stw_") {
		t.Fatalf("members token = %d %q %q", code, token, errOut)
	}

	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	var out syncBuffer
	done := make(chan int)
	go func() {
		env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &out, DataDir: dir,
			Getenv: func(k string) string {
				if k == "STEWARD_VAULT_PASSPHRASE" {
					return "correct horse battery"
				}
				return ""
			}}
		done <- Run(ctx, env, []string{"gateway", "--listen", addr, "--upstream", upstream.URL, "--key", "team"})
	}()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(out.String(), "OPENAI_BASE_URL") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	cfg := goopenai.DefaultConfig(token)
	cfg.BaseURL = "http://" + addr + "/v1"
	resp, err := goopenai.NewClientWithConfig(cfg).CreateChatCompletion(context.Background(), goopenai.ChatCompletionRequest{
		Model: "gpt-4o-mini", Messages: []goopenai.ChatCompletionMessage{{Role: "user", Content: "hello"}}})
	if err != nil || resp.Usage.TotalTokens == 0 {
		t.Fatalf("chat through the gateway = %+v, %v (%s)", resp.Usage, err, out.String())
	}
	cancel()
	if code := <-done; code != ExitOK {
		t.Fatalf("gateway exit %d: %s", code, out.String())
	}
	if strings.Contains(out.String(), key) {
		t.Fatal("the gateway printed the upstream key")
	}
	code, rep, _ := runIn(t, dir, "", "usage", "report", "--by", "member", "--format", "json")
	var r struct {
		Rows []struct {
			Group       string `json:"group"`
			Requests    int    `json:"requests"`
			InputTokens int    `json:"input_tokens"`
		} `json:"rows"`
	}
	if err := json.Unmarshal([]byte(rep), &r); code != ExitOK || err != nil || len(r.Rows) != 1 || r.Rows[0].Group != "Mei" || r.Rows[0].InputTokens == 0 {
		t.Fatalf("usage by member = %d %v %s", code, err, rep)
	}
}
