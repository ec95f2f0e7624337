package telemetry

import (
	"encoding/json"
	"strings"

	"go.opentelemetry.io/otel/attribute"

	"steward/backend/gateway"
	"steward/backend/secret"
)

// cutMark ends a body the gateway cut at its logging cap.
const cutMark = "\n[… cut]"

// part and message are the GenAI conventions' message shapes for
// gen_ai.input.messages and gen_ai.output.messages (text parts only).
type part struct {
	Type    string `json:"type"`
	Content string `json:"content"`
}

type message struct {
	Role         string `json:"role"`
	Parts        []part `json:"parts"`
	FinishReason string `json:"finish_reason,omitempty"`
}

// contentAttrs are the call's prompt and answer as GenAI message
// attributes, every key in them redacted. Only calls whose bodies the
// gateway logged carry any.
func contentAttrs(c *gateway.Call) []attribute.KeyValue {
	var out []attribute.KeyValue
	if in := messages(c.Event.RequestBody, "user", func(b string) []message { return inputMessages(c.Operation, b) }); in != "" {
		out = append(out, keyInputMessages.String(in))
	}
	if o := messages(c.Event.ResponseBody, "assistant", outputMessages); o != "" {
		out = append(out, keyOutputMessages.String(o))
	}
	return out
}

// messages parses body into messages, or when it cannot (a cut body, an
// unknown shape) keeps it whole as one text part of role; every part is
// passed through the key detector. It gives the messages as JSON, or "".
func messages(body, role string, parse func(string) []message) string {
	body, cut := strings.CutSuffix(body, cutMark)
	if strings.TrimSpace(body) == "" {
		return ""
	}
	var ms []message
	if !cut {
		ms = parse(body)
	}
	redact := secret.RedactKeys
	if len(ms) == 0 {
		ms, redact = []message{{Role: role, Parts: []part{{Type: "text", Content: body}}}}, secret.RedactCut
	}
	for i := range ms {
		for j := range ms[i].Parts {
			ms[i].Parts[j].Content = redact(ms[i].Parts[j].Content)
		}
	}
	b, err := json.Marshal(ms)
	if err != nil {
		return ""
	}
	return string(b)
}

// inputMessages reads the prompt of a chat, Responses or completions request.
func inputMessages(op, body string) []message {
	var req struct {
		Messages []struct {
			Role    string          `json:"role"`
			Content json.RawMessage `json:"content"`
		} `json:"messages"`
		Instructions string          `json:"instructions"`
		Input        json.RawMessage `json:"input"`
		Prompt       json.RawMessage `json:"prompt"`
	}
	if json.Unmarshal([]byte(body), &req) != nil {
		return nil
	}
	var out []message
	switch op {
	case "/chat/completions":
		for _, m := range req.Messages {
			out = appendMessage(out, m.Role, textParts(m.Content))
		}
	case "/responses":
		if req.Instructions != "" {
			out = appendMessage(out, "system", []part{{Type: "text", Content: req.Instructions}})
		}
		var items []struct {
			Role    string          `json:"role"`
			Content json.RawMessage `json:"content"`
		}
		if json.Unmarshal(req.Input, &items) == nil {
			for _, it := range items {
				out = appendMessage(out, it.Role, textParts(it.Content))
			}
		} else {
			out = appendMessage(out, "user", textParts(req.Input))
		}
	case "/completions":
		out = appendMessage(out, "user", textParts(req.Prompt))
	}
	return out
}

// appendMessage adds a message with parts, if any.
func appendMessage(ms []message, role string, parts []part) []message {
	if len(parts) == 0 {
		return ms
	}
	if role == "" {
		role = "user"
	}
	return append(ms, message{Role: role, Parts: parts})
}

// textParts reads message content: a string, a list of strings, or a list
// of parts with a "text" field (text, input_text, output_text).
func textParts(raw json.RawMessage) []part {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if s == "" {
			return nil
		}
		return []part{{Type: "text", Content: s}}
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		return nil
	}
	var out []part
	for _, el := range list {
		var p struct {
			Text *string `json:"text"`
		}
		switch {
		case json.Unmarshal(el, &s) == nil:
			out = append(out, part{Type: "text", Content: s})
		case json.Unmarshal(el, &p) == nil && p.Text != nil:
			out = append(out, part{Type: "text", Content: *p.Text})
		}
	}
	return out
}
