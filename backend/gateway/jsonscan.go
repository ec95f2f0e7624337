package gateway

import (
	"bytes"
	"errors"
	"strconv"
)

// The gateway reads a few top-level members of bodies it forwards ("model",
// "stream", "usage", ...) without decoding anything else. scanObject walks
// an object's members, skipping each value by its brackets and strings, so
// looking at a 30 MB embeddings answer costs one pass and no allocations.
// It is lenient: it finds structure, it does not validate JSON.

var (
	errNotObject = errors.New("not a JSON object")
	errTruncated = errors.New("JSON ends early")
)

// scanObject calls visit with each top-level member of the object in b: the
// key as written (without quotes, escapes left as they are), the raw value
// and the value's offset in b. It stops early, without error, when visit
// returns false. A body that ends inside the object gives errTruncated after
// visiting the members that were complete.
func scanObject(b []byte, visit func(key, val []byte, at int) bool) error {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return errNotObject
	}
	i++
	for {
		i = skipSpace(b, i)
		if i >= len(b) {
			return errTruncated
		}
		if b[i] == '}' {
			return nil
		}
		if b[i] == ',' {
			i++
			continue
		}
		if b[i] != '"' {
			return errNotObject
		}
		end := skipString(b, i)
		if end < 0 {
			return errTruncated
		}
		key := b[i+1 : end-1]
		i = skipSpace(b, end)
		if i >= len(b) {
			return errTruncated
		}
		if b[i] != ':' {
			return errNotObject
		}
		i = skipSpace(b, i+1)
		vend := skipValue(b, i)
		if vend < 0 {
			return errTruncated
		}
		if !visit(key, b[i:vend], i) {
			return nil
		}
		i = vend
	}
}

// member returns the raw value of the top-level member key of the object in
// b, or nil.
func member(b []byte, key string) []byte {
	var out []byte
	_ = scanObject(b, func(k, v []byte, _ int) bool {
		if string(k) == key {
			out = v
			return false
		}
		return true
	})
	return out
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t') {
		i++
	}
	return i
}

// skipString returns the index just past the string starting at b[i] (a
// quote), or -1 if b ends first.
func skipString(b []byte, i int) int {
	for j := i + 1; j < len(b); {
		k := bytes.IndexAny(b[j:], "\"\\")
		if k < 0 {
			return -1
		}
		j += k
		if b[j] == '"' {
			return j + 1
		}
		j += 2 // a backslash and the character it escapes
	}
	return -1
}

// skipValue returns the index just past the value starting at b[i], or -1
// if b ends first.
func skipValue(b []byte, i int) int {
	if i >= len(b) {
		return -1
	}
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"':
				j = skipString(b, j)
				if j < 0 {
					return -1
				}
				j--
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return -1
	}
	for j := i; j < len(b); j++ {
		switch b[j] {
		case ',', '}', ']', ' ', '\n', '\r', '\t':
			if j == i {
				return -1
			}
			return j
		}
	}
	return -1 // a scalar running to the end may be cut short
}

// jsonString decodes a raw JSON string value; ok is false for anything else.
func jsonString(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", false
	}
	inner := raw[1 : len(raw)-1]
	if bytes.IndexByte(inner, '\\') < 0 {
		return string(inner), true
	}
	s, err := strconv.Unquote(string(raw))
	if err != nil {
		return "", false
	}
	return s, true
}

// isObject reports whether a raw value is an object (not null).
func isObject(raw []byte) bool { return len(raw) > 0 && raw[0] == '{' }

// lastMember finds the last occurrence of "key": VALUE in b (a window that
// may start mid-document, such as a large body's tail) and returns VALUE.
func lastMember(b []byte, key string) []byte {
	pat := []byte(`"` + key + `"`)
	for end := len(b); end > 0; {
		i := bytes.LastIndex(b[:end], pat)
		if i < 0 {
			return nil
		}
		end = i
		j := skipSpace(b, i+len(pat))
		if j >= len(b) || b[j] != ':' {
			continue
		}
		j = skipSpace(b, j+1)
		if v := skipValue(b, j); v > 0 {
			return b[j:v]
		}
	}
	return nil
}

// memberIsObject reports whether b holds `"key"` followed by a colon and an
// object, a cheap test before scanning a stream event properly.
func memberIsObject(b []byte, key string) bool {
	pat := []byte(`"` + key + `"`)
	for off := 0; ; {
		i := bytes.Index(b[off:], pat)
		if i < 0 {
			return false
		}
		j := skipSpace(b, off+i+len(pat))
		if j < len(b) && b[j] == ':' {
			if j = skipSpace(b, j+1); j < len(b) && b[j] == '{' {
				return true
			}
		}
		off += i + len(pat)
	}
}
