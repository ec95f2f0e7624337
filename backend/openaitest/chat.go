package openaitest

import (
	"encoding/json"
	"net/http"
	"strings"
)

// chatRequest is the part of CreateChatCompletionRequest the server reads.
type chatRequest struct {
	Model    string `json:"model"`
	Messages []struct {
		Role    string          `json:"role"`
		Content json.RawMessage `json:"content"`
	} `json:"messages"`
	Stream        bool `json:"stream"`
	StreamOptions *struct {
		IncludeUsage       bool  `json:"include_usage"`
		IncludeObfuscation *bool `json:"include_obfuscation"`
	} `json:"stream_options"`
	MaxTokens           int `json:"max_tokens"`
	MaxCompletionTokens int `json:"max_completion_tokens"`
}

// contentText returns the text of a message content: a string, or the text
// parts of an array of parts.
func contentText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var parts []struct {
		Type string `json:"type"`
		Text string `json:"text"`
	}
	_ = json.Unmarshal(raw, &parts)
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p.Text)
	}
	return b.String()
}

// completion is what the server answers for a prompt, shared by chat and
// responses.
type completion struct {
	reply        string
	finish       string // "stop" or "length"
	inputTokens  int
	outputTokens int
}

// complete builds the reply, cutting it at maxTokens when set.
func (s *Server) complete(prompt string, inputTokens, maxTokens int) completion {
	c := completion{reply: s.cfg.reply(prompt), finish: "stop", inputTokens: inputTokens}
	if maxTokens > 0 && CountTokens(c.reply) > maxTokens {
		r := []rune(c.reply)
		c.reply, c.finish = string(r[:maxTokens*4]), "length"
	}
	c.outputTokens = CountTokens(c.reply)
	return c
}

// chatUsage is the spec's CompletionUsage.
func chatUsage(c completion) map[string]any {
	return map[string]any{
		"prompt_tokens": c.inputTokens, "completion_tokens": c.outputTokens,
		"total_tokens":          c.inputTokens + c.outputTokens,
		"prompt_tokens_details": map[string]int{"cached_tokens": 0, "audio_tokens": 0},
		"completion_tokens_details": map[string]int{
			"reasoning_tokens": 0, "audio_tokens": 0, "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0,
		},
	}
}

// chat answers POST /chat/completions, streamed or not.
func (s *Server) chat(x *exchange) {
	var req chatRequest
	if !decodeBody(x, &req) {
		return
	}
	switch {
	case req.Model == "":
		badRequest(x.w, "", "", "you must provide a model parameter")
		return
	case len(req.Messages) == 0:
		badRequest(x.w, "messages", "missing_required_parameter", "Missing required parameter: 'messages'.")
		return
	case !s.hasModel(req.Model):
		modelNotFound(x.w, req.Model)
		return
	}
	var all strings.Builder
	last := ""
	for _, m := range req.Messages {
		t := contentText(m.Content)
		all.WriteString(t)
		if m.Role == "user" {
			last = t
		}
	}
	maxTokens := max(req.MaxTokens, req.MaxCompletionTokens)
	c := s.complete(last, CountTokens(all.String()), maxTokens)
	if !s.takeTokens(x, req.Model, c.inputTokens+max(maxTokens, c.outputTokens)) {
		return
	}
	s.record(x, req.Model, c)
	id := s.newID("chatcmpl-")
	created := s.cfg.now().Unix()
	if req.Stream {
		s.streamChat(x, req, id, created, c)
		return
	}
	writeJSON(x.w, http.StatusOK, map[string]any{
		"id": id, "object": "chat.completion", "created": created, "model": req.Model,
		"choices": []any{map[string]any{
			"index": 0,
			"message": map[string]any{
				"role": "assistant", "content": c.reply, "refusal": nil, "annotations": []any{},
			},
			"logprobs": nil, "finish_reason": c.finish,
		}},
		"usage":              chatUsage(c),
		"service_tier":       "default",
		"system_fingerprint": "fp_openaitest",
	})
}

// streamChat sends the completion as chat.completion.chunk events: a role
// chunk, one chunk per word, a finish chunk, the usage chunk with empty
// choices when stream_options.include_usage is set, then [DONE].
func (s *Server) streamChat(x *exchange, req chatRequest, id string, created int64, c completion) {
	includeUsage := req.StreamOptions != nil && req.StreamOptions.IncludeUsage
	obfuscate := req.StreamOptions == nil || req.StreamOptions.IncludeObfuscation == nil || *req.StreamOptions.IncludeObfuscation
	n := 0
	chunk := func(choices []any) map[string]any {
		n++
		m := map[string]any{
			"id": id, "object": "chat.completion.chunk", "created": created, "model": req.Model,
			"service_tier": "default", "system_fingerprint": "fp_openaitest", "choices": choices,
		}
		if includeUsage {
			m["usage"] = nil
		}
		if obfuscate {
			m["obfuscation"] = strings.Repeat("x", n%7+1)
		}
		return m
	}
	choice := func(delta map[string]any, finish any) []any {
		return []any{map[string]any{"index": 0, "delta": delta, "logprobs": nil, "finish_reason": finish}}
	}
	e := s.startSSE(x)
	e.data(chunk(choice(map[string]any{"role": "assistant", "content": "", "refusal": nil}, nil)))
	for _, w := range words(c.reply) {
		e.data(chunk(choice(map[string]any{"content": w}, nil)))
	}
	e.data(chunk(choice(map[string]any{}, c.finish)))
	if includeUsage {
		last := chunk([]any{})
		last["usage"] = chatUsage(c)
		e.data(last)
	}
	e.data("[DONE]")
}
