package moderation

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"

	"steward/backend/apperr"
)

// TestImportTextRules: every suite format accepts a UTF-8 BOM; invalid
// UTF-8 is refused naming the line; a file over the limit (after
// decompression) names the limit; nothing is imported on refusal.
func TestImportTextRules(t *testing.T) {
	s := newTestService(t)
	for name, body := range map[string]string{
		"p.txt":   "\xef\xbb\xbfone\ntwo\n",
		"p.csv":   "\xef\xbb\xbfprompt\none\ntwo\n",
		"p.jsonl": "\xef\xbb\xbf{\"prompt\":\"one\"}\n{\"prompt\":\"two\"}\n",
	} {
		res, err := s.ImportNewSuite("", writeFile(t, name, []byte(body)), ImportOptions{})
		if err != nil || res.Imported != 2 {
			t.Fatalf("%s with a BOM: %+v, %v", name, res, err)
		}
	}
	for name, body := range map[string]string{
		"bad.txt":   "one\ntwo\ncaf\xe9\n",
		"bad.csv":   "prompt\none\ncaf\xe9\n",
		"bad.jsonl": "{\"prompt\":\"one\"}\n{\"prompt\":\"two\"}\n{\"prompt\":\"caf\xe9\"}\n",
	} {
		_, err := s.ImportNewSuite("", writeFile(t, name, []byte(body)), ImportOptions{})
		en, zh := bothLanguages(t, err)
		if !apperr.Is(err, CodeImportInvalid) || !strings.Contains(en, "line 3") || !strings.Contains(zh, "第 3 行") {
			t.Errorf("%s: %v", name, err)
		}
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	line := []byte(strings.Repeat("a", 1023) + "\n")
	for range (maxImportBytes >> 10) + 1 {
		zw.Write(line)
	}
	zw.Close()
	_, err := s.ImportNewSuite("huge", writeFile(t, "huge.txt.gz", gz.Bytes()), ImportOptions{})
	if en, _ := bothLanguages(t, err); !apperr.Is(err, CodeImportInvalid) || !strings.Contains(en, "64 MB") {
		t.Fatalf("huge: %v", err)
	}
	if _, err := s.SuiteByName("huge"); err == nil {
		t.Fatal("a refused import left a suite behind")
	}
}
