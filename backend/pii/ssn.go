package pii

import "strings"

// ssnSubRun accepts US Social Security numbers: "AAA-GG-SSSS" with one
// consistent separator (dash, space or dot). Unseparated ("078051121") and
// half-separated forms ("078-051121", "07805-1121", also a ZIP+4 shape) are
// accepted only after a word such as "SSN" or "social security", since
// without one they are as likely to be order or postal numbers. The SSA's
// rules apply: no area 000, 666 or 900-999, no group 00, no serial 0000, no
// single repeated digit, and no well-known sample numbers.
func ssnSubRun(text string, r *numberRun, s, e int) bool {
	if r.digits[e+1]-r.digits[s] != 9 || (s == 0 && r.plus >= 0) || r.hasBrackets(s, e) {
		return false
	}
	sizes := r.sizes(s, e)
	switch {
	case len(sizes) == 3 && sizes[0] == 3 && sizes[1] == 2:
		if _, ok := r.sameSeps(s, e, "- ."); !ok {
			return false
		}
	case len(sizes) == 1 || (len(sizes) == 2 && (sizes[0] == 3 || sizes[0] == 5) && r.sep[s] == "-"):
		if !ssnContext(text, r.spanStart(s)) {
			return false
		}
	default:
		return false
	}
	return validSSN(r.digitString(text, s, e))
}

// validSSN applies the SSA's assignment rules to nine digits.
func validSSN(d string) bool {
	area, group, serial := d[:3], d[3:5], d[5:]
	if area == "000" || area == "666" || area[0] == '9' || group == "00" || serial == "0000" || repeated(d) {
		return false
	}
	for _, sample := range []string{"078051120", "123456789", "98765432"} {
		if strings.HasPrefix(d, sample) {
			return false
		}
	}
	return true
}

// ssnContext reports whether a word naming an SSN appears in the 40 bytes
// before i.
func ssnContext(text string, i int) bool {
	lo := max(0, i-40)
	w := lowerASCII(text[lo:i])
	for _, k := range []string{"ssn", "social security", "ss#", "ss #", "ss no"} {
		if strings.Contains(w, k) {
			return true
		}
	}
	return false
}
