package leakscan

import (
	"bytes"
	"math"
)

// The shape of a key: "sk-", an optional kind ("proj-", ...), a run of key
// characters with the marker (base64 of "OpenAI") inside.
const (
	marker     = "T3BlbkFJ"
	minHalf    = 20  // fewest key characters on each side of the marker
	maxHalf    = 250 // most key characters on each side of the marker
	legacyHalf = 20  // a legacy key has exactly 20 on each side
	// maxKeyContext bounds how far a match reaches from its marker, so a
	// chunk overlap larger than this never splits a key unseen.
	maxKeyContext = maxHalf*2 + 64
)

// match is a leak found in a buffer: the secret's byte span, its rule and
// the offset that places it in exactly one chunk of a streamed file.
type match struct {
	rule       string
	start, end int // the secret
	anchor     int // end for keys, the end of the line for env assignments
}

// findKeys appends to out the keys in buf. atStart says buf begins at the
// start of its file, final that it ends at the end of the file: without
// them a candidate touching the edge is left for the neighbouring chunk.
func findKeys(buf []byte, atStart, final bool, out []match) []match {
	i := 0
	for {
		j := bytes.Index(buf[i:], []byte(marker))
		if j < 0 {
			return out
		}
		m := i + j
		if k, ok := keyAround(buf, m, atStart, final); ok {
			out = append(out, k)
			i = k.end
			continue
		}
		i = m + 1
	}
}

// keyAround tells whether the marker at m sits inside a key.
func keyAround(buf []byte, m int, atStart, final bool) (match, bool) {
	// The run before the marker holds the prefix (up to "sk-svcacct-"), the
	// key characters and perhaps an escape's tail (up to "U0000000A").
	const limit = maxHalf + 24
	lo := m
	for lo > 0 && m-lo <= limit && isKeyByte(buf[lo-1]) {
		lo--
	}
	if m-lo > limit || (lo == 0 && !atStart) {
		return match{}, false
	}
	if k, ok := keyFrom(buf, lo, m, final); ok {
		return k, true
	}
	// The run may start with the tail of an escape, as in \nsk-… or %22sk-….
	if n := escapeTail(buf, lo, m); n > 0 {
		return keyFrom(buf, lo+n, m, final)
	}
	return match{}, false
}

// escapeTail is the length of the escape sequence's tail that starts the
// run at lo (the "n" of \n, the "22" of %22), or 0.
func escapeTail(buf []byte, lo, m int) int {
	if lo == 0 {
		return 0
	}
	run := buf[lo:m]
	hexRun := func(from, n int) bool {
		if len(run) < from+n {
			return false
		}
		for _, c := range run[from : from+n] {
			if !isHex(c) {
				return false
			}
		}
		return true
	}
	switch buf[lo-1] {
	case '\\':
		switch {
		case len(run) == 0:
			return 0
		case bytes.IndexByte([]byte("nrtbfv0"), run[0]) >= 0:
			return 1
		case run[0] == 'x' && hexRun(1, 2):
			return 3
		case run[0] == 'u' && hexRun(1, 4):
			return 5
		case run[0] == 'U' && hexRun(1, 8):
			return 9
		}
	case '%':
		if hexRun(0, 2) {
			return 2
		}
	}
	return 0
}

// keyFrom tells whether a key starts at s and holds the marker at m.
func keyFrom(buf []byte, s, m int, final bool) (match, bool) {
	if m-s < 3 || !bytes.HasPrefix(buf[s:], []byte("sk-")) {
		return match{}, false
	}
	for _, p := range []struct{ kind, rule string }{
		{"proj-", RuleProjectKey}, {"svcacct-", RuleServiceAccountKey}, {"admin-", RuleAdminKey},
	} {
		if bytes.HasPrefix(buf[s+3:m], []byte(p.kind)) {
			return newerKey(buf, s, s+3+len(p.kind), m, final, p.rule)
		}
	}
	return legacyKey(buf, s, m, final)
}

// newerKey checks the key characters around the marker of a prefixed key.
func newerKey(buf []byte, s, bodyStart, m int, final bool, rule string) (match, bool) {
	if m-bodyStart < minHalf {
		return match{}, false
	}
	tail := m + len(marker)
	hi := tail
	for hi < len(buf) && hi-tail <= maxHalf && isKeyByte(buf[hi]) {
		hi++
	}
	if hi-tail > maxHalf || hi-tail < minHalf || (hi == len(buf) && !final) {
		return match{}, false
	}
	if !plausible(buf[bodyStart:m], buf[tail:hi]) {
		return match{}, false
	}
	return match{rule: rule, start: s, end: hi, anchor: hi}, true
}

// legacyKey checks for exactly 20 letters and digits each side of the marker.
func legacyKey(buf []byte, s, m int, final bool) (match, bool) {
	bodyStart, tail := s+3, m+len(marker)
	hi := tail + legacyHalf
	if m-bodyStart != legacyHalf || hi > len(buf) || !allAlnum(buf[bodyStart:m]) || !allAlnum(buf[tail:hi]) {
		return match{}, false
	}
	if (hi == len(buf) && !final) || (hi < len(buf) && isAlnum(buf[hi])) {
		return match{}, false
	}
	if !plausible(buf[bodyStart:m], buf[tail:hi]) {
		return match{}, false
	}
	return match{rule: RuleLegacyKey, start: s, end: hi, anchor: hi}, true
}

// placeholderWords, in the cases people write them, mark a made-up key.
// They are long enough that a random key holds one with negligible odds.
func placeholderWords() [][]byte {
	return [][]byte{
		[]byte("EXAMPLE"), []byte("example"), []byte("Example"), []byte("REDACTED"), []byte("redacted"),
		[]byte("PLACEHOLDER"), []byte("placeholder"), []byte("YOURKEY"), []byte("yourkey"),
		[]byte("YOUR_KEY"), []byte("your_key"), []byte("YOUR-KEY"), []byte("your-key"),
	}
}

// plausible tells random-looking key characters from a made-up key: enough
// entropy, no long run of one character or of the alphabet, no placeholder
// word. Random keys fail these with negligible odds.
func plausible(parts ...[]byte) bool {
	var counts [256]int
	n := 0
	for _, p := range parts {
		if maxRepeat(p) >= 6 || maxAscending(p) >= 6 {
			return false
		}
		for _, w := range placeholderWords() {
			if bytes.Contains(p, w) {
				return false
			}
		}
		for _, c := range p {
			counts[c]++
		}
		n += len(p)
	}
	return entropy(counts[:], n) >= 3.5
}

// entropy is the Shannon entropy in bits per character of n characters.
func entropy(counts []int, n int) float64 {
	if n == 0 {
		return 0
	}
	h := 0.0
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / float64(n)
			h -= p * math.Log2(p)
		}
	}
	return h
}

// maxRepeat is the longest run of one character in p.
func maxRepeat(p []byte) int { return longestRun(p, 0) }

// maxAscending is the longest run like "abcdef" or "12345" in p.
func maxAscending(p []byte) int { return longestRun(p, 1) }

// longestRun is the longest run of p where each byte is the previous plus step.
func longestRun(p []byte, step int) int {
	if len(p) == 0 {
		return 0
	}
	best, cur := 1, 1
	for i := 1; i < len(p); i++ {
		if int(p[i]) == int(p[i-1])+step {
			cur++
			best = max(best, cur)
		} else {
			cur = 1
		}
	}
	return best
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// isKeyByte reports whether c may appear in the body of a newer key.
func isKeyByte(c byte) bool { return isAlnum(c) || c == '_' || c == '-' }

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

func allAlnum(p []byte) bool {
	for _, c := range p {
		if !isAlnum(c) {
			return false
		}
	}
	return true
}
