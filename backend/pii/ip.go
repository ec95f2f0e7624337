package pii

import (
	"net/netip"
	"strings"
)

// findIPv4 finds dotted-quad addresses with every part 0-255. An address
// may not be glued to letters or digits ("IP192.168.1.1" is not one), but
// may be followed by punctuation, including a dot.
func findIPv4(text string, out []candidate) []candidate {
	for i := 0; i < len(text); i++ {
		if !isDigit(text[i]) || isAlnum(before(text, i)) || before(text, i) == '.' {
			continue
		}
		end, ok := readIPv4(text, i)
		if ok {
			out = append(out, candidate{IP, i, end})
		}
		for end = i; end < len(text) && (isDigit(text[end]) || text[end] == '.'); end++ {
		}
		i = end
	}
	return out
}

// readIPv4 reads four dotted parts from i.
func readIPv4(text string, i int) (int, bool) {
	j := i
	for part := 0; part < 4; part++ {
		if part > 0 {
			if at(text, j) != '.' {
				return 0, false
			}
			j++
		}
		v, n := 0, 0
		for j < len(text) && isDigit(text[j]) {
			v = v*10 + int(text[j]-'0')
			n++
			j++
			if n > 3 {
				return 0, false
			}
		}
		if n == 0 || v > 255 {
			return 0, false
		}
	}
	return j, wordEnd(text, j)
}

func isIPv6Char(c byte) bool { return isHex(c) || c == ':' || c == '.' }

// findIPv6 finds IPv6 addresses, compressed or not, with embedded IPv4 and
// an optional zone ("fe80::1%eth0"). A candidate is the longest run of hex
// digits, colons and dots that does not follow a letter, digit, colon or
// dot; it must parse as IPv6 as a whole (a trailing sentence dot aside) and
// not be followed by a letter or digit. "std::cout" and "12:34:56" fail.
func findIPv6(text string, out []candidate) []candidate {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !isHex(c) && c != ':' {
			continue
		}
		if p := before(text, i); isAlnum(p) || p == ':' || p == '.' {
			continue
		}
		j := i
		for j < len(text) && isIPv6Char(text[j]) {
			j++
		}
		next := j
		for j > i && text[j-1] == '.' {
			j--
		}
		if end, ok := checkIPv6(text, i, j); ok {
			out = append(out, candidate{IP, i, end})
		}
		i = next - 1
	}
	return out
}

// checkIPv6 validates text[i:j] as an IPv6 address and extends it over a
// zone suffix.
func checkIPv6(text string, i, j int) (int, bool) {
	s := text[i:j]
	if strings.Count(s, ":") < 2 || (j < len(text) && isAlnum(text[j])) {
		return 0, false
	}
	if at(text, j) == '%' {
		k := j + 1
		for k < len(text) && (isAlnum(text[k]) || text[k] == '_' || text[k] == '-') {
			k++
		}
		if k > j+1 {
			if a, err := netip.ParseAddr(text[i:k]); err == nil && a.Is6() {
				return k, true
			}
		}
	}
	a, err := netip.ParseAddr(s)
	return j, err == nil && a.Is6()
}
