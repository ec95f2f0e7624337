package secret

import (
	"bytes"
)

// The shape of a key: "sk-", an optional kind ("proj-", ...), a run of key
// characters with the marker (base64 of "OpenAI") inside.
const (
	Marker     = "T3BlbkFJ"
	minHalf    = 20  // fewest key characters on each side of the marker
	maxHalf    = 250 // most key characters on each side of the marker
	legacyHalf = 20  // a legacy key has exactly 20 on each side
	// MaxKeyContext bounds how far a match reaches from where it starts, so
	// a chunk overlap larger than this never splits a key unseen.
	MaxKeyContext = maxHalf*2 + 64
	// runLimit is the longest run read back from a marker: the prefix (up
	// to "sk-svcacct-" with escaped hyphens), the key characters and
	// perhaps text glued before it.
	runLimit = maxHalf + 64
)

// Match is a key found in a buffer: the bytes it occupies (escapes
// included) and its kind. Escaped says a hyphen was written as an escape
// (\u002d, \x2d, %2d), so the key is Canonical(buf[Start:End]), not the
// bytes themselves. Marked says it carries the marker of a real key.
type Match struct {
	Kind       string
	Start, End int
	Escaped    bool
	Marked     bool
}

// Key returns the key as the API reads it.
func (m Match) Key(buf []byte) string {
	if !m.Escaped {
		return string(buf[m.Start:m.End])
	}
	return string(Canonical(buf[m.Start:m.End]))
}

// FindMarked appends to out the keys in buf that carry the marker: the
// leak scanner's strict rule. atStart says buf begins at the start of its
// stream, final that it ends there: without them a candidate touching the
// edge is left for the neighbouring chunk.
func FindMarked(buf []byte, atStart, final bool, out []Match) []Match {
	i := 0
	for {
		j := bytes.Index(buf[i:], []byte(Marker))
		if j < 0 {
			return out
		}
		m := i + j
		if k, ok := keyAround(buf, m, atStart, final); ok {
			out = append(out, k)
			i = k.End
			continue
		}
		i = m + 1
	}
}

// run is the stretch of key characters before a marker, with escaped
// hyphens decoded: dec holds the characters; at, when a hyphen was
// escaped, their offsets in buf (else dec[i] is at lo+i).
type run struct {
	dec []byte
	at  []int
	lo  int
	esc bool
}

// pos is the offset in buf of the run's i-th character.
func (r *run) pos(i int) int {
	if r.at == nil {
		return r.lo + i
	}
	return r.at[i]
}

// keyAround tells whether the marker at m sits inside a key.
func keyAround(buf []byte, m int, atStart, final bool) (Match, bool) {
	lo, esc := m, false
	for lo > 0 && m-lo <= runLimit {
		if isKeyByte(buf[lo-1]) {
			lo--
			continue
		}
		if hyphenEscapeLen(buf[lo-1:]) > 0 {
			lo, esc = lo-1, true
			continue
		}
		break
	}
	if m-lo > runLimit || (lo == 0 && !atStart) {
		return Match{}, false
	}
	r := run{dec: buf[lo:m], lo: lo}
	if esc {
		r = decodeRun(buf, lo, m)
	}
	if d, kind, plen := prefixedStart(r.dec); d >= 0 {
		return newerKey(buf, &r, d, d+plen, m, final, kind)
	}
	return legacyKey(buf, &r, lo, m, final)
}

// decodeRun decodes the escaped hyphens of buf[lo:m].
func decodeRun(buf []byte, lo, m int) run {
	r := run{dec: make([]byte, 0, m-lo), at: make([]int, 0, m-lo), lo: lo, esc: true}
	for i := lo; i < m; {
		if n := hyphenEscapeLen(buf[i:m]); n > 0 {
			r.dec, r.at = append(r.dec, '-'), append(r.at, i)
			i += n
			continue
		}
		r.dec, r.at = append(r.dec, buf[i]), append(r.at, i)
		i++
	}
	return r
}

// prefixedStart finds the first "sk-proj-", "sk-svcacct-" or "sk-admin-"
// in dec, which may have text glued before it.
func prefixedStart(dec []byte) (at int, kind string, n int) {
	at = -1
	for _, p := range prefixes[:3] {
		if k := bytes.Index(dec, []byte(p.prefix)); k >= 0 && (at < 0 || k < at) {
			at, kind, n = k, p.kind, len(p.prefix)
		}
	}
	return at, kind, n
}

// newerKey checks the key characters around the marker of a prefixed key
// whose decoded prefix starts at d and body at b.
func newerKey(buf []byte, r *run, d, b, m int, final bool, kind string) (Match, bool) {
	if len(r.dec)-b < minHalf {
		return Match{}, false
	}
	tail := m + len(Marker)
	hi, chars, esc := tail, 0, r.esc
	for hi < len(buf) && chars <= maxHalf {
		if isKeyByte(buf[hi]) {
			hi++
		} else if n := hyphenEscapeLen(buf[hi:]); n > 0 {
			hi, esc = hi+n, true
		} else {
			break
		}
		chars++
	}
	if chars > maxHalf || chars < minHalf || (hi == len(buf) && !final) {
		return Match{}, false
	}
	after := buf[tail:hi]
	if esc {
		after = Canonical(after)
	}
	if !plausible(r.dec[b:], after) {
		return Match{}, false
	}
	return Match{Kind: kind, Start: r.pos(d), End: hi, Escaped: esc, Marked: true}, true
}

// legacyKey checks for exactly 20 letters and digits each side of the
// marker, with nothing but an escape's tail glued before "sk-".
func legacyKey(buf []byte, r *run, lo, m int, final bool) (Match, bool) {
	dec := r.dec
	s := len(dec) - legacyHalf - 3
	if s < 0 || !bytes.HasPrefix(dec[s:], []byte("sk-")) || !allAlnum(dec[s+3:]) {
		return Match{}, false
	}
	if s > 0 && escapeTailLen(buf, lo, dec[:s]) != s {
		return Match{}, false
	}
	tail := m + len(Marker)
	hi := tail + legacyHalf
	if hi > len(buf) || !allAlnum(buf[tail:hi]) {
		return Match{}, false
	}
	if (hi == len(buf) && !final) || (hi < len(buf) && isAlnum(buf[hi])) {
		return Match{}, false
	}
	if !plausible(dec[s+3:], buf[tail:hi]) {
		return Match{}, false
	}
	return Match{Kind: KindLegacyUser, Start: r.pos(s), End: hi, Escaped: r.esc, Marked: true}, true
}

// escapeTailLen is the length of the escape sequence's tail that starts a
// run at lo (the "n" of \n, the "22" of %22), or 0. pre is the run's start.
func escapeTailLen(buf []byte, lo int, pre []byte) int {
	if lo == 0 || len(pre) == 0 {
		return 0
	}
	hexRun := func(from, n int) bool {
		if len(pre) < from+n {
			return false
		}
		for _, c := range pre[from : from+n] {
			if !isHex(c) {
				return false
			}
		}
		return true
	}
	switch buf[lo-1] {
	case '\\':
		switch {
		case bytes.IndexByte([]byte("nrtbfv0"), pre[0]) >= 0:
			return 1
		case pre[0] == 'x' && hexRun(1, 2):
			return 3
		case pre[0] == 'u' && hexRun(1, 4):
			return 5
		case pre[0] == 'U' && hexRun(1, 8):
			return 9
		}
	case '%':
		if hexRun(0, 2) {
			return 2
		}
	}
	return 0
}
