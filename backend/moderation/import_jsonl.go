package moderation

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// parseJSONL reads one JSON object per line: the prompt in "prompt",
// "input" or "text", an optional "image" path, and expected labels either
// as a "labels" object ({"violence": true}) or as the moderation
// evaluation set's codes at the top level ({"V": 1, "SH": 0}). A line
// holding a JSON string is a prompt on its own.
func parseJSONL(ir *importReader, opts ImportOptions, p *parsed) error {
	for p.err == nil {
		l, err := ir.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if strings.TrimSpace(l) == "" {
			continue
		}
		jsonlRow(l, ir.line).finish(p, opts.BaseDir)
	}
	return nil
}

// jsonlRow reads one line.
func jsonlRow(l string, line int) row {
	r := row{line: line, labels: Labels{}}
	fail := func(e RowError) row { r.problem = &e; return r }
	var s string
	if json.Unmarshal([]byte(l), &s) == nil {
		r.text = strings.TrimSpace(s)
		return r
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal([]byte(l), &obj); err != nil {
		var other any
		if json.Unmarshal([]byte(l), &other) == nil {
			return fail(rowError(line, "the line is JSON but not an object", "该行是 JSON，但不是对象"))
		}
		return fail(rowError(line, "the line is not JSON ("+err.Error()+")", "该行不是 JSON（"+err.Error()+"）"))
	}
	var ok bool
	if r.text, ok = stringField(obj, "prompt", "input", "text"); !ok {
		return fail(rowError(line, `"prompt" must be a string`, `"prompt" 必须是字符串`))
	}
	r.text = strings.TrimSpace(r.text)
	if r.image, ok = stringField(obj, "image", "image_path"); !ok {
		return fail(rowError(line, `"image" must be a file path`, `"image" 必须是文件路径`))
	}
	if e := readLabels(obj, line, r.labels); e != nil {
		return fail(*e)
	}
	return r
}

// stringField returns the first of names present in obj; ok is false if
// it is present but not a string. null counts as absent.
func stringField(obj map[string]json.RawMessage, names ...string) (string, bool) {
	for _, n := range names {
		raw, present := obj[n]
		if !present || string(raw) == "null" {
			continue
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", false
		}
		return s, true
	}
	return "", true
}

// readLabels fills labels from a "labels" (or "expected") object and from
// evaluation-set codes at the top level.
func readLabels(obj map[string]json.RawMessage, line int, labels Labels) *RowError {
	codes := evalLabels()
	for _, code := range sortedKeys(codes) {
		if raw, ok := obj[code]; ok {
			if e := setLabel(labels, codes[code], raw, line); e != nil {
				return e
			}
		}
	}
	for _, key := range []string{"labels", "expected"} {
		raw, ok := obj[key]
		if !ok || string(raw) == "null" {
			continue
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			e := rowError(line, fmt.Sprintf("%q must be an object of category: true/false", key),
				fmt.Sprintf("%q 必须是“类别: true/false”形式的对象", key))
			return &e
		}
		for _, k := range sortedKeys(m) {
			category, ok := categoryFromLabel(k)
			if !ok {
				e := rowError(line, fmt.Sprintf("%q is not a moderation category", k), fmt.Sprintf("“%s”不是审核类别", k))
				return &e
			}
			if e := setLabel(labels, category, m[k], line); e != nil {
				return e
			}
		}
	}
	return nil
}

// setLabel reads one label value: true/false, 1/0, a string such as "yes",
// or null for unknown.
func setLabel(labels Labels, category string, raw json.RawMessage, line int) *RowError {
	var v any
	_ = json.Unmarshal(raw, &v)
	var text string
	switch x := v.(type) {
	case nil:
		return nil
	case bool:
		labels[category] = x
		return nil
	case float64:
		text = fmt.Sprint(x)
	case string:
		text = x
	default:
		text = string(raw)
	}
	val, known, ok := labelValue(text)
	if !ok {
		e := badLabel(line, category, text)
		return &e
	}
	if known {
		labels[category] = val
	}
	return nil
}

// sortedKeys returns m's keys in order, so messages do not depend on map
// order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
