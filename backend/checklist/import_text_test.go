package checklist

import (
	"bytes"
	"strings"
	"testing"

	"steward/backend/apperr"
)

// TestImportTextRules: a UTF-8 BOM is accepted; invalid UTF-8 and a note
// over the limit are refused naming the line (and the limit), in both
// languages, and nothing is imported.
func TestImportTextRules(t *testing.T) {
	s := exportFixture(t)
	var exp bytes.Buffer
	if err := Export(s, &exp, "Support bot", "json", LangEn, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	if res, err := Import(s, bytes.NewReader(append([]byte("\xef\xbb\xbf"), exp.Bytes()...)), "bom.json", "From BOM"); err != nil || res.Items == 0 {
		t.Fatalf("a file with a BOM: %+v, %v", res, err)
	}
	body := "{\"items\": [\n{\"id\": \"UP-01\", \"status\": \"done\"},\n{\"id\": \"KH-01\", \"notes\": \"caf\xe9\"}\n]}"
	_, err := Import(s, strings.NewReader(body), "latin1.json", "Support bot")
	wantRefused(t, err, "latin1.json", "line 3", "UTF-8", "第 3 行")

	body = "{\"items\": [\n{\"id\": \"UP-01\", \"status\": \"done\"},\n{\"id\": \"KH-01\", \"notes\": \"" + strings.Repeat("n", 100<<10) + "\"}\n]}"
	_, err = Import(s, strings.NewReader(body), "big.json", "Support bot")
	wantRefused(t, err, "big.json", "line 3", "64 KB", "第 3 行")
	if it, _ := s.Items("Support bot"); len(it) > 0 && len(it[0].Notes) > MaxNotesBytes {
		t.Fatal("an oversized note was imported")
	}
	if _, err := s.UpdateItem("Support bot", "KH-01", Change{Notes: ptr(strings.Repeat("n", 100<<10))}); !apperr.Is(err, apperr.Invalid) || !strings.Contains(err.Error(), "64 KB") {
		t.Fatalf("typing an oversized note: %v", err)
	}
}

// wantRefused checks an import error names the file, the line and why.
func wantRefused(t *testing.T, err error, file string, want ...string) {
	t.Helper()
	if !apperr.Is(err, apperr.ImportMalformed) {
		t.Fatalf("err = %v, want %s", err, apperr.ImportMalformed)
	}
	_, en := apperr.Describe(err, "en")
	_, zh := apperr.Describe(err, "zh-CN")
	for _, w := range append(want, file) {
		if !strings.Contains(en+" | "+zh, w) {
			t.Errorf("message %q / %q lacks %q", en, zh, w)
		}
	}
}
