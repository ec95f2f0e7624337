package gateway

import (
	"encoding/json"

	"steward/backend/usage"
)

// tally is what the gateway learnt about a call from its answer.
type tally struct {
	model     string
	id        string // the answer's id ("chatcmpl-…", "resp_…")
	hasUsage  bool
	input     int64
	cached    int64
	output    int64
	reasoning int64
	errType   string // the error object's code, or its type, when the answer carried one
	errMsg    string
}

// setUsage reads a raw usage object into t; anything else leaves t as it
// was. It covers both shapes of the API's usage object: CompletionUsage
// (prompt_/completion_tokens: chat, completions, embeddings) and
// ResponseUsage (input_/output_tokens: responses, images, transcriptions).
// A usage without input tokens (an audio "duration" usage) is ignored. It
// runs on every answer, so it scans rather than decodes.
func (t *tally) setUsage(raw []byte) {
	if !isObject(raw) {
		return
	}
	var in, out, total, cached, reasoning int64 = -1, -1, -1, 0, 0
	ok := scanObject(raw, func(k, v []byte, _ int) bool {
		switch string(k) {
		case "prompt_tokens", "input_tokens":
			in = jsonInt(v)
		case "completion_tokens", "output_tokens":
			out = jsonInt(v)
		case "total_tokens":
			total = jsonInt(v)
		case "prompt_tokens_details", "input_tokens_details":
			cached = max(jsonInt(member(v, "cached_tokens")), 0)
		case "completion_tokens_details", "output_tokens_details":
			reasoning = max(jsonInt(member(v, "reasoning_tokens")), 0)
		}
		return true
	}) == nil
	if !ok || in < 0 {
		return
	}
	t.hasUsage, t.input, t.output, t.cached, t.reasoning = true, in, max(out, 0), cached, reasoning
	if out < 0 && total > in {
		t.output = total - in
	}
}

// jsonInt reads a raw JSON non-negative integer, or gives -1.
func jsonInt(v []byte) int64 {
	if len(v) == 0 || len(v) > 18 {
		return -1
	}
	var n int64
	for _, c := range v {
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int64(c-'0')
	}
	return n
}

// setModel keeps the first model an answer names.
func (t *tally) setModel(raw []byte) {
	if t.model != "" {
		return
	}
	if s, ok := jsonString(raw); ok {
		t.model = s
	}
}

// setID keeps the first id an answer names.
func (t *tally) setID(raw []byte) {
	if t.id != "" {
		return
	}
	if s, ok := jsonString(raw); ok {
		t.id = s
	}
}

// setError reads the API's error object: {"message", "type", "param", "code"}.
func (t *tally) setError(raw []byte) {
	if !isObject(raw) {
		return
	}
	var e struct {
		Message string `json:"message"`
		Type    string `json:"type"`
		Code    any    `json:"code"`
	}
	if json.Unmarshal(raw, &e) != nil {
		return
	}
	t.errType, t.errMsg = e.Type, e.Message
	if code, ok := e.Code.(string); ok && code != "" {
		t.errType = code // more telling than the type: "rate_limit_exceeded" rather than "requests"
	}
	if t.errType == "" {
		t.errType = "error"
	}
}

// readObject takes model, usage and error from the top level of a JSON
// answer (a chat completion, a Response, an embeddings list, an error).
func (t *tally) readObject(b []byte) {
	_ = scanObject(b, func(k, v []byte, _ int) bool {
		switch string(k) {
		case "model":
			t.setModel(v)
		case "id":
			t.setID(v)
		case "usage":
			t.setUsage(v)
		case "error":
			t.setError(v)
		}
		return true
	})
}

// readTail takes model and usage from the end of an answer too large to
// keep whole: the API writes both after the bulk of the data.
func (t *tally) readTail(b []byte) {
	t.setUsage(lastMember(b, "usage"))
	t.setModel(lastMember(b, "model"))
}

// apply copies the tally into e. Without reported usage, a call that could
// have used tokens gets usage.Unknown; one that cannot have (an error
// answer, a GET) counts zero.
func (t *tally) apply(e *usage.Event, mayUseTokens bool) {
	if t.model != "" {
		e.Model = t.model
	}
	switch {
	case t.hasUsage:
		e.InputTokens, e.CachedTokens, e.OutputTokens, e.ReasoningTokens = t.input, t.cached, t.output, t.reasoning
	case mayUseTokens:
		e.InputTokens, e.CachedTokens, e.OutputTokens, e.ReasoningTokens = usage.Unknown, usage.Unknown, usage.Unknown, usage.Unknown
	}
	if e.ErrorType == "" && t.errType != "" {
		e.ErrorType = t.errType
	}
}
