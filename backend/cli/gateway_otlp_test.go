package cli

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	goopenai "github.com/sashabaranov/go-openai"
	coltracepb "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	"google.golang.org/protobuf/proto"

	"steward/backend/openaitest"
	"steward/backend/secret"
)

// TestGatewayOTLPExport runs `steward gateway --otlp-endpoint` against a
// local OTLP/HTTP receiver and finds the call's span there once it stops.
func TestGatewayOTLPExport(t *testing.T) {
	var mu sync.Mutex
	var spans []string // "name fingerprint"
	col := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		if r.URL.Path == "/v1/traces" {
			var req coltracepb.ExportTraceServiceRequest
			if err := proto.Unmarshal(b, &req); err != nil {
				t.Errorf("decode spans: %v", err)
			}
			mu.Lock()
			for _, rs := range req.ResourceSpans {
				for _, ss := range rs.ScopeSpans {
					for _, sp := range ss.Spans {
						fp := ""
						for _, kv := range sp.Attributes {
							if kv.Key == "steward.key.fingerprint" {
								fp = kv.Value.GetStringValue()
							}
						}
						spans = append(spans, sp.Name+" "+fp)
					}
				}
			}
			mu.Unlock()
		}
		w.Header().Set("Content-Type", "application/x-protobuf")
	}))
	defer col.Close()

	key := fakeKey(t)
	upstream := openaitest.New(t, openaitest.WithKeys(key))
	dir := t.TempDir() // the caller's own key passes through: no vault needed

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
		done <- Run(ctx, env, []string{"gateway", "--listen", addr, "--upstream", upstream.URL, "--otlp-endpoint", col.URL})
	}()
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(out.String(), "OPENAI_BASE_URL") && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
	cfg := goopenai.DefaultConfig(key)
	cfg.BaseURL = "http://" + addr + "/v1"
	if _, err := goopenai.NewClientWithConfig(cfg).CreateChatCompletion(context.Background(), goopenai.ChatCompletionRequest{
		Model: "gpt-4o-mini", Messages: []goopenai.ChatCompletionMessage{{Role: "user", Content: "hello"}}}); err != nil {
		t.Fatalf("chat through the gateway: %v (%s)", err, out.String())
	}
	cancel()
	if code := <-done; code != ExitOK {
		t.Fatalf("gateway exit %d: %s", code, out.String())
	}
	if !strings.Contains(out.String(), "Exporting calls to OpenTelemetry at "+col.URL) {
		t.Errorf("output does not say where calls go: %s", out.String())
	}
	mu.Lock()
	defer mu.Unlock()
	if want := "chat gpt-4o-mini " + secret.Fingerprint(key); len(spans) != 1 || spans[0] != want {
		t.Errorf("spans at the collector = %q; want %q", spans, want)
	}
	if strings.Contains(out.String(), key) {
		t.Fatal("the gateway printed the upstream key")
	}
}

func TestGatewayOTLPBadEndpoint(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := runIn(t, dir, "", "gateway", "--listen", "127.0.0.1:0", "--otlp-endpoint", "localhost:4318")
	if code != ExitError || !strings.Contains(errOut, "http://localhost:4318") {
		t.Fatalf("bad endpoint = %d %q; want an error naming the form to use", code, errOut)
	}
}
