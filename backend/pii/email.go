package pii

import "strings"

// isLocalChar reports whether c may appear in the local part of an email
// address as people commonly write it.
func isLocalChar(c byte) bool {
	return isAlnum(c) || strings.IndexByte("._%+-'", c) >= 0
}

func isLabelChar(c byte) bool { return isAlnum(c) || c == '-' }

// findEmails finds addresses around each '@': a local part on the left and
// a domain of at least two labels on the right whose last label is a
// plausible top-level domain (letters, or punycode "xn--…").
func findEmails(text string, out []candidate) []candidate {
	from := 0
	for {
		k := strings.IndexByte(text[from:], '@')
		if k < 0 {
			return out
		}
		at := from + k
		from = at + 1
		start := at
		for start > 0 && isLocalChar(text[start-1]) {
			start--
		}
		for start < at && (text[start] == '.' || text[start] == '\'') {
			start++
		}
		if start == at || text[at-1] == '.' {
			continue
		}
		end, ok := domainEnd(text, at+1)
		if !ok {
			continue
		}
		out = append(out, candidate{Email, start, end})
		from = end
	}
}

// domainEnd reads a domain name starting at i and returns where it ends:
// after the last label that makes a valid top-level domain, with at least
// two labels. Hyphens are trimmed from label ends.
func domainEnd(text string, i int) (int, bool) {
	labels, best := 0, -1
	for {
		j := i
		for j < len(text) && isLabelChar(text[j]) {
			j++
		}
		for j > i && text[j-1] == '-' {
			j--
		}
		if j == i || text[i] == '-' {
			break
		}
		labels++
		if labels >= 2 && validTLD(text[i:j]) {
			best = j
		}
		if j+1 < len(text) && text[j] == '.' && isLabelChar(text[j+1]) {
			i = j + 1
			continue
		}
		break
	}
	return best, best >= 0
}

// validTLD accepts letter-only labels of two or more characters and IDN
// labels in punycode.
func validTLD(tld string) bool {
	if len(tld) < 2 {
		return false
	}
	if strings.HasPrefix(lowerASCII(tld[:min(4, len(tld))]), "xn--") {
		return len(tld) > 4
	}
	for i := 0; i < len(tld); i++ {
		if !isUpper(tld[i]) && !isLower(tld[i]) {
			return false
		}
	}
	return true
}
