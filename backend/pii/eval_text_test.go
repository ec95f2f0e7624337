package pii

import (
	"strings"
	"testing"
)

// TestLoadCasesTextRules: a UTF-8 BOM is accepted; invalid UTF-8 and an
// overlong line are refused naming the line.
func TestLoadCasesTextRules(t *testing.T) {
	ok := `{"entity":"EMAIL_ADDRESS","text":"mail a@b.example","count":1}` + "\n"
	cases, err := LoadCases(strings.NewReader("\xef\xbb\xbf" + ok + ok))
	if err != nil || len(cases) != 2 {
		t.Fatalf("with a BOM: %d cases, %v", len(cases), err)
	}
	_, err = LoadCases(strings.NewReader(ok + ok + "{\"entity\":\"PERSON\",\"text\":\"Jos\xe9\"}\n"))
	if err == nil || !strings.Contains(err.Error(), "line 3") || !strings.Contains(err.Error(), "UTF-8") {
		t.Fatalf("invalid UTF-8: %v", err)
	}
	_, err = LoadCases(strings.NewReader(ok + strings.Repeat("x", maxCaseLine+1) + "\n"))
	if err == nil || !strings.Contains(err.Error(), "line 2") || !strings.Contains(err.Error(), "16 MB") {
		t.Fatalf("overlong line: %v", err)
	}
}
