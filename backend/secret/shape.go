package secret

import "bytes"

// maxShapedLen bounds a key-shaped token; the longest real keys are under 200.
const maxShapedLen = 512

// FindShaped appends to out every token shaped like a key, marker or not:
// "sk-", an optional kind and at least 20 random-looking key characters,
// with hyphens plain or escaped. A token glued to a word counts only with a
// kind prefix ("KEYsk-proj-…"), so words like "task-force" are left alone.
// atStart and final are as for FindMarked.
func FindShaped(buf []byte, atStart, final bool, out []Match) []Match {
	i := 0
	for {
		j := bytes.Index(buf[i:], []byte("sk"))
		if j < 0 {
			return out
		}
		p := i + j
		if m, ok := shapedAt(buf, p, atStart, final); ok {
			out = append(out, m)
			i = m.End
			continue
		}
		i = p + 2
	}
}

// shapedAt tells whether a key-shaped token starts at p.
func shapedAt(buf []byte, p int, atStart, final bool) (Match, bool) {
	if p == 0 && !atStart {
		return Match{}, false
	}
	end, kind, esc, ok := shapedEnd(buf, p)
	if !ok || (end == len(buf) && !final) {
		return Match{}, false
	}
	if kind == KindLegacyUser && p > 0 && isAlnum(buf[p-1]) && !escapeEndsAt(buf, p) {
		return Match{}, false
	}
	return Match{Kind: kind, Start: p, End: end, Escaped: esc}, true
}

// shapedEnd reads the token at p: where it ends, its kind, whether it has
// escaped hyphens, and whether its body looks like a key's.
func shapedEnd(buf []byte, p int) (end int, kind string, esc, ok bool) {
	h := hyphenAt(buf[p+2:])
	if h == 0 {
		return 0, "", false, false
	}
	esc = h > 1
	q := p + 2 + h
	kind = KindLegacyUser
	for _, k := range []struct{ word, kind string }{{"proj", KindProject}, {"svcacct", KindServiceAccount}, {"admin", KindAdmin}} {
		if bytes.HasPrefix(buf[q:], []byte(k.word)) {
			if h2 := hyphenAt(buf[q+len(k.word):]); h2 > 0 {
				q, kind, esc = q+len(k.word)+h2, k.kind, esc || h2 > 1
				break
			}
		}
	}
	body := q
	for q < len(buf) && q-p <= maxShapedLen {
		if isKeyByte(buf[q]) {
			q++
		} else if n := hyphenEscapeLen(buf[q:]); n > 0 {
			q, esc = q+n, true
		} else {
			break
		}
	}
	if q-p > maxShapedLen {
		return 0, "", false, false
	}
	b := buf[body:q]
	if esc {
		b = Canonical(b)
	}
	return q, kind, esc, BodyLooksRandom(b)
}

// BodyLooksRandom tells a key's body (what follows its prefix) from an
// identifier such as "sk-learn-model": at least 20 characters with letters
// and digits, and either mixed case or at least 32 characters.
func BodyLooksRandom(body []byte) bool {
	if len(body) < 20 {
		return false
	}
	var digit, lower, upper bool
	for _, c := range body {
		digit = digit || c >= '0' && c <= '9'
		lower = lower || c >= 'a' && c <= 'z'
		upper = upper || c >= 'A' && c <= 'Z'
	}
	if !digit || !(lower || upper) {
		return false
	}
	return (lower && upper) || len(body) >= 32
}
