package pii

// A number run is a sequence of digit groups joined by short separators,
// such as "+44 (20) 7123 4567" or "4012-8888-8888-1881". Cards, phone
// numbers and SSNs are all read from runs: each detector looks for the
// longest sub-run, from the left, that it accepts.

// group is one stretch of digits; open is the index of a '(' right before
// it (or -1), and closed tells whether a ')' follows it.
type group struct {
	start, end int
	open       int
	closed     bool
}

// numberRun is a run of groups; plus is the index of a leading '+' or -1.
// sep[k] is the text between group k and group k+1.
type numberRun struct {
	plus   int
	glued  bool // the run's last separator leads into a letter: "01-23-45-AB"
	groups []group
	sep    []string
	digits []int // digits[k] = number of digits in groups[:k]
}

// runStart reports whether a number run may begin at i.
func runStart(text string, i int) bool {
	p := before(text, i)
	if isAlnum(p) || p == '.' || p == '-' || p == '_' || p == '/' || p == '+' {
		return false
	}
	c := text[i]
	switch c {
	case '+':
		return isDigit(at(text, i+1)) || at(text, i+1) == '(' && isDigit(at(text, i+2))
	case '(':
		return isDigit(at(text, i+1))
	}
	return isDigit(c)
}

// readRun reads the number run starting at i and returns it with the index
// just past its last character.
func readRun(text string, i int) (numberRun, int) {
	r := numberRun{plus: -1, digits: []int{0}}
	j := i
	if text[j] == '+' {
		r.plus = j
		j++
	}
	for {
		g := group{open: -1}
		if text[j] == '(' {
			g.open = j
			j++
		}
		g.start = j
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		g.end = j
		if g.open >= 0 {
			if at(text, j) == ')' {
				g.closed = true
				j++
			} else if len(r.groups) == 0 {
				g.open = -1 // a stray '(' before the first group is not part of it
			} else {
				return r, r.groups[len(r.groups)-1].end
			}
		}
		r.groups = append(r.groups, g)
		r.digits = append(r.digits, r.digits[len(r.digits)-1]+g.end-g.start)
		sepStart := j
		if j < len(text) && (text[j] == ' ' || text[j] == '-' || text[j] == '.') {
			j++
		}
		next := at(text, j)
		if (j == sepStart && !g.closed) || !(isDigit(next) || next == '(' && isDigit(at(text, j+1))) {
			r.glued = j > sepStart && text[sepStart] != ' ' && isAlnum(next)
			return r, sepStart
		}
		r.sep = append(r.sep, text[g.end:j])
	}
}

// findNumberRuns reads every number run and lets the card, SSN and phone
// detectors pick sub-runs from it.
func findNumberRuns(text string, out []candidate) []candidate {
	for i := 0; i < len(text); i++ {
		if !runStart(text, i) {
			continue
		}
		r, end := readRun(text, i)
		if afterIBANHead(text, i) {
			i = end - 1
			continue
		}
		out = pickSubRuns(text, &r, Card, 19, cardSubRun, out)
		out = pickSubRuns(text, &r, SSN, 9, ssnSubRun, out)
		out = pickSubRuns(text, &r, Phone, 17, phoneSubRun, out)
		if end > i {
			i = end - 1
		}
	}
	return out
}

// accepter decides whether groups s..e of a run are a value of one type.
type accepter func(text string, r *numberRun, s, e int) bool

// pickSubRuns scans a run left to right, taking at each start the longest
// accepted sub-run with at most maxDigits digits.
func pickSubRuns(text string, r *numberRun, t Type, maxDigits int, ok accepter, out []candidate) []candidate {
	n := len(r.groups)
	for s := 0; s < n; {
		took := false
		e := s
		for e+1 < n && r.digits[e+2]-r.digits[s] <= maxDigits {
			e++
		}
		for ; e >= s; e-- {
			if r.digits[e+1]-r.digits[s] > maxDigits || !detachable(text, r, s, e) || !ok(text, r, s, e) {
				continue
			}
			out = append(out, candidate{t, r.spanStart(s), r.spanEnd(e)})
			s, took = e+1, true
			break
		}
		if !took {
			s++
		}
	}
	return out
}

// detachable reports whether groups s..e can stand alone: inside a longer
// run they must be set off by a space or a bracket, and at the run's end
// they must not run into a letter or digit.
func detachable(text string, r *numberRun, s, e int) bool {
	if s > 0 && !spaced(r.sep[s-1]) {
		return false
	}
	if e < len(r.groups)-1 {
		return spaced(r.sep[e])
	}
	end := r.groups[e].end
	if r.groups[e].closed {
		end++
	}
	return !r.glued && wordEnd(text, end)
}

// afterIBANHead reports whether the run at i continues an IBAN-like code:
// one of the four-character tokens before it, each followed by a space, is
// a country code and two check digits ("GB29 NWBK 6016…").
// Such runs are account numbers, not phones or cards, whether or not the
// IBAN's checksum holds.
func afterIBANHead(text string, i int) bool {
	for k := 0; k < 8; k++ {
		if i < 5 || text[i-1] != ' ' {
			return false
		}
		tok := text[i-5 : i-1]
		for j := 0; j < 4; j++ {
			if !isUpper(tok[j]) && !isDigit(tok[j]) {
				return false
			}
		}
		if isUpper(tok[0]) && isUpper(tok[1]) && isDigit(tok[2]) && isDigit(tok[3]) && wordStart(text, i-5) {
			return true
		}
		i -= 5
	}
	return false
}

func spaced(sep string) bool {
	for i := 0; i < len(sep); i++ {
		if sep[i] == ' ' || sep[i] == '(' || sep[i] == ')' {
			return true
		}
	}
	return false
}

// spanStart is where sub-run s.. begins: at the '+' or '(' that leads it.
func (r *numberRun) spanStart(s int) int {
	if s == 0 && r.plus >= 0 {
		return r.plus
	}
	if r.groups[s].open >= 0 {
		return r.groups[s].open
	}
	return r.groups[s].start
}

// spanEnd is where sub-run ..e ends, after the closing ')' of a bracketed
// last group.
func (r *numberRun) spanEnd(e int) int {
	g := r.groups[e]
	if g.closed && g.open >= 0 {
		return g.end + 1
	}
	return g.end
}

// digitString returns the digits of groups s..e.
func (r *numberRun) digitString(text string, s, e int) string {
	b := make([]byte, 0, r.digits[e+1]-r.digits[s])
	for k := s; k <= e; k++ {
		b = append(b, text[r.groups[k].start:r.groups[k].end]...)
	}
	return string(b)
}

// sizes returns the digit count of each group s..e.
func (r *numberRun) sizes(s, e int) []int {
	out := make([]int, 0, e-s+1)
	for k := s; k <= e; k++ {
		out = append(out, r.groups[k].end-r.groups[k].start)
	}
	return out
}

// sameSeps reports whether the separators inside groups s..e are all sep.
func (r *numberRun) sameSeps(s, e int, allowed string) (string, bool) {
	first := ""
	for k := s; k < e; k++ {
		if k == s {
			first = r.sep[k]
		}
		if r.sep[k] != first || len(first) != 1 || !containsByte(allowed, first[0]) {
			return "", false
		}
	}
	return first, true
}

// hasBrackets reports whether any group s..e is bracketed.
func (r *numberRun) hasBrackets(s, e int) bool {
	for k := s; k <= e; k++ {
		if r.groups[k].open >= 0 || r.groups[k].closed {
			return true
		}
	}
	return false
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}
