package gateway

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	goopenai "github.com/sashabaranov/go-openai"

	"steward/backend/openaitest"
	"steward/backend/usage"
)

// sdk is a go-openai client pointed at the gateway, as an app would be with
// OPENAI_BASE_URL.
func sdk(e *env, key string) *goopenai.Client {
	cfg := goopenai.DefaultConfig(key)
	cfg.BaseURL = e.url
	return goopenai.NewClientWithConfig(cfg)
}

func TestGoSDKThroughTheGateway(t *testing.T) {
	e := newEnv(t, envOpts{})
	c := sdk(e, e.adaToken)

	models, err := c.ListModels(bg)
	if err != nil || len(models.Models) == 0 {
		t.Fatalf("ListModels: %v", err)
	}
	resp, err := c.CreateChatCompletion(bg, goopenai.ChatCompletionRequest{
		Model:    "gpt-4o-mini",
		Messages: []goopenai.ChatCompletionMessage{{Role: "user", Content: "Ada"}},
	})
	if err != nil || resp.Choices[0].Message.Content != "You said: Ada" {
		t.Fatalf("chat: %v %+v", err, resp)
	}
	emb, err := c.CreateEmbeddings(bg, goopenai.EmbeddingRequest{Model: goopenai.SmallEmbedding3, Input: []string{"a", "b"}})
	if err != nil || len(emb.Data) != 2 {
		t.Fatalf("embeddings: %v", err)
	}

	stream, err := c.CreateChatCompletionStream(bg, goopenai.ChatCompletionRequest{
		Model:         "gpt-4o-mini",
		Messages:      []goopenai.ChatCompletionMessage{{Role: "user", Content: "stream me a reply"}},
		Stream:        true,
		StreamOptions: &goopenai.StreamOptions{IncludeUsage: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	var text strings.Builder
	var sdkUsage *goopenai.Usage
	for {
		chunk, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if chunk.Usage != nil {
			sdkUsage = chunk.Usage
			continue
		}
		text.WriteString(chunk.Choices[0].Delta.Content)
	}
	if text.String() != "You said: stream me a reply" || sdkUsage == nil {
		t.Fatalf("stream text %q usage %+v", text.String(), sdkUsage)
	}
	var ev usage.Event
	for _, x := range e.rec.wait(t, 4) { // recorded as each call ends, not necessarily in order
		if x.Stream {
			ev = x
		}
		if x.ErrorType != "" {
			t.Errorf("event = %+v", x)
		}
	}
	if !ev.Stream || ev.InputTokens != int64(sdkUsage.PromptTokens) || ev.OutputTokens != int64(sdkUsage.CompletionTokens) {
		t.Fatalf("event = %+v; the SDK saw %+v", ev, sdkUsage)
	}
}

func TestGoSDKSeesGatewayErrorsAsAPIErrors(t *testing.T) {
	e := newEnv(t, envOpts{})
	_, err := sdk(e, "stw_"+strings.Repeat("0", 40)).ListModels(bg)
	var apiErr *goopenai.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != http.StatusUnauthorized || apiErr.Code != "invalid_api_key" {
		t.Fatalf("err = %#v", err)
	}
}

func TestGoSDKAzureConfigThroughTheGateway(t *testing.T) {
	e := newEnv(t, envOpts{baseURL: func(e *env) string { return e.up.Root }})
	cfg := goopenai.DefaultAzureConfig(e.adaToken, e.root)
	c := goopenai.NewClientWithConfig(cfg)
	resp, err := c.CreateChatCompletion(bg, goopenai.ChatCompletionRequest{
		Model:    "gpt-4o-mini",
		Messages: []goopenai.ChatCompletionMessage{{Role: "user", Content: "azure"}},
	})
	if err != nil || resp.Choices[0].Message.Content != "You said: azure" {
		t.Fatalf("chat: %v", err)
	}
	got := e.up.Requests()[0]
	if !strings.HasPrefix(got.Path, "/openai/deployments/") || !strings.Contains(got.Query, "api-version=") {
		t.Fatalf("upstream saw %s?%s", got.Path, got.Query)
	}
	if ev := e.rec.last(t, 1); ev.Member != "Ada" || ev.InputTokens != int64(openaitest.CountTokens("azure")) {
		t.Fatalf("event = %+v", ev)
	}
}
