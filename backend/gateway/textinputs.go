package gateway

import (
	"encoding/json"
	"fmt"
	"sort"
)

// Policies screen the text a person sends: chat messages' content (a string
// or text parts), a Responses request's input and instructions, and a
// legacy completion's prompt. editTexts passes each text through edit and
// splices changed values back into the body, leaving every other byte as
// it was. Image, audio and file parts are not text and pass unscreened.

// textMembers are the top-level members holding text inputs, per operation.
func textMembers(op string) []string {
	switch op {
	case opChat:
		return []string{"messages"}
	case opResponses:
		return []string{"instructions", "input"}
	case opCompletions:
		return []string{"prompt"}
	}
	return nil
}

// editTexts applies edit to every text input of a request body for op. It
// returns the body unchanged (the same slice) when edit changed nothing, and
// an error when the members it must read are not the JSON the API expects.
func editTexts(body []byte, op string, edit func(string) string) ([]byte, error) {
	type splice struct {
		at, end int
		val     []byte
	}
	var edits []splice
	var firstErr error
	wanted := textMembers(op)
	err := scanObject(body, func(k, v []byte, at int) bool {
		for _, w := range wanted {
			if string(k) != w {
				continue
			}
			nv, changed, err := editMember(w, v, edit)
			if err != nil {
				firstErr = fmt.Errorf("%s: %w", w, err)
				return false
			}
			if changed {
				edits = append(edits, splice{at, at + len(v), nv})
			}
		}
		return true
	})
	if err != nil {
		return body, err
	}
	if firstErr != nil {
		return body, firstErr
	}
	if len(edits) == 0 {
		return body, nil
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].at < edits[j].at })
	out := make([]byte, 0, len(body))
	pos := 0
	for _, e := range edits {
		out = append(out, body[pos:e.at]...)
		out = append(out, e.val...)
		pos = e.end
	}
	return append(out, body[pos:]...), nil
}

// editMember edits one top-level member's value.
func editMember(name string, v []byte, edit func(string) string) ([]byte, bool, error) {
	switch name {
	case "messages":
		return editItems(v, edit)
	case "input":
		if len(v) > 0 && v[0] == '[' {
			return editItems(v, edit)
		}
		return editContent(v, edit)
	default: // instructions, prompt
		return editContent(v, edit)
	}
}

// editItems edits the content of each message (or Responses input item).
func editItems(v []byte, edit func(string) string) ([]byte, bool, error) {
	var items []map[string]json.RawMessage
	if err := json.Unmarshal(v, &items); err != nil {
		return nil, false, err
	}
	changed := false
	for _, it := range items {
		c, ok := it["content"]
		if !ok {
			continue
		}
		nc, ch, err := editContent(c, edit)
		if err != nil {
			return nil, false, err
		}
		if ch {
			it["content"], changed = nc, true
		}
	}
	if !changed {
		return v, false, nil
	}
	out, err := json.Marshal(items)
	return out, err == nil, err
}

// editContent edits a content value: a string, a list of strings (a
// completion prompt), or a list of parts whose text parts are edited.
func editContent(v []byte, edit func(string) string) ([]byte, bool, error) {
	switch {
	case len(v) == 0 || string(v) == "null":
		return v, false, nil
	case v[0] == '"':
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return nil, false, err
		}
		if ns := edit(s); ns != s {
			out, err := json.Marshal(ns)
			return out, err == nil, err
		}
		return v, false, nil
	case v[0] != '[':
		return v, false, nil
	}
	var parts []json.RawMessage
	if err := json.Unmarshal(v, &parts); err != nil {
		return nil, false, err
	}
	changed := false
	for i, p := range parts {
		np, ch, err := editPart(p, edit)
		if err != nil {
			return nil, false, err
		}
		if ch {
			parts[i], changed = np, true
		}
	}
	if !changed {
		return v, false, nil
	}
	out, err := json.Marshal(parts)
	return out, err == nil, err
}

// editPart edits a string, or the "text" of a text part ("text",
// "input_text", "output_text").
func editPart(p json.RawMessage, edit func(string) string) (json.RawMessage, bool, error) {
	if len(p) > 0 && p[0] == '"' {
		return editContent(p, edit)
	}
	if len(p) == 0 || p[0] != '{' {
		return p, false, nil
	}
	var part map[string]json.RawMessage
	if err := json.Unmarshal(p, &part); err != nil {
		return nil, false, err
	}
	switch typ, _ := jsonString(part["type"]); typ {
	case "text", "input_text", "output_text":
	default:
		return p, false, nil
	}
	nt, ch, err := editContent(part["text"], edit)
	if err != nil || !ch {
		return p, false, err
	}
	part["text"] = nt
	out, err := json.Marshal(part)
	return out, err == nil, err
}

// collectTexts returns the text inputs of a body for op.
func collectTexts(body []byte, op string) ([]string, error) {
	var out []string
	_, err := editTexts(body, op, func(s string) string {
		if s != "" {
			out = append(out, s)
		}
		return s
	})
	return out, err
}
