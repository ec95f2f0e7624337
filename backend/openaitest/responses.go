package openaitest

import (
	"encoding/json"
	"net/http"
	"strings"
)

// responsesRequest is the part of CreateResponse the server reads.
type responsesRequest struct {
	Model           string          `json:"model"`
	Input           json.RawMessage `json:"input"`
	Instructions    *string         `json:"instructions"`
	Stream          bool            `json:"stream"`
	MaxOutputTokens *int            `json:"max_output_tokens"`
}

// inputText returns all the text of a Responses input and the last user
// text: the input is a string or a list of message items whose content is a
// string or a list of input_text parts.
func inputText(raw json.RawMessage) (all, last string) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s, s
	}
	var items []struct {
		Role    string          `json:"role"`
		Content json.RawMessage `json:"content"`
	}
	_ = json.Unmarshal(raw, &items)
	var b strings.Builder
	for _, it := range items {
		t := contentText(it.Content)
		b.WriteString(t)
		if it.Role == "user" || it.Role == "" {
			last = t
		}
	}
	return b.String(), last
}

// respond answers POST /responses, streamed or not.
func (s *Server) respond(x *exchange) {
	var req responsesRequest
	if !decodeBody(x, &req) {
		return
	}
	switch {
	case req.Model == "":
		badRequest(x.w, "model", "missing_required_parameter", "Missing required parameter: 'model'.")
		return
	case len(req.Input) == 0:
		badRequest(x.w, "input", "missing_required_parameter", "Missing required parameter: 'input'.")
		return
	case !s.hasModel(req.Model):
		modelNotFound(x.w, req.Model)
		return
	}
	all, last := inputText(req.Input)
	if req.Instructions != nil {
		all = *req.Instructions + all
	}
	maxTokens := 0
	if req.MaxOutputTokens != nil {
		maxTokens = *req.MaxOutputTokens
	}
	c := s.complete(last, CountTokens(all), maxTokens)
	if !s.takeTokens(x, req.Model, c.inputTokens+max(maxTokens, c.outputTokens)) {
		return
	}
	s.record(x, req.Model, c)
	r := s.newResponse(req, c)
	if req.Stream {
		s.streamResponse(x, r, c)
		return
	}
	writeJSON(x.w, http.StatusOK, r.done())
}

// response is a Response object under construction.
type response struct {
	id, msgID string
	created   int64
	req       responsesRequest
	c         completion
}

func (s *Server) newResponse(req responsesRequest, c completion) *response {
	return &response{
		id: s.newID("resp_"), msgID: s.newID("msg_"), created: s.cfg.now().Unix(), req: req, c: c,
	}
}

// object renders the Response with the given status, output and usage.
func (r *response) object(status string, output []any, usage any) map[string]any {
	var incomplete any
	if status == "incomplete" {
		incomplete = map[string]string{"reason": "max_output_tokens"}
	}
	var completedAt any
	if status == "completed" {
		completedAt = r.created
	}
	return map[string]any{
		"id": r.id, "object": "response", "created_at": r.created, "status": status,
		"completed_at": completedAt, "error": nil, "incomplete_details": incomplete,
		"instructions": r.req.Instructions, "max_output_tokens": r.req.MaxOutputTokens,
		"model": r.req.Model, "output": output, "parallel_tool_calls": true,
		"previous_response_id": nil, "reasoning": map[string]any{"effort": nil, "summary": nil},
		"store": true, "temperature": 1.0, "text": map[string]any{"format": map[string]string{"type": "text"}},
		"tool_choice": "auto", "tools": []any{}, "top_p": 1.0, "truncation": "disabled",
		"usage": usage, "user": nil, "metadata": map[string]any{},
	}
}

func (r *response) part(text string) map[string]any {
	return map[string]any{"type": "output_text", "text": text, "annotations": []any{}}
}

func (r *response) message(status string, content []any) map[string]any {
	return map[string]any{"type": "message", "id": r.msgID, "status": status, "role": "assistant", "content": content}
}

func (r *response) usage() map[string]any {
	return map[string]any{
		"input_tokens":          r.c.inputTokens,
		"input_tokens_details":  map[string]int{"cached_tokens": 0, "cache_write_tokens": 0},
		"output_tokens":         r.c.outputTokens,
		"output_tokens_details": map[string]int{"reasoning_tokens": 0},
		"total_tokens":          r.c.inputTokens + r.c.outputTokens,
	}
}

// done is the finished Response.
func (r *response) done() map[string]any {
	status := "completed"
	if r.c.finish == "length" {
		status = "incomplete"
	}
	return r.object(status, []any{r.message("completed", []any{r.part(r.c.reply)})}, r.usage())
}

// streamResponse sends the Responses streaming events, each with a
// sequence_number, ending in response.completed (or response.incomplete)
// with usage. Responses streams have no [DONE] line.
func (s *Server) streamResponse(x *exchange, r *response, c completion) {
	e := s.startSSE(x)
	seq := 0
	send := func(typ string, fields map[string]any) {
		fields["type"] = typ
		fields["sequence_number"] = seq
		seq++
		e.event(typ, fields)
	}
	at := func(m map[string]any) map[string]any {
		m["item_id"], m["output_index"], m["content_index"] = r.msgID, 0, 0
		return m
	}
	send("response.created", map[string]any{"response": r.object("in_progress", []any{}, nil)})
	send("response.in_progress", map[string]any{"response": r.object("in_progress", []any{}, nil)})
	send("response.output_item.added", map[string]any{"output_index": 0, "item": r.message("in_progress", []any{})})
	send("response.content_part.added", at(map[string]any{"part": r.part("")}))
	for _, w := range words(c.reply) {
		send("response.output_text.delta", at(map[string]any{"delta": w, "logprobs": []any{}}))
	}
	send("response.output_text.done", at(map[string]any{"text": c.reply, "logprobs": []any{}}))
	send("response.content_part.done", at(map[string]any{"part": r.part(c.reply)}))
	send("response.output_item.done", map[string]any{"output_index": 0, "item": r.message("completed", []any{r.part(c.reply)})})
	final := r.done()
	name := "response.completed"
	if final["status"] == "incomplete" {
		name = "response.incomplete"
	}
	send(name, map[string]any{"response": final})
}
