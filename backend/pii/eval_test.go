package pii

import (
	"os"
	"path/filepath"
	"testing"
)

// casesPath is the shared Presidio-derived suite, relative to this package.
var casesPath = filepath.Join("..", "..", "..", "shared", "reference", "pii-cases", "cases.jsonl")

func TestEvaluateOnPresidioCases(t *testing.T) {
	f, err := os.Open(casesPath)
	if os.IsNotExist(err) {
		t.Skipf("%s not present", casesPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cases, err := LoadCases(f)
	if err != nil {
		t.Fatal(err)
	}
	rep := Evaluate(cases)
	t.Logf("%d cases\n%s", rep.Cases, rep.Table())
	// Floors this implementation reaches; a regression below them fails.
	floors := []struct {
		typ               Type
		precision, recall float64
	}{
		{Email, 1, 1},
		{Card, 1, 1},
		{IBAN, 1, 1},
		{IP, 0.95, 0.95},
		{Phone, 0.95, 0.9}, // the misses are the three contradictory leniency pairs
		{SSN, 1, 0.55},     // bare and half-separated forms need a context word
	}
	for _, fl := range floors {
		s, ok := rep.Score(fl.typ)
		if !ok {
			t.Errorf("%s: no cases scored", fl.typ)
			continue
		}
		if s.Precision < fl.precision || s.Recall < fl.recall {
			t.Errorf("%s: precision %.3f recall %.3f; want at least %.2f and %.2f", fl.typ, s.Precision, s.Recall, fl.precision, fl.recall)
		}
	}
	for _, e := range []string{"URL", "MAC_ADDRESS", "CRYPTO", "UK_NINO", "UK_NHS", "US_ITIN"} {
		if rep.OutOfScope[e] == 0 {
			t.Errorf("%s should be reported out of scope", e)
		}
	}
}
