package openaitest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math"
	"strings"
	"testing"

	openai "github.com/sashabaranov/go-openai"
)

func TestChatCompletion(t *testing.T) {
	key := testKey(t)
	srv := New(t, WithReply(func(p string) string { return "Hello there, " + p + "!" }))
	resp, err := client(srv, key).CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{
		Model: "gpt-4o-mini",
		Messages: []openai.ChatCompletionMessage{
			{Role: "developer", Content: "Be brief."},
			{Role: "user", Content: "Ada"},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "Hello there, Ada!"
	if resp.Object != "chat.completion" || resp.Choices[0].Message.Content != want || resp.Choices[0].FinishReason != "stop" {
		t.Fatalf("resp = %+v", resp)
	}
	if resp.Usage.PromptTokens != CountTokens("Be brief.Ada") || resp.Usage.CompletionTokens != CountTokens(want) {
		t.Fatalf("usage = %+v", resp.Usage)
	}
	if resp.GetRateLimitHeaders().LimitRequests != 0 {
		t.Fatal("rate-limit headers sent without a budget")
	}
}

func TestChatCompletionStream(t *testing.T) {
	key := testKey(t)
	srv := New(t)
	req := openai.ChatCompletionRequest{
		Model:         "gpt-4o-mini",
		Messages:      []openai.ChatCompletionMessage{{Role: "user", Content: "stream me a reply"}},
		Stream:        true,
		StreamOptions: &openai.StreamOptions{IncludeUsage: true},
	}
	stream, err := client(srv, key).CreateChatCompletionStream(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	var text strings.Builder
	var usage *openai.Usage
	finish := ""
	for {
		chunk, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if chunk.Usage != nil {
			if len(chunk.Choices) != 0 {
				t.Fatal("usage chunk has choices")
			}
			usage = chunk.Usage
			continue
		}
		text.WriteString(chunk.Choices[0].Delta.Content)
		if fr := chunk.Choices[0].FinishReason; fr != "" {
			finish = string(fr)
		}
	}
	if text.String() != "You said: stream me a reply" || finish != "stop" {
		t.Fatalf("text %q finish %q", text.String(), finish)
	}
	if usage == nil || usage.CompletionTokens != CountTokens(text.String()) || usage.TotalTokens != usage.PromptTokens+usage.CompletionTokens {
		t.Fatalf("usage = %+v", usage)
	}
}

// TestChatStreamFraming reads the raw SSE bytes: every event is
// "data: {...}\n\n", every chunk but the last carries "usage": null, the
// last has empty choices, and the stream ends with "data: [DONE]\n\n".
func TestChatStreamFraming(t *testing.T) {
	key := testKey(t)
	srv := New(t)
	resp, body := post(t, srv, key, "/chat/completions", map[string]any{
		"model": "gpt-4o-mini", "stream": true, "stream_options": map[string]bool{"include_usage": true},
		"messages": []map[string]string{{"role": "user", "content": "one two"}},
	})
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("Content-Type %q", ct)
	}
	if !bytes.HasSuffix(body, []byte("data: [DONE]\n\n")) {
		t.Fatalf("stream does not end with [DONE]: %q", body[max(0, len(body)-40):])
	}
	events := strings.Split(strings.TrimSuffix(string(body), "\n\n"), "\n\n")
	chunks := events[:len(events)-1]
	for i, ev := range chunks {
		payload, ok := strings.CutPrefix(ev, "data: ")
		if !ok || strings.Contains(payload, "\n") {
			t.Fatalf("event %d is not one data line: %q", i, ev)
		}
		var c map[string]json.RawMessage
		decode(t, []byte(payload), &c)
		isLast := i == len(chunks)-1
		if string(c["object"]) != `"chat.completion.chunk"` {
			t.Fatalf("event %d object %s", i, c["object"])
		}
		if !isLast && string(c["usage"]) != "null" {
			t.Fatalf("event %d usage = %s; want null", i, c["usage"])
		}
		if isLast && (string(c["choices"]) != "[]" || string(c["usage"]) == "null") {
			t.Fatalf("last chunk = %s", payload)
		}
	}
}

func TestResponses(t *testing.T) {
	key := testKey(t)
	srv := New(t)
	resp, body := post(t, srv, key, "/responses", map[string]any{"model": "gpt-5.4", "input": "Tell me a story."})
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var r struct {
		Object string `json:"object"`
		Status string `json:"status"`
		Output []struct {
			Type    string `json:"type"`
			Content []struct {
				Type, Text string
			} `json:"content"`
		} `json:"output"`
		Usage struct {
			InputTokens, OutputTokens, TotalTokens int
		} `json:"usage"`
	}
	decode(t, body, &r)
	if r.Object != "response" || r.Status != "completed" || r.Output[0].Content[0].Text != "You said: Tell me a story." {
		t.Fatalf("response = %s", body)
	}
	var u struct {
		Usage map[string]any `json:"usage"`
	}
	decode(t, body, &u)
	if u.Usage["input_tokens"] != float64(CountTokens("Tell me a story.")) || u.Usage["input_tokens_details"] == nil {
		t.Fatalf("usage = %v", u.Usage)
	}
}

func TestResponsesStream(t *testing.T) {
	key := testKey(t)
	srv := New(t)
	_, body := post(t, srv, key, "/responses", map[string]any{
		"model": "gpt-5.4", "instructions": "Be nice.", "input": "Hello!", "stream": true,
	})
	sc := bufio.NewScanner(bytes.NewReader(body))
	var names []string
	var text strings.Builder
	seq := 0
	var final map[string]any
	for sc.Scan() {
		line := sc.Text()
		if name, ok := strings.CutPrefix(line, "event: "); ok {
			names = append(names, name)
			continue
		}
		payload, ok := strings.CutPrefix(line, "data: ")
		if !ok {
			continue
		}
		var ev map[string]any
		decode(t, []byte(payload), &ev)
		if ev["type"] != names[len(names)-1] || ev["sequence_number"] != float64(seq) {
			t.Fatalf("event %d: type %v seq %v", seq, ev["type"], ev["sequence_number"])
		}
		seq++
		if ev["type"] == "response.output_text.delta" {
			text.WriteString(ev["delta"].(string))
		}
		if ev["type"] == "response.completed" {
			final = ev["response"].(map[string]any)
		}
	}
	if names[0] != "response.created" || names[len(names)-1] != "response.completed" {
		t.Fatalf("events = %v", names)
	}
	if text.String() != "You said: Hello!" || final["usage"] == nil || final["status"] != "completed" {
		t.Fatalf("text %q final %v", text.String(), final)
	}
	if bytes.Contains(body, []byte("[DONE]")) {
		t.Fatal("a Responses stream has no [DONE]")
	}
}

func TestEmbeddings(t *testing.T) {
	key := testKey(t)
	srv := New(t)
	c := client(srv, key)
	req := openai.EmbeddingRequest{Input: []string{"alpha", "beta"}, Model: openai.SmallEmbedding3}
	a, err := c.CreateEmbeddings(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Data) != 2 || len(a.Data[0].Embedding) != 1536 || a.Data[1].Index != 1 {
		t.Fatalf("embeddings: %d items", len(a.Data))
	}
	var norm float64
	for _, v := range a.Data[0].Embedding {
		norm += float64(v) * float64(v)
	}
	if math.Abs(norm-1) > 1e-3 {
		t.Fatalf("|v|^2 = %f; want 1", norm)
	}
	req.EncodingFormat = openai.EmbeddingEncodingFormatBase64
	req.Dimensions = 256
	b, err := c.CreateEmbeddings(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Data[0].Embedding) != 256 {
		t.Fatalf("dimensions = %d", len(b.Data[0].Embedding))
	}
	if a.Usage.PromptTokens != CountTokens("alpha")+CountTokens("beta") {
		t.Fatalf("usage = %+v", a.Usage)
	}
}
