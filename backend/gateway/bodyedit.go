package gateway

import (
	"encoding/json"
)

// setMember returns body, a JSON object, with its top-level member key set
// to the raw JSON value val: the existing value replaced in place, or the
// member added after the opening brace. Nothing else changes. A body that
// is not an object is returned as it was, with ok false.
func setMember(body []byte, key string, val []byte) (out []byte, ok bool) {
	at, old := -1, []byte(nil)
	if scanObject(body, func(k, v []byte, i int) bool {
		if keyName(k) == key {
			at, old = i, v // the last one wins, as decoders read duplicates
		}
		return true
	}) != nil {
		return body, false
	}
	if at >= 0 {
		out = make([]byte, 0, len(body)-len(old)+len(val))
		out = append(out, body[:at]...)
		out = append(out, val...)
		return append(out, body[at+len(old):]...), true
	}
	i := skipSpace(body, 0)
	kv, _ := json.Marshal(key)
	out = make([]byte, 0, len(body)+len(kv)+len(val)+2)
	out = append(out, body[:i+1]...)
	out = append(out, kv...)
	out = append(out, ':')
	out = append(out, val...)
	if j := skipSpace(body, i+1); j < len(body) && body[j] != '}' {
		out = append(out, ',')
	}
	return append(out, body[i+1:]...), true
}

// hasMember reports whether the object in body has a top-level member key
// whose value is not null.
func hasMember(body []byte, key string) bool {
	found := false
	_ = scanObject(body, func(k, v []byte, _ int) bool {
		if keyName(k) == key && string(v) != "null" {
			found = true
		}
		return true
	})
	return found
}

// jsonQuote is s as a JSON string.
func jsonQuote(s string) []byte {
	b, _ := json.Marshal(s)
	return b
}
