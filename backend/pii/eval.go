package pii

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"steward/backend/textfile"
)

// Case is one labelled text from a PII test suite: the entity it is about
// (Presidio's names, e.g. "EMAIL_ADDRESS"), how many such entities it holds,
// and where they are as [start, end) character offsets when known.
type Case struct {
	Entity        string   `json:"entity"`
	Text          string   `json:"text"`
	ExpectedCount int      `json:"expected_count"`
	ExpectedSpans [][2]int `json:"expected_spans"`
	Source        string   `json:"source,omitempty"`
}

// EntityType maps a Presidio entity name to the Type that detects it; ok is
// false for entities this package does not detect (URL, MAC_ADDRESS, ...).
func EntityType(entity string) (Type, bool) {
	switch entity {
	case "EMAIL_ADDRESS":
		return Email, true
	case "PHONE_NUMBER":
		return Phone, true
	case "CREDIT_CARD":
		return Card, true
	case "IBAN_CODE":
		return IBAN, true
	case "US_SSN":
		return SSN, true
	case "IP_ADDRESS":
		return IP, true
	case "CN_RESIDENT_ID", "CN_ID":
		return CNID, true
	case "API_KEY", "OPENAI_API_KEY":
		return APIKey, true
	}
	return "", false
}

// maxCaseLine bounds one line of a cases file.
const maxCaseLine = 16 << 20

// LoadCases reads cases, one JSON object per line; blank lines are skipped,
// a UTF-8 BOM is accepted, and invalid UTF-8 or an overlong line is refused
// naming the line.
func LoadCases(r io.Reader) ([]Case, error) {
	var cases []Case
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxCaseLine)
	line := 0
	for sc.Scan() {
		line++
		raw := sc.Bytes()
		if line == 1 {
			raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
		}
		if !utf8.Valid(raw) {
			return nil, fmt.Errorf("read cases: line %d: the text is not valid UTF-8; save the file as UTF-8", line)
		}
		b := strings.TrimSpace(string(raw))
		if b == "" {
			continue
		}
		var c Case
		if err := json.Unmarshal([]byte(b), &c); err != nil {
			return nil, fmt.Errorf("read cases: line %d: %w", line, err)
		}
		cases = append(cases, c)
	}
	if errors.Is(sc.Err(), bufio.ErrTooLong) {
		return nil, fmt.Errorf("read cases: line %d is longer than %s, the limit for one case", line+1, textfile.Size(maxCaseLine))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read cases: %w", err)
	}
	return cases, nil
}

// Score is the precision and recall of one type over the cases about it. A
// detection counts as a true positive only if its character span equals an
// expected span; cases that give a count but no spans are scored by count.
// Other counts detections of this type in cases about other entities: not
// scored (those texts are not labelled for it), shown for review.
type Score struct {
	Type      Type    `json:"type"`
	Entity    string  `json:"entity"`
	Cases     int     `json:"cases"`
	Expected  int     `json:"expected"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Other     int     `json:"other"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
}

// Report is the result of Evaluate: one Score per type the cases cover, and
// the number of cases per entity that is out of scope.
type Report struct {
	Cases      int            `json:"cases"`
	Scores     []Score        `json:"scores"`
	OutOfScope map[string]int `json:"out_of_scope"`
}

// Evaluate runs Detect over every case and scores each type.
func Evaluate(cases []Case) Report {
	rep := Report{Cases: len(cases), OutOfScope: map[string]int{}}
	scores := map[Type]*Score{}
	other := map[Type]int{}
	for _, c := range cases {
		found := Detect(c.Text)
		t, ok := EntityType(c.Entity)
		for _, m := range found {
			if !ok || m.Type != t {
				other[m.Type]++
			}
		}
		if !ok {
			rep.OutOfScope[c.Entity]++
			continue
		}
		sc := scores[t]
		if sc == nil {
			sc = &Score{Type: t, Entity: c.Entity}
			scores[t] = sc
		}
		sc.Cases++
		scoreCase(sc, c, found)
	}
	for t, sc := range scores {
		sc.Other = other[t]
		sc.Precision = ratio(sc.TP, sc.TP+sc.FP)
		sc.Recall = ratio(sc.TP, sc.TP+sc.FN)
		rep.Scores = append(rep.Scores, *sc)
	}
	sort.Slice(rep.Scores, func(i, j int) bool { return rep.Scores[i].Type < rep.Scores[j].Type })
	return rep
}

// scoreCase adds one case's true and false positives and misses to sc.
func scoreCase(sc *Score, c Case, found []Match) {
	var got [][2]int
	for _, m := range found {
		if m.Type == sc.Type {
			got = append(got, [2]int{m.RuneStart, m.RuneEnd})
		}
	}
	sc.Expected += c.ExpectedCount
	if len(c.ExpectedSpans) == 0 {
		tp := min(c.ExpectedCount, len(got))
		sc.TP += tp
		sc.FP += len(got) - tp
		sc.FN += c.ExpectedCount - tp
		return
	}
	want := map[[2]int]int{}
	for _, s := range c.ExpectedSpans {
		want[s]++
	}
	tp := 0
	for _, g := range got {
		if want[g] > 0 {
			want[g]--
			tp++
		}
	}
	sc.TP += tp
	sc.FP += len(got) - tp
	sc.FN += len(c.ExpectedSpans) - tp
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Score returns the score of type t, if the cases covered it.
func (r Report) Score(t Type) (Score, bool) {
	for _, s := range r.Scores {
		if s.Type == t {
			return s, true
		}
	}
	return Score{}, false
}

// Table renders the report as a plain-text table for terminals and logs.
func (r Report) Table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-8s %-14s %5s %8s %4s %4s %4s %9s %6s %5s\n",
		"type", "entity", "cases", "expected", "tp", "fp", "fn", "precision", "recall", "other")
	for _, s := range r.Scores {
		fmt.Fprintf(&b, "%-8s %-14s %5d %8d %4d %4d %4d %9.3f %6.3f %5d\n",
			s.Type, s.Entity, s.Cases, s.Expected, s.TP, s.FP, s.FN, s.Precision, s.Recall, s.Other)
	}
	if len(r.OutOfScope) > 0 {
		names := make([]string, 0, len(r.OutOfScope))
		for n := range r.OutOfScope {
			names = append(names, n)
		}
		sort.Strings(names)
		parts := make([]string, len(names))
		for i, n := range names {
			parts[i] = fmt.Sprintf("%s (%d)", n, r.OutOfScope[n])
		}
		fmt.Fprintf(&b, "out of scope, not scored: %s\n", strings.Join(parts, ", "))
	}
	return b.String()
}
