package secret

import (
	"bytes"
	"slices"
	"strings"
)

// Find returns every key in text, marked or only key-shaped, in order and
// without overlaps: the one detector behind the PII screen and every
// redaction point, so what the leak scanner reports is never kept.
func Find(text []byte) []Match {
	ms := FindMarked(text, true, true, nil)
	marked := len(ms)
	for _, s := range FindShaped(text, true, true, nil) {
		if !overlaps(ms[:marked], s) {
			ms = append(ms, s)
		}
	}
	slices.SortFunc(ms, func(a, b Match) int { return a.Start - b.Start })
	return ms
}

func overlaps(ms []Match, s Match) bool {
	for _, m := range ms {
		if s.Start < m.End && m.Start < s.End {
			return true
		}
	}
	return false
}

// RedactKeys returns s with every key replaced by its redacted form
// ("sk-proj-…abcd").
func RedactKeys(s string) string { return redactKeys(s, false) }

// RedactCut is RedactKeys for text cut at a size cap: a key-like prefix
// left at the very end ("…sk-proj-AbC1") is redacted too, since the rest
// of the key was only cut away.
func RedactCut(s string) string { return redactKeys(s, true) }

func redactKeys(s string, cut bool) string {
	if !strings.Contains(s, "sk") {
		return s
	}
	buf := []byte(s)
	ms := Find(buf)
	tail := len(buf)
	if cut {
		tail = cutKeyStart(buf, ms)
	}
	if len(ms) == 0 && tail == len(buf) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	at := 0
	for _, m := range ms {
		b.Write(buf[at:m.Start])
		b.WriteString(Redact(m.Key(buf)))
		at = m.End
	}
	if tail < len(buf) && tail >= at {
		b.Write(buf[at:tail])
		b.WriteString(Prefix(string(Canonical(buf[tail:]))) + "…")
		at = len(buf)
	}
	b.Write(buf[at:])
	return b.String()
}

// cutKeyStart is where a key cut off by the end of buf begins: a token
// starting "sk" plus a hyphen (plain, escaped or cut inside its escape)
// that runs to the end; len(buf) when there is none.
func cutKeyStart(buf []byte, ms []Match) int {
	if len(ms) > 0 && ms[len(ms)-1].End == len(buf) {
		return len(buf)
	}
	lo := len(buf)
	for lo > 0 && len(buf)-lo <= maxShapedLen && (isKeyByte(buf[lo-1]) || buf[lo-1] == '\\' || buf[lo-1] == '%') {
		lo--
	}
	k := bytes.Index(buf[lo:], []byte("sk"))
	for k >= 0 {
		p := lo + k
		rest := buf[p+2:]
		if hyphenAt(rest) > 0 || isEscapeStart(rest) {
			return p
		}
		n := bytes.Index(buf[p+2:], []byte("sk"))
		if n < 0 {
			break
		}
		k = p + 2 + n - lo
	}
	return len(buf)
}

// isEscapeStart reports whether b is the cut-off start of an escaped
// hyphen, such as `\u00` at the end of a cut text.
func isEscapeStart(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, e := range hyphenEscapes {
		if len(b) < len(e) && bytes.HasPrefix(e, b) {
			return true
		}
	}
	return false
}
