package moderation

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzImport feeds arbitrary bytes to every importer: none may panic, an
// error yields no items, every item has text (no image files exist here),
// every skipped row has a line inside the file and a reason in both
// languages, and labels name only known categories.
func FuzzImport(f *testing.F) {
	seeds := []struct {
		name, content string
	}{
		{"a.txt", "one\n\ntwo\r\n"},
		{"a.csv", "prompt,violence,S\n\"multi\nline\",1,0\nbad\"quote,1\n"},
		{"a.csv", "id,text\n1,hi\n"},
		{"a.jsonl", `{"prompt": "p", "labels": {"violence": true}}` + "\n" + `{"input": "q", "V": 1, "SH": 0}` + "\nnot json\n"},
		{"a.jsonl", `"just a string"` + "\n" + `{"prompt": null, "image": 3}`},
		{"a.jsonl.gz", "\x1f\x8b\x08\x00\x00\x00\x00\x00"},
		{"a.txt", "\xef\xbb\xbf\xff\xfe"},
	}
	for _, s := range seeds {
		f.Add(s.name, []byte(s.content))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		dir := t.TempDir()
		for _, format := range []string{"", FormatTXT, FormatCSV, FormatJSONL} {
			items, skipped, err := ParseImport(bytes.NewReader(data), "fuzz/"+strings.ReplaceAll(name, "/", "_"), ImportOptions{Format: format, BaseDir: dir})
			if err != nil && items != nil {
				t.Fatalf("error %v with %d items", err, len(items))
			}
			lines := bytes.Count(data, []byte("\n")) + 1
			for _, s := range skipped {
				if s.Line < 1 || (!bytes.HasPrefix(data, []byte{0x1f, 0x8b}) && s.Line > lines) || s.Reason == "" || s.ReasonZh == "" {
					t.Fatalf("bad row error %+v (file has %d lines)", s, lines)
				}
			}
			for _, it := range items {
				if strings.TrimSpace(it.Text) == "" && it.ImagePath == "" {
					t.Fatalf("empty item %+v", it)
				}
				if !utf8.ValidString(it.Text) {
					t.Fatalf("item text is not UTF-8: %q", it.Text)
				}
				for c := range it.Expected {
					if !IsCategory(c) {
						t.Fatalf("label %q is not a category", c)
					}
				}
			}
		}
	})
}
