package privacy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"steward/backend/apperr"
)

// TestLoadAnswersTextRules: a UTF-8 BOM is accepted; invalid UTF-8 is
// refused naming the line; a file over the limit names the limit.
func TestLoadAnswersTextRules(t *testing.T) {
	body, err := os.ReadFile(filepath.Join("testdata", "answers", "eu.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := LoadAnswers(strings.NewReader(string(body)), "eu.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got, err := LoadAnswers(strings.NewReader("\xef\xbb\xbf"+string(body)), "eu.yaml")
	if err != nil || got.Organisation.Name != want.Organisation.Name {
		t.Fatalf("with a BOM: %v", err)
	}
	lines := strings.SplitAfter(string(body), "\n")
	bad := strings.Join(lines[:2], "") + "# caf\xe9\n" + strings.Join(lines[2:], "")
	_, err = LoadAnswers(strings.NewReader(bad), "latin1.yaml")
	assertImportError(t, err, "latin1.yaml", "line 3", "UTF-8", "第 3 行")
	_, err = LoadAnswers(strings.NewReader(strings.Repeat("# filler\n", (maxAnswersSize/9)+2)), "huge.yaml")
	assertImportError(t, err, "huge.yaml", "4 MB")
}

func assertImportError(t *testing.T, err error, want ...string) {
	t.Helper()
	if !apperr.Is(err, apperr.ImportMalformed) {
		t.Fatalf("err = %v", err)
	}
	_, en := apperr.Describe(err, "en")
	_, zh := apperr.Describe(err, "zh-CN")
	for _, w := range want {
		if !strings.Contains(en+" | "+zh, w) {
			t.Errorf("message %q / %q lacks %q", en, zh, w)
		}
	}
}
