package pii

// phoneSubRun accepts international numbers after '+' or "00", North
// American 3-3-4 numbers, China mobile numbers and trunk-0 national numbers.
func phoneSubRun(text string, r *numberRun, s, e int) bool {
	d := r.digitString(text, s, e)
	sizes := r.sizes(s, e)
	plus := s == 0 && r.plus >= 0
	switch {
	case plus:
		return international(d)
	case len(d) > 2 && d[0] == '0' && d[1] == '0':
		return len(sizes) > 1 && international(d[2:])
	case nanp(d, sizes, r, s):
		return true
	case chinaMobile(d, sizes):
		return true
	}
	return trunkNational(d, sizes, r, s)
}

// international accepts E.164 numbers after a '+' or "00": 8 to 15 digits,
// not starting with 0.
func international(d string) bool {
	return len(d) >= 8 && len(d) <= 15 && d[0] != '0'
}

// nanp accepts North American numbers written 3-3-4 ("(415) 555-0132",
// "415.555.0132"), optionally after a leading 1; area code and exchange
// start with 2-9, and only the area code may be bracketed.
func nanp(d string, sizes []int, r *numberRun, s int) bool {
	if len(sizes) == 4 && sizes[0] == 1 && d[0] == '1' {
		d, sizes, s = d[1:], sizes[1:], s+1
	}
	if len(sizes) != 3 || sizes[0] != 3 || sizes[1] != 3 || sizes[2] != 4 {
		return false
	}
	if r.groups[s+1].open >= 0 || r.groups[s+2].open >= 0 || r.groups[s+2].closed {
		return false
	}
	return d[0] >= '2' && d[3] >= '2'
}

// chinaMobile accepts mainland China mobile numbers 1[3-9]x xxxx xxxx,
// unseparated or 3-4-4.
func chinaMobile(d string, sizes []int) bool {
	if len(d) != 11 || d[0] != '1' || d[1] < '3' {
		return false
	}
	return len(sizes) == 1 || (len(sizes) == 3 && sizes[0] == 3 && sizes[1] == 4)
}

// trunkNational accepts national numbers with a trunk 0, as written in the
// UK, Germany, France, Japan, Israel and elsewhere ("020 7123 4567",
// "090-1234-5678", "09-7625400"): 9 to 11 digits in at least two groups of
// two or more, the first of at most five, and a second digit that is not 0.
// The 3-2-4 shape of an SSN is left out.
func trunkNational(d string, sizes []int, r *numberRun, s int) bool {
	if len(d) < 9 || len(d) > 11 || d[0] != '0' || d[1] == '0' || len(sizes) < 2 || sizes[0] > 5 {
		return false
	}
	if len(sizes) == 3 && sizes[0] == 3 && sizes[1] == 2 && sizes[2] == 4 {
		return false // the SSN shape; ssnSubRun decides
	}
	for k, z := range sizes {
		if z < 2 || (k > 0 && r.groups[s+k].open >= 0) {
			return false
		}
	}
	return true
}
