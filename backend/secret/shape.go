package secret

import (
	"bytes"
	"slices"
)

// maxShapedLen bounds a key-shaped token; the longest real keys are under 200.
const maxShapedLen = 512

// FindShaped appends to out every token shaped like a key, marker or not:
// "sk-", an optional kind and at least 20 random-looking key characters,
// with hyphens plain or escaped. A token glued to a word counts only with a
// kind prefix ("KEYsk-proj-…"), so words like "task-force" are left alone.
// atStart and final are as for FindMarked.
func FindShaped(buf []byte, atStart, final bool, out []Match) []Match {
	first := len(out)
	out = shapedAt1(buf, '-', atStart, final, out)
	// Escaped hyphens (\u002d, \x2d, %2d) are rare: a second look finds them.
	plain := len(out)
	for _, c := range []byte{'\\', '%'} {
		for _, m := range shapedAt1(buf, c, atStart, final, nil) {
			if !overlaps(out[first:], m) {
				out = append(out, m)
			}
		}
	}
	if len(out) > plain {
		slices.SortFunc(out[first:], func(a, b Match) int { return a.Start - b.Start })
	}
	return out
}

// shapedAt1 appends the key-shaped tokens whose first hyphen, plain or
// escaped, starts with byte c: it looks for c (a fast byte search) and
// then for "sk" just before it.
func shapedAt1(buf []byte, c byte, atStart, final bool, out []Match) []Match {
	floor, i := 0, 2
	for i < len(buf) {
		j := bytes.IndexByte(buf[i:], c)
		if j < 0 {
			return out
		}
		p := i + j
		i = p + 1
		if p-2 < floor || buf[p-2] != 's' || buf[p-1] != 'k' || (c != '-' && hyphenEscapeLen(buf[p:]) == 0) {
			continue
		}
		if m, ok := shapedAt(buf, p-2, atStart, final); ok {
			out = append(out, m)
			floor, i = m.End, max(i, m.End)
		}
	}
	return out
}

// shapedAt tells whether a key-shaped token starts at p.
func shapedAt(buf []byte, p int, atStart, final bool) (Match, bool) {
	if p == 0 && !atStart {
		return Match{}, false
	}
	glued := p > 0 && isAlnum(buf[p-1])
	if glued {
		// Glued to a word, only a kind prefix ("sk-proj-", ...) makes a key;
		// "task-queue" is turned away on its first letters.
		h := hyphenAt(buf[p+2:])
		if n := p + 2 + h; h > 0 && n < len(buf) && buf[n] != 'p' && buf[n] != 's' && buf[n] != 'a' && !escapeEndsAt(buf, p) {
			return Match{}, false
		}
		glued = !escapeEndsAt(buf, p)
	}
	end, kind, esc, ok := shapedEnd(buf, p, glued)
	if !ok || (end == len(buf) && !final) {
		return Match{}, false
	}
	return Match{Kind: kind, Start: p, End: end, Escaped: esc}, true
}

// shapedEnd reads the token at p: where it ends, its kind, whether it has
// escaped hyphens, and whether its body looks like a key's.
// A token glued to a word must have a kind prefix.
func shapedEnd(buf []byte, p int, glued bool) (end int, kind string, esc, ok bool) {
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
	if glued && kind == KindLegacyUser {
		return 0, "", false, false
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
