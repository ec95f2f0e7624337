package openaitest

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// usagePage is UsageResponse with the fields the test checks.
type usagePage struct {
	Object  string  `json:"object"`
	HasMore bool    `json:"has_more"`
	Next    *string `json:"next_page"`
	Data    []struct {
		Object    string           `json:"object"`
		StartTime int64            `json:"start_time"`
		EndTime   int64            `json:"end_time"`
		Results   []map[string]any `json:"results"`
	} `json:"data"`
}

func TestUsageCompletions(t *testing.T) {
	key, admin := testKey(t), testKey(t)
	clock := newFakeClock()
	day := clock.Now().Truncate(24 * time.Hour)
	srv := New(t, WithClock(clock.Now), WithUsage(
		UsageRecord{Time: day.Add(-24 * time.Hour), APIKeyID: "key_old", Model: "gpt-4o", InputTokens: 100, OutputTokens: 10, Requests: 2},
	))
	c := client(srv, key)
	for _, p := range []string{"one", "two"} {
		if _, err := c.CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{
			Model: "gpt-4o-mini", Messages: []openai.ChatCompletionMessage{{Role: "user", Content: p}},
		}); err != nil {
			t.Fatal(err)
		}
	}
	get := func(query string) usagePage {
		t.Helper()
		resp, body := do(t, srv, admin, http.MethodGet, srv.URL+"/organization/usage/completions?"+query, nil)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: status %d %s", query, resp.StatusCode, body)
		}
		var p usagePage
		decode(t, body, &p)
		return p
	}
	start := day.Add(-48 * time.Hour).Unix()

	p := get(fmt.Sprintf("start_time=%d&group_by=api_key_id&group_by=model", start))
	if p.Object != "page" || len(p.Data) != 3 || p.HasMore || p.Next != nil {
		t.Fatalf("page = %+v", p)
	}
	if len(p.Data[0].Results) != 0 || len(p.Data[1].Results) != 1 || len(p.Data[2].Results) != 1 {
		t.Fatalf("buckets = %+v", p.Data)
	}
	today := p.Data[2].Results[0]
	if today["object"] != "organization.usage.completions.result" || today["api_key_id"] != KeyID(key) ||
		today["model"] != "gpt-4o-mini" || today["num_model_requests"] != float64(2) || today["project_id"] != nil {
		t.Fatalf("today = %v", today)
	}
	if p.Data[2].EndTime-p.Data[2].StartTime != 86400 {
		t.Fatalf("bucket width = %d", p.Data[2].EndTime-p.Data[2].StartTime)
	}

	first := get(fmt.Sprintf("start_time=%d&limit=2", start))
	if len(first.Data) != 2 || !first.HasMore || first.Next == nil {
		t.Fatalf("first page = %+v", first)
	}
	second := get(fmt.Sprintf("start_time=%d&limit=2&page=%s", start, *first.Next))
	if len(second.Data) != 1 || second.HasMore || second.Data[0].StartTime != day.Unix() {
		t.Fatalf("second page = %+v", second)
	}
	if r := second.Data[0].Results[0]; r["api_key_id"] != nil || r["model"] != nil {
		t.Fatalf("ungrouped result names a group: %v", r)
	}

	filtered := get(fmt.Sprintf("start_time=%d&models=gpt-4o&bucket_width=1h&limit=168", start))
	n := 0
	for _, b := range filtered.Data {
		n += len(b.Results)
	}
	if n != 1 {
		t.Fatalf("filter by model kept %d results; want 1", n)
	}

	resp, body := do(t, srv, admin, http.MethodGet, srv.URL+"/organization/usage/completions", nil)
	if resp.StatusCode != 400 {
		t.Fatalf("missing start_time: status %d", resp.StatusCode)
	}
	checkErrorBody(t, body, "invalid_request_error", "invalid_value")
}
