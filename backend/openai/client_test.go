package openai

import (
	"context"
	"net/http"
	"regexp"
	"testing"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	"steward/backend/apperr"
	"steward/backend/openaitest"
	"steward/backend/secret"
)

func moderate(h *harness) (CallInfo, error) {
	_, info, err := h.c.Moderate(context.Background(), ModerationRequest{Texts: []string{"hello"}})
	return info, err
}

func TestRetryHonoursRetryAfter(t *testing.T) {
	h := newHarness(t, testKey(t), []openaitest.Option{openaitest.WithRateLimits(openaitest.RateLimits{RequestsPerMinute: 1})}, nil)
	if _, err := moderate(h); err != nil {
		t.Fatal(err)
	}
	info, err := moderate(h) // 429, wait the server's 60s on the fake clock, then 200
	if err != nil {
		t.Fatal(err)
	}
	if w := h.sleep.Waits(); len(w) != 1 || w[0] != time.Minute {
		t.Fatalf("waits = %v; want [1m0s] from retry-after", w)
	}
	calls := h.calls.Calls()
	if len(calls) != 3 || calls[1].Status != 429 || !calls[1].WillRetry || calls[1].ErrorType != "requests" ||
		calls[1].ErrorCode != "rate_limit_exceeded" || calls[1].RateLimit.RetryAfter != time.Minute || calls[1].Attempt != 1 {
		t.Fatalf("calls = %+v", calls)
	}
	if info.Attempt != 2 || info.Status != 200 || info.WillRetry {
		t.Fatalf("final CallInfo = %+v", info)
	}
}

func TestRetryBacksOffOnServerErrors(t *testing.T) {
	h := newHarness(t, testKey(t), nil, nil)
	h.srv.FailNext(2, http.StatusServiceUnavailable)
	info, err := moderate(h)
	if err != nil {
		t.Fatal(err)
	}
	// Full jitter with Rand fixed at 0.5: half of 500ms, then half of 1s.
	if w := h.sleep.Waits(); len(w) != 2 || w[0] != 250*time.Millisecond || w[1] != 500*time.Millisecond {
		t.Fatalf("waits = %v", w)
	}
	if info.Attempt != 3 || h.srv.Counts().ServerErrors != 2 {
		t.Fatalf("final attempt %d, server errors %d", info.Attempt, h.srv.Counts().ServerErrors)
	}
}

func TestRetryGivesUp(t *testing.T) {
	policy := RetryPolicy{MaxAttempts: 3, BaseDelay: time.Second, MaxDelay: time.Second, Rand: func() float64 { return 0 }}
	h := newHarness(t, testKey(t), nil, nil, WithRetryPolicy(policy))
	h.srv.FailNext(5, http.StatusInternalServerError)
	info, err := moderate(h)
	if apperr.CodeOf(err) != CodeServerError || info.Attempt != 3 || len(h.calls.Calls()) != 3 {
		t.Fatalf("err %v after %d attempts", err, len(h.calls.Calls()))
	}
	h.srv.Inject(5, openaitest.Fault{Drop: true})
	info, err = moderate(h)
	if apperr.CodeOf(err) != CodeUnreachable || info.Attempt != 3 || info.ErrorType != "network" {
		t.Fatalf("dropped connections: err %v, info %+v", err, info)
	}
	noKey(t, h.key, err)
}

func TestRetryWaitTooLongGivesUp(t *testing.T) {
	policy := DefaultRetryPolicy()
	policy.MaxServerWait = 10 * time.Second
	h := newHarness(t, testKey(t), []openaitest.Option{openaitest.WithRateLimits(openaitest.RateLimits{RequestsPerMinute: 1})}, nil, WithRetryPolicy(policy))
	_, _ = moderate(h)
	_, err := moderate(h)
	if apperr.CodeOf(err) != CodeRateLimited || len(h.sleep.Waits()) != 0 {
		t.Fatalf("err = %v, waits %v; want an immediate rate-limit error", err, h.sleep.Waits())
	}
	if _, msg := apperr.Describe(err, "en"); !regexp.MustCompile(`in 1m0s`).MatchString(msg) {
		t.Fatalf("message %q does not say when to retry", msg)
	}
}

func TestNeverRetried(t *testing.T) {
	key := testKey(t)
	tests := []struct {
		name string
		key  string
		fail int
		code apperr.Code
	}{
		{"KeyRejected401", testKey(t), 0, CodeKeyRejected},
		{"Forbidden403", key, http.StatusForbidden, CodeForbidden},
		{"NotFound404", key, http.StatusNotFound, CodeNotFound},
		{"Quota429", key, http.StatusTooManyRequests, CodeQuota},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.key, []openaitest.Option{openaitest.WithKeys(key)}, nil)
			if tt.fail != 0 {
				h.srv.FailNext(1, tt.fail)
			}
			_, err := moderate(h)
			if apperr.CodeOf(err) != tt.code {
				t.Fatalf("err = %v; want %s", err, tt.code)
			}
			if n := len(h.calls.Calls()); n != 1 || len(h.sleep.Waits()) != 0 {
				t.Fatalf("%d attempts, waits %v; want 1 and none", n, h.sleep.Waits())
			}
			_, zh := apperr.Describe(err, "zh-CN")
			if zh == "" {
				t.Fatal("no Chinese message")
			}
			noKey(t, tt.key, err, h.calls.Calls())
		})
	}
	t.Run("BadRequest400", func(t *testing.T) {
		h := newHarness(t, key, nil, nil)
		_, _, err := h.c.Chat(context.Background(), goopenai.ChatCompletionRequest{Model: "gpt-4o-mini"})
		if apperr.CodeOf(err) != CodeBadRequest || len(h.calls.Calls()) != 1 {
			t.Fatalf("err = %v after %d attempts", err, len(h.calls.Calls()))
		}
	})
}

func TestChatReportsEveryCall(t *testing.T) {
	key := testKey(t)
	h := newHarness(t, key, nil, func(c *Config) { c.Project, c.Organization = "proj_abc", "org-xyz" })
	resp, info, err := h.c.Chat(context.Background(), goopenai.ChatCompletionRequest{
		Model: "gpt-4o-mini", Messages: []goopenai.ChatCompletionMessage{{Role: "user", Content: "hi"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Choices[0].Message.Content != "You said: hi" {
		t.Fatalf("reply %q", resp.Choices[0].Message.Content)
	}
	if info.Endpoint != "/chat/completions" || info.Method != "POST" || info.Model != "gpt-4o-mini" || info.Status != 200 ||
		info.KeyFingerprint != secret.Fingerprint(key) || !regexp.MustCompile(`^req_[0-9a-f]{32}$`).MatchString(info.RequestID) {
		t.Fatalf("CallInfo = %+v", info)
	}
	ids, _, err := h.c.ListModels(context.Background())
	if err != nil || len(ids) == 0 {
		t.Fatalf("ListModels = %v, %v", ids, err)
	}
	calls := h.calls.Calls()
	if len(calls) != 2 || calls[1].Endpoint != "/models" || calls[1].Method != "GET" {
		t.Fatalf("calls = %+v", calls)
	}
	reqs := h.srv.Requests()
	if reqs[0].Header.Get("OpenAI-Project") != "proj_abc" || reqs[0].Header.Get("OpenAI-Organization") != "org-xyz" {
		t.Fatalf("headers = %v", reqs[0].Header)
	}
	noKey(t, key, calls, h.c.Config())
}

func TestAzure(t *testing.T) {
	key := testKey(t)
	h := newHarness(t, key, []openaitest.Option{openaitest.WithKeys(key)}, nil)
	c, err := New(Config{BaseURL: h.srv.Root, APIKey: key, AzureDeployment: "gpt-4o-mini", APIVersion: "2024-10-21", HTTPClient: h.srv.Client()},
		WithObserver(h.calls))
	if err != nil {
		t.Fatal(err)
	}
	_, info, err := c.Chat(context.Background(), goopenai.ChatCompletionRequest{
		Model: "gpt-4o-mini", Messages: []goopenai.ChatCompletionMessage{{Role: "user", Content: "hi"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if info.Endpoint != "/chat/completions" {
		t.Fatalf("endpoint %q", info.Endpoint)
	}
	if _, _, err := c.Moderate(context.Background(), ModerationRequest{Texts: []string{"x"}}); err != nil {
		t.Fatal(err)
	}
	for _, r := range h.srv.Requests() {
		if r.KeyFingerprint != secret.Fingerprint(key) || r.Query != "api-version=2024-10-21" {
			t.Fatalf("request %s?%s did not use the api-key header and api-version", r.Path, r.Query)
		}
	}
}

func TestClientLimiter(t *testing.T) {
	clock := newFakeClock()
	s := &sleeper{clock: clock}
	l := NewLimiter(Limits{RequestsPerMinute: 2}, clock.Now, s.Sleep)
	h := newHarness(t, testKey(t), nil, nil, WithLimiter(l))
	for i := 0; i < 3; i++ {
		if _, err := moderate(h); err != nil {
			t.Fatal(err)
		}
	}
	if w := s.Waits(); len(w) != 1 || w[0] != 30*time.Second {
		t.Fatalf("limiter waits = %v; want [30s]", w)
	}
}
