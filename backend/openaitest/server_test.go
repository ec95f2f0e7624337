package openaitest

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	openai "github.com/sashabaranov/go-openai"
)

func TestModels(t *testing.T) {
	key := testKey(t)
	srv := New(t, WithKeys(key), WithModels("gpt-4o-mini", "omni-moderation-latest"))
	c := client(srv, key)
	list, err := c.ListModels(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Models) != 2 || list.Models[0].ID != "gpt-4o-mini" || list.Models[0].Object != "model" {
		t.Fatalf("ListModels = %+v", list.Models)
	}
	_, err = c.GetModel(context.Background(), "no-such-model")
	var apiErr *openai.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != 404 || apiErr.Code != "model_not_found" {
		t.Fatalf("GetModel(unknown) err = %v", err)
	}
}

func TestAuth(t *testing.T) {
	good, bad, revoked := testKey(t), testKey(t), testKey(t)
	srv := New(t, WithKeys(good, revoked), WithRevokedKeys(revoked))
	tests := []struct {
		name, key, code string
		status          int
	}{
		{"OK", good, "", 200},
		{"ErrUnknownKey", bad, "invalid_api_key", 401},
		{"ErrRevokedKey", revoked, "invalid_authentication", 401},
		{"ErrNoKey", "", "", 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := client(srv, tt.key).ListModels(context.Background())
			if tt.status == 200 {
				if err != nil {
					t.Fatalf("ListModels: %v", err)
				}
				return
			}
			var apiErr *openai.APIError
			if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != tt.status {
				t.Fatalf("err = %T %v; want *openai.APIError %d", err, err, tt.status)
			}
			if code, _ := apiErr.Code.(string); code != tt.code || apiErr.Type != "invalid_request_error" {
				t.Fatalf("code/type = %v/%q; want %q", apiErr.Code, apiErr.Type, tt.code)
			}
			if tt.key != "" {
				noKey(t, apiErr.Message, tt.key)
			}
		})
	}
	t.Run("OK_AzureHeader", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/models", nil)
		req.Header.Set("api-key", good)
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("status %d", resp.StatusCode)
		}
	})
}

func TestAzureDeploymentPath(t *testing.T) {
	key := testKey(t)
	srv := New(t, WithKeys(key))
	cfg := openai.DefaultAzureConfig(key, srv.Root)
	cfg.HTTPClient = srv.Client()
	cfg.AzureModelMapperFunc = func(string) string { return "gpt-4o-mini" }
	resp, err := openai.NewClientWithConfig(cfg).CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{
		Model:    "gpt-4o-mini",
		Messages: []openai.ChatCompletionMessage{{Role: "user", Content: "hi"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Choices[0].Message.Content != "You said: hi" {
		t.Fatalf("reply = %q", resp.Choices[0].Message.Content)
	}
	last := srv.Requests()[len(srv.Requests())-1]
	if !strings.HasPrefix(last.Path, "/openai/deployments/gpt-4o-mini/") || !strings.Contains(last.Query, "api-version=") {
		t.Fatalf("request = %s?%s", last.Path, last.Query)
	}
}

func TestResponseHeaders(t *testing.T) {
	key := testKey(t)
	srv := New(t)
	resp, _ := do(t, srv, key, http.MethodGet, srv.URL+"/models", nil)
	if !regexp.MustCompile(`^req_[0-9a-f]{32}$`).MatchString(resp.Header.Get("x-request-id")) {
		t.Fatalf("x-request-id = %q", resp.Header.Get("x-request-id"))
	}
	if _, err := strconv.Atoi(resp.Header.Get("openai-processing-ms")); err != nil {
		t.Fatalf("openai-processing-ms = %q", resp.Header.Get("openai-processing-ms"))
	}
	resp, body := do(t, srv, key, http.MethodGet, srv.URL+"/nope", nil)
	if resp.StatusCode != 404 {
		t.Fatalf("unknown path status %d", resp.StatusCode)
	}
	checkErrorBody(t, body, "invalid_request_error", "")
}

func TestRequestLog(t *testing.T) {
	key := testKey(t)
	srv := New(t)
	c := client(srv, key)
	if _, err := c.ListModels(context.Background()); err != nil {
		t.Fatal(err)
	}
	_, _ = c.CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{
		Model: "gpt-4o-mini", Messages: []openai.ChatCompletionMessage{{Role: "user", Content: "hello"}},
	})
	reqs := srv.Requests()
	if len(reqs) != 2 || reqs[0].Method != "GET" || reqs[1].Path != "/v1/chat/completions" || reqs[1].BodySize == 0 || reqs[1].Status != 200 {
		t.Fatalf("log = %+v", reqs)
	}
	for _, r := range reqs {
		if r.Header.Get("Authorization") != "" || r.KeyFingerprint == "" {
			t.Fatal("log keeps the Authorization header or lacks the fingerprint")
		}
		for _, vs := range r.Header {
			for _, v := range vs {
				noKey(t, v, key)
			}
		}
	}
	if got := srv.Counts(); got.Requests != 2 || got.RateLimited != 0 {
		t.Fatalf("Counts = %+v", got)
	}
}
