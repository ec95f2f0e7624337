package telemetry

import (
	"bufio"
	"encoding/json"
	"strings"
)

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
