package pii

// cardSubRun accepts 13 to 19 digits, written as one group or as groups of
// three or more digits joined by the same single space or dash, that pass
// the Luhn check. The first digit must be a card industry digit (2-6, or 1
// for 15-digit UATP cards), and numbers of one repeated digit are refused.
func cardSubRun(text string, r *numberRun, s, e int) bool {
	n := r.digits[e+1] - r.digits[s]
	if n < 13 || n > 19 || (s == 0 && r.plus >= 0) || r.hasBrackets(s, e) {
		return false
	}
	if _, ok := r.sameSeps(s, e, " -"); !ok {
		return false
	}
	sizes := r.sizes(s, e)
	if len(sizes) > 1 {
		if sizes[0] < 4 {
			return false
		}
		for _, z := range sizes {
			if z < 3 {
				return false
			}
		}
	}
	d := r.digitString(text, s, e)
	switch {
	case d[0] == '1':
		if n != 15 {
			return false
		}
	case d[0] < '2' || d[0] > '6':
		return false
	}
	return !repeated(d) && luhn(d)
}

// luhn reports whether a digit string passes the Luhn (mod 10) check.
func luhn(d string) bool {
	sum := 0
	for i := len(d) - 1; i >= 0; i-- {
		v := int(d[i] - '0')
		if (len(d)-1-i)%2 == 1 {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return sum%10 == 0
}

// repeated reports whether d is one digit over and over.
func repeated(d string) bool {
	for i := 1; i < len(d); i++ {
		if d[i] != d[0] {
			return false
		}
	}
	return true
}
