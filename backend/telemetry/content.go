package telemetry

import (
	"bufio"
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

// answer is the part of a chat completion, a completion, a chat chunk or a
// Response that carries its text.
type answer struct {
	Choices []struct {
		Index   int `json:"index"`
		Message *struct {
			Role    string          `json:"role"`
			Content json.RawMessage `json:"content"`
		} `json:"message"`
		Delta *struct {
			Content string `json:"content"`
		} `json:"delta"`
		Text         string `json:"text"`
		FinishReason string `json:"finish_reason"`
	} `json:"choices"`
	Output []struct {
		Type    string          `json:"type"`
		Role    string          `json:"role"`
		Content json.RawMessage `json:"content"`
	} `json:"output"`
	Status   string  `json:"status"`
	Type     string  `json:"type"`     // a Responses stream event's type
	Response *answer `json:"response"` // a Responses stream event's Response
}

// outputMessages reads the answer of a JSON body or an event stream.
func outputMessages(body string) []message {
	t := strings.TrimSpace(body)
	if strings.HasPrefix(t, "{") {
		var a answer
		if json.Unmarshal([]byte(t), &a) != nil {
			return nil
		}
		return a.messages()
	}
	return streamMessages(body)
}

// messages turns a whole answer into output messages.
func (a *answer) messages() []message {
	var out []message
	for _, ch := range a.Choices {
		switch {
		case ch.Message != nil:
			if ps := textParts(ch.Message.Content); len(ps) > 0 {
				out = append(out, message{Role: "assistant", Parts: ps, FinishReason: ch.FinishReason})
			}
		case ch.Text != "":
			out = append(out, message{Role: "assistant", Parts: []part{{Type: "text", Content: ch.Text}}, FinishReason: ch.FinishReason})
		}
	}
	for _, it := range a.Output {
		if it.Type != "message" {
			continue
		}
		if ps := textParts(it.Content); len(ps) > 0 {
			m := message{Role: "assistant", Parts: ps}
			if a.Status == "completed" {
				m.FinishReason = "stop"
			}
			out = append(out, m)
		}
	}
	return out
}

// streamMessages gathers a streamed answer: chat and completion chunks'
// text by choice, or a Responses stream's final Response.
func streamMessages(body string) []message {
	type acc struct {
		text   strings.Builder
		finish string
	}
	var byIndex []*acc
	sc := bufio.NewScanner(strings.NewReader(body))
	sc.Buffer(make([]byte, 0, 64<<10), len(body)+1)
	for sc.Scan() {
		data, ok := strings.CutPrefix(sc.Text(), "data:")
		data = strings.TrimSpace(data)
		if !ok || !strings.HasPrefix(data, "{") {
			continue
		}
		var a answer
		if json.Unmarshal([]byte(data), &a) != nil {
			continue
		}
		if a.Response != nil && a.Type == "response.completed" {
			return a.Response.messages()
		}
		for _, ch := range a.Choices {
			if ch.Index < 0 || ch.Index > 127 {
				continue
			}
			for len(byIndex) <= ch.Index {
				byIndex = append(byIndex, &acc{})
			}
			x := byIndex[ch.Index]
			if ch.Delta != nil {
				x.text.WriteString(ch.Delta.Content)
			}
			x.text.WriteString(ch.Text)
			if ch.FinishReason != "" {
				x.finish = ch.FinishReason
			}
		}
	}
	var out []message
	for _, x := range byIndex {
		if x.text.Len() > 0 {
			out = append(out, message{Role: "assistant", Parts: []part{{Type: "text", Content: x.text.String()}}, FinishReason: x.finish})
		}
	}
	return out
}
