package moderation

import (
	"bytes"
	"encoding/json"
)

// CategoryFlags are per-category flags; nil where there is no flag. Its
// JSON lists the categories in the API's order.
type CategoryFlags map[string]*bool

// CategoryScores are per-category scores; nil where there is no score. Its
// JSON lists the categories in the API's order.
type CategoryScores map[string]*float64

// AppliedInputTypes are the input types ("text", "image") each category's
// score covers. Its JSON lists the categories in the API's order.
type AppliedInputTypes map[string][]string

// MarshalJSON writes the categories in the API's order.
func (m CategoryFlags) MarshalJSON() ([]byte, error) { return orderedJSON(m) }

// MarshalJSON writes the categories in the API's order.
func (m CategoryScores) MarshalJSON() ([]byte, error) { return orderedJSON(m) }

// MarshalJSON writes the categories in the API's order.
func (m AppliedInputTypes) MarshalJSON() ([]byte, error) { return orderedJSON(m) }

// orderedJSON writes m as a JSON object: the categories first, in the
// API's order, then any other keys sorted.
func orderedJSON[V any](m map[string]V) ([]byte, error) {
	if m == nil {
		return []byte("null"), nil
	}
	keys := make([]string, 0, len(m))
	for _, c := range Categories() {
		if _, ok := m[c]; ok {
			keys = append(keys, c)
		}
	}
	for _, k := range sortedKeys(m) {
		if !IsCategory(k) {
			keys = append(keys, k)
		}
	}
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			buf.WriteByte(',')
		}
		kb, err := json.Marshal(k)
		if err != nil {
			return nil, err
		}
		vb, err := json.Marshal(m[k])
		if err != nil {
			return nil, err
		}
		buf.Write(kb)
		buf.WriteByte(':')
		buf.Write(vb)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}
