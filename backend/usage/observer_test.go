package usage

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"steward/backend/openai"
	"steward/backend/openaitest"
	"steward/backend/secret"
)

func TestFromCall(t *testing.T) {
	at := testNow
	for _, tc := range []struct {
		name string
		in   openai.CallInfo
		want Event
	}{
		{"Success", openai.CallInfo{Time: at, Method: "GET", Endpoint: "/models", Status: 200, Latency: time.Second,
			RequestID: "req_1", KeyFingerprint: fp("app"), Attempt: 1},
			Event{Time: at, Source: SourceApp, Member: "mei", KeyFingerprint: fp("app"), Endpoint: "/v1/models", Method: "GET",
				Status: 200, Latency: time.Second, RequestID: "req_1",
				InputTokens: Unknown, CachedTokens: Unknown, OutputTokens: Unknown, ReasoningTokens: Unknown}},
		{"RateLimitedAttempt", openai.CallInfo{Time: at, Method: "POST", Endpoint: "/moderations", Model: "omni-moderation-latest",
			Status: 429, ErrorType: "requests", ErrorCode: "rate_limit_exceeded", KeyFingerprint: fp("app"), WillRetry: true},
			Event{Time: at, Source: SourceApp, Member: "mei", KeyFingerprint: fp("app"), Endpoint: "/v1/moderations", Method: "POST",
				Model: "omni-moderation-latest", Status: 429, ErrorType: "requests",
				InputTokens: Unknown, CachedTokens: Unknown, OutputTokens: Unknown, ReasoningTokens: Unknown}},
		{"NetworkFailure", openai.CallInfo{Time: at, Method: "POST", Endpoint: "/v1/chat/completions", ErrorType: "network"},
			Event{Time: at, Source: SourceApp, Member: "mei", Endpoint: "/v1/chat/completions", Method: "POST", ErrorType: "network",
				InputTokens: Unknown, CachedTokens: Unknown, OutputTokens: Unknown, ReasoningTokens: Unknown}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := FromCall(tc.in, SourceApp, "mei"); got != tc.want {
				t.Fatalf("FromCall =\n%+v\nwant\n%+v", got, tc.want)
			}
		})
	}
}

func TestObserverLogsEveryAttempt(t *testing.T) {
	key := testKey(t)
	srv := openaitest.New(t)
	srv.FailNext(1, 503)
	var mu sync.Mutex
	var got []Event
	rec := RecorderFunc(func(e Event) {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, e)
	})
	client, err := openai.New(openai.Config{BaseURL: srv.URL, APIKey: key, HTTPClient: srv.Client()},
		openai.WithObserver(Observer(rec, "")),
		openai.WithSleep(func(context.Context, time.Duration) error { return nil }))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := client.ListModels(context.Background()); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 2 || got[0].Status != 503 || !got[0].Failed() || got[1].Status != 200 || got[1].Failed() {
		t.Fatalf("events = %+v", got)
	}
	for _, e := range got {
		if e.Source != SourceApp || e.Endpoint != "/v1/models" || e.KeyFingerprint != secret.Fingerprint(key) ||
			strings.Contains(e.KeyFingerprint+e.Endpoint+e.RequestID, key) {
			t.Fatalf("event = %+v", e)
		}
	}
}
