package pii

import "time"

// cnProvince reports whether p is the code of a mainland China province-level
// division, Hong Kong, Macau or Taiwan (the first two digits of an ID).
func cnProvince(p int) bool {
	switch {
	case p >= 11 && p <= 15, p >= 21 && p <= 23, p >= 31 && p <= 37,
		p >= 41 && p <= 46, p >= 50 && p <= 54, p >= 61 && p <= 65:
		return true
	}
	return p == 71 || p == 81 || p == 82 || p == 83 || p == 91
}

// findCNIDs finds 18-character resident identity numbers (GB 11643-1999):
// a province code, a real birth date between 1900 and 2099, and the ISO 7064
// MOD 11-2 check character (0-9 or X).
func findCNIDs(text string, out []candidate) []candidate {
	for i := 0; i+18 <= len(text); i++ {
		if !isDigit(text[i]) || !wordStart(text, i) {
			continue
		}
		j := i
		for j < len(text) && j-i < 18 && isDigit(text[j]) {
			j++
		}
		n := j - i
		if n == 17 && (at(text, j) == 'X' || at(text, j) == 'x') {
			j++
			n++
		}
		if n == 18 && wordEnd(text, j) && validCNID(text[i:j]) {
			out = append(out, candidate{CNID, i, j})
		}
		i = j
	}
	return out
}

// validCNID checks the province, the birth date and the check character of
// an 18-character string of 17 digits and a digit or X.
func validCNID(id string) bool {
	if !cnProvince(int(id[0]-'0')*10 + int(id[1]-'0')) {
		return false
	}
	num := func(s string) int {
		n := 0
		for i := 0; i < len(s); i++ {
			n = n*10 + int(s[i]-'0')
		}
		return n
	}
	y, m, d := num(id[6:10]), num(id[10:12]), num(id[12:14])
	if y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 {
		return false
	}
	if t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC); t.Day() != d {
		return false
	}
	return id[17] == cnCheckChar(id[:17]) || (id[17] == 'x' && cnCheckChar(id[:17]) == 'X')
}

// cnCheckChar computes the ISO 7064 MOD 11-2 check character of 17 digits.
func cnCheckChar(digits string) byte {
	sum, w := 0, 1
	for i := 16; i >= 0; i-- {
		w = w * 2 % 11
		sum += int(digits[i]-'0') * w
	}
	c := (12 - sum%11) % 11
	if c == 10 {
		return 'X'
	}
	return byte('0' + c)
}
