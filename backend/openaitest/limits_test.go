package openaitest

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

func TestRateLimitRequests(t *testing.T) {
	key := testKey(t)
	clock := newFakeClock()
	srv := New(t, WithClock(clock.Now), WithRateLimits(RateLimits{RequestsPerMinute: 2}))
	c := client(srv, key)
	for i := 0; i < 2; i++ {
		if _, err := c.ListModels(context.Background()); err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
	}
	_, err := c.ListModels(context.Background())
	var apiErr *openai.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != 429 || apiErr.Type != "requests" || apiErr.Code != "rate_limit_exceeded" {
		t.Fatalf("third request: %T %v", err, err)
	}
	resp, body := do(t, srv, key, http.MethodGet, srv.URL+"/models", nil)
	checkErrorBody(t, body, "requests", "rate_limit_exceeded")
	h := resp.Header
	if h.Get("retry-after") != "30" || h.Get("retry-after-ms") != "30000" || h.Get("x-ratelimit-limit-requests") != "2" ||
		h.Get("x-ratelimit-remaining-requests") != "0" || h.Get("x-ratelimit-reset-requests") != "1m0s" {
		t.Fatalf("429 headers = %v", h)
	}
	clock.Advance(30 * time.Second) // one request refills
	resp, _ = do(t, srv, key, http.MethodGet, srv.URL+"/models", nil)
	if resp.StatusCode != 200 || resp.Header.Get("x-ratelimit-remaining-requests") != "0" || resp.Header.Get("x-ratelimit-reset-requests") != "1m0s" {
		t.Fatalf("after refill: %d %v", resp.StatusCode, resp.Header)
	}
	clock.Advance(45 * time.Second)
	resp, _ = do(t, srv, key, http.MethodGet, srv.URL+"/models", nil)
	if resp.Header.Get("x-ratelimit-remaining-requests") != "0" || resp.Header.Get("x-ratelimit-reset-requests") != "45s" {
		t.Fatalf("partial refill headers: %v", resp.Header)
	}
	if got := srv.Counts(); got.RateLimited != 2 {
		t.Fatalf("Counts = %+v; want 2 rate limited", got)
	}
}

func TestRateLimitTokens(t *testing.T) {
	key := testKey(t)
	clock := newFakeClock()
	srv := New(t, WithClock(clock.Now), WithRateLimits(RateLimits{RequestsPerMinute: 100, TokensPerMinute: 60}))
	chat := func(prompt string, maxTokens int) (*http.Response, []byte) {
		return post(t, srv, key, "/chat/completions", map[string]any{
			"model": "gpt-4o-mini", "max_tokens": maxTokens,
			"messages": []map[string]string{{"role": "user", "content": prompt}},
		})
	}
	resp, body := chat("hi", 40)
	if resp.StatusCode != 200 || resp.Header.Get("x-ratelimit-limit-tokens") != "60" {
		t.Fatalf("first: %d %s", resp.StatusCode, body)
	}
	resp, body = chat("hi", 40) // 1 + 40 > 60 - 41
	if resp.StatusCode != 429 || !strings.Contains(string(body), "tokens per min (TPM)") {
		t.Fatalf("second: %d %s", resp.StatusCode, body)
	}
	checkErrorBody(t, body, "tokens", "rate_limit_exceeded")
	if resp.Header.Get("retry-after") == "" || resp.Header.Get("x-ratelimit-reset-tokens") == "" {
		t.Fatalf("429 headers = %v", resp.Header)
	}
	resp, body = chat(strings.Repeat("word ", 100), 0)
	if resp.StatusCode != 429 || !strings.Contains(string(body), "Request too large") {
		t.Fatalf("too large: %d %s", resp.StatusCode, body)
	}
}

func TestFormatReset(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{time.Second, "1s"}, {6 * time.Minute, "6m0s"}, {20 * time.Millisecond, "20ms"},
		{1500 * time.Millisecond, "1.5s"}, {time.Hour + 2*time.Minute + 3500*time.Millisecond, "1h2m3.5s"},
		{0, "0s"}, {300 * time.Microsecond, "1ms"}, {8640123 * time.Microsecond, "8.64s"},
	}
	for _, tt := range tests {
		if got := FormatReset(tt.d); got != tt.want {
			t.Errorf("FormatReset(%v) = %q; want %q", tt.d, got, tt.want)
		}
	}
}

func TestFaults(t *testing.T) {
	key := testKey(t)
	t.Run("ServerErrorsThenOK", func(t *testing.T) {
		srv := New(t)
		srv.FailNext(2, http.StatusServiceUnavailable)
		for i, want := range []int{503, 503, 200} {
			resp, body := do(t, srv, key, http.MethodGet, srv.URL+"/models", nil)
			if resp.StatusCode != want {
				t.Fatalf("request %d: status %d", i, resp.StatusCode)
			}
			if want == 503 {
				checkErrorBody(t, body, "server_error", "")
			}
		}
		if got := srv.Counts(); got.ServerErrors != 2 || got.Requests != 3 {
			t.Fatalf("Counts = %+v", got)
		}
	})
	t.Run("OnlyMatchingPath", func(t *testing.T) {
		srv := New(t)
		srv.Inject(1, Fault{Path: "/moderations", Status: 500})
		resp, _ := do(t, srv, key, http.MethodGet, srv.URL+"/models", nil)
		resp2, _ := post(t, srv, key, "/moderations", map[string]any{"input": "x"})
		if resp.StatusCode != 200 || resp2.StatusCode != 500 {
			t.Fatalf("statuses %d %d", resp.StatusCode, resp2.StatusCode)
		}
	})
	t.Run("Forbidden", func(t *testing.T) {
		srv := New(t)
		srv.FailNext(1, http.StatusForbidden)
		_, err := client(srv, key).ListModels(context.Background())
		var apiErr *openai.APIError
		if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != 403 || apiErr.Code != "unsupported_country_region_territory" {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("Drop", func(t *testing.T) {
		srv := New(t)
		srv.Inject(1, Fault{Drop: true})
		_, err := client(srv, key).ListModels(context.Background())
		var apiErr *openai.APIError
		if err == nil || errors.As(err, &apiErr) {
			t.Fatalf("err = %v; want a transport error", err)
		}
	})
	t.Run("Slow", func(t *testing.T) {
		srv := New(t)
		srv.Inject(1, Fault{Delay: 5 * time.Second})
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		_, err := client(srv, key).ListModels(ctx)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err = %v; want deadline exceeded", err)
		}
	})
	t.Run("DropMidStream", func(t *testing.T) {
		srv := New(t)
		srv.Inject(1, Fault{DropAfterEvents: 2})
		stream, err := client(srv, key).CreateChatCompletionStream(context.Background(), openai.ChatCompletionRequest{
			Model: "gpt-4o-mini", Messages: []openai.ChatCompletionMessage{{Role: "user", Content: "a b c d e f"}},
		})
		if err != nil {
			t.Fatal(err)
		}
		defer stream.Close()
		got := 0
		for {
			_, err = stream.Recv()
			if err != nil {
				break
			}
			got++
		}
		// go-openai reports [DONE] as io.EOF; a dropped connection is
		// any other error.
		if got != 2 || err == nil || errors.Is(err, io.EOF) {
			t.Fatalf("got %d chunks then %v; want 2 then a broken stream", got, err)
		}
	})
}
