package secret

import "bytes"

// hyphenEscapes are the ways a hyphen is written escaped in source, JSON,
// URLs and logs; a key written with them is still a key.
var hyphenEscapes = [][]byte{
	[]byte(`\u002d`), []byte(`\u002D`), []byte(`\x2d`), []byte(`\x2D`), []byte(`%2d`), []byte(`%2D`),
}

// hyphenEscapeLen is the length of the escaped hyphen b starts with, or 0.
func hyphenEscapeLen(b []byte) int {
	if len(b) < 3 || (b[0] != '\\' && b[0] != '%') {
		return 0
	}
	for _, e := range hyphenEscapes {
		if bytes.HasPrefix(b, e) {
			return len(e)
		}
	}
	return 0
}

// hyphenAt is the length of the hyphen, plain or escaped, b starts with.
func hyphenAt(b []byte) int {
	if len(b) > 0 && b[0] == '-' {
		return 1
	}
	return hyphenEscapeLen(b)
}

// Canonical returns b with every escaped hyphen written as "-".
func Canonical(b []byte) []byte {
	if bytes.IndexByte(b, '\\') < 0 && bytes.IndexByte(b, '%') < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		if n := hyphenEscapeLen(b[i:]); n > 0 {
			out = append(out, '-')
			i += n
			continue
		}
		out = append(out, b[i])
		i++
	}
	return out
}

// escapeEndsAt reports whether an escape sequence (\n, \t, \u0022, %22, ...)
// ends just before p, so the letter or digit there is not part of a word.
func escapeEndsAt(buf []byte, p int) bool {
	for _, n := range []int{1, 3, 5, 9} {
		if p-n-1 >= 0 && buf[p-n-1] == '\\' && escapeTailLen(buf, p-n, buf[p-n:p]) == n {
			return true
		}
	}
	return p-3 >= 0 && buf[p-3] == '%' && escapeTailLen(buf, p-2, buf[p-2:p]) == 2
}
