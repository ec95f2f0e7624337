package pii

// Byte-level helpers shared by the detectors. Boundaries are judged on
// ASCII only, so data written straight after CJK text ("手机13812345678")
// is still found.

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

func isAlnum(c byte) bool { return isDigit(c) || isUpper(c) || isLower(c) }

func isHex(c byte) bool {
	return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

// before returns the byte before i, or a space at the start of text.
func before(text string, i int) byte {
	if i <= 0 {
		return ' '
	}
	return text[i-1]
}

// at returns text[i], or a space past the end.
func at(text string, i int) byte {
	if i >= len(text) {
		return ' '
	}
	return text[i]
}

// wordStart reports whether a token may start at i: the byte before it is
// not an ASCII letter or digit.
func wordStart(text string, i int) bool { return !isAlnum(before(text, i)) }

// wordEnd reports whether a token may end at i: the byte at i is not an
// ASCII letter or digit.
func wordEnd(text string, i int) bool { return !isAlnum(at(text, i)) }

// lowerASCII lowercases ASCII letters only.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if isUpper(c) {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
