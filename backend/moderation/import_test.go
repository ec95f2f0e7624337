package moderation

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func parse(t *testing.T, file, content string, opts ImportOptions) ([]ItemInput, []RowError, error) {
	t.Helper()
	return ParseImport(strings.NewReader(content), file, opts)
}

func texts(items []ItemInput) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Text
	}
	return out
}

func lineNumbers(skipped []RowError) []int {
	out := []int{}
	for _, s := range skipped {
		out = append(out, s.Line)
	}
	return out
}

func TestImportFormats(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		content string
		opts    ImportOptions
		texts   []string
		labels  []Labels
		skipped []int
	}{
		{name: "OK_TXTWithBOMAndBlankLines", file: "a.txt", content: "\ufeffone\n\n  \r\ntwo\r\n  three  \n",
			texts: []string{"one", "two", "three"}, labels: []Labels{{}, {}, {}}},
		{name: "OK_UnknownExtensionIsText", file: "a.list", content: "one\ntwo\n", texts: []string{"one", "two"}},
		{name: "OK_CSVQuotedNewlineAndLabels", file: "a.csv",
			content: "id,Prompt,violence,S,self_harm\r\n1,\"line a\nline b\",1,,\r\n2,hello,0,1,yes\r\n",
			texts:   []string{"line a\nline b", "hello"},
			labels:  []Labels{{"violence": true}, {"violence": false, "sexual": true, "self-harm": true}}},
		{name: "OK_CSVTextColumn", file: "a.csv", content: "text\nhi\n", texts: []string{"hi"}},
		{name: "OK_CSVInputColumnBOM", file: "a.csv", content: "\ufeffnotes,input\nx,hi\n", texts: []string{"hi"}},
		{name: "OK_CSVChosenColumn", file: "a.csv", content: "question,prompt\nasked,ignored\n", opts: ImportOptions{Column: "Question"},
			texts: []string{"asked"}},
		{name: "RowErrors_CSVLineNumbers", file: "a.csv",
			content: "prompt,violence\n\"multi\nline\",1\nbad\"quote,0\n\nfine,maybe\nlast,1\n,\n",
			texts:   []string{"multi\nline", "last"}, skipped: []int{4, 6, 8}},
		{name: "OK_JSONLFields", file: "a.jsonl",
			content: `{"prompt": "p1", "labels": {"violence": true, "self-harm/intent": false}}` + "\n\n" +
				`{"input": "p2", "V": 1, "SH": 0, "S3": null}` + "\n" + `{"text": "p3", "expected": {"Violence_Graphic": "yes"}}` + "\n" + `"p4"` + "\n",
			texts:  []string{"p1", "p2", "p3", "p4"},
			labels: []Labels{{"violence": true, "self-harm/intent": false}, {"violence": true, "self-harm": false}, {"violence/graphic": true}, {}}},
		{name: "RowErrors_JSONLLineNumbers", file: "a.jsonl",
			content: `{"prompt": "ok"}` + "\n" + `not json` + "\n" + `{"prompt": 5}` + "\n" + `{"prompt": "x", "labels": {"violance": true}}` + "\n" +
				`[1,2]` + "\n" + `{"prompt": "  "}` + "\n" + `{"prompt": "y", "V": "often"}` + "\n" + `{"prompt": "last"}`,
			texts: []string{"ok", "last"}, skipped: []int{2, 3, 4, 5, 6, 7}},
		{name: "OK_SniffedJSONL", file: "upload", content: `{"prompt": "a"}` + "\n", texts: []string{"a"}},
		{name: "OK_FormatOverridesExtension", file: "a.txt", content: "prompt\nhi\n", opts: ImportOptions{Format: "csv"}, texts: []string{"hi"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, skipped, err := parse(t, tt.file, tt.content, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := texts(items); !reflect.DeepEqual(got, tt.texts) {
				t.Fatalf("texts = %q; want %q", got, tt.texts)
			}
			if tt.skipped == nil {
				tt.skipped = []int{}
			}
			if got := lineNumbers(skipped); !reflect.DeepEqual(got, tt.skipped) {
				t.Fatalf("skipped lines = %v (%+v); want %v", got, skipped, tt.skipped)
			}
			for _, s := range skipped {
				if s.Reason == "" || s.ReasonZh == "" {
					t.Fatalf("row error without both languages: %+v", s)
				}
			}
			for i, want := range tt.labels {
				if !reflect.DeepEqual(items[i].Expected, want) {
					t.Fatalf("item %d labels = %v; want %v", i, items[i].Expected, want)
				}
			}
		})
	}
}

func TestImportBadFiles(t *testing.T) {
	tests := []struct {
		name, file, content string
		opts                ImportOptions
		want                string // in the English message
	}{
		{"ErrEmpty", "a.txt", "", ImportOptions{}, "is empty"},
		{"ErrOnlyBOMAndBlanks", "a.csv", "\ufeff \n\r\n", ImportOptions{}, "is empty"},
		{"ErrNotUTF8", "a.txt", "fine\nna\xefve caf\xe9\n", ImportOptions{}, "not UTF-8 text (line 2)"},
		{"ErrUTF16", "a.txt", "\xff\xfeh\x00i\x00", ImportOptions{}, "UTF-16"},
		{"ErrDamagedGzip", "a.jsonl.gz", "\x1f\x8bnot really gzip", ImportOptions{}, "damaged gzip"},
		{"ErrCSVNoUsableColumn", "a.csv", "id,comment\n1,hello\n", ImportOptions{}, `no column named prompt, text or input (its columns are "id", "comment")`},
		{"ErrCSVChosenColumnMissing", "a.csv", "prompt\nhi\n", ImportOptions{Column: "question"}, `no column named "question"`},
		{"ErrCSVHeaderOnly", "a.csv", "prompt\n", ImportOptions{}, "has no prompts"},
		{"ErrNoJSONLineIsJSON", "a.jsonl", "one\ntwo\n", ImportOptions{}, "no row could be read (line 1: the line is not JSON"},
		{"ErrUnknownFormat", "a.txt", "x", ImportOptions{Format: "xlsx"}, `"xlsx" is not an import format`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, _, err := parse(t, tt.file, tt.content, tt.opts)
			if items != nil {
				t.Fatalf("items = %v; want none", items)
			}
			wantCode(t, err, CodeImportInvalid)
			en, _ := bothLanguages(t, err)
			if !strings.Contains(en, tt.want) || !strings.Contains(en, "Nothing was imported") {
				t.Fatalf("message = %q; want it to contain %q", en, tt.want)
			}
		})
	}
}

func TestImportGzip(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(`{"prompt": "zipped", "H": 1}` + "\n"))
	zw.Close()
	items, _, err := ParseImport(&buf, "x.jsonl.gz", ImportOptions{})
	if err != nil || len(items) != 1 || items[0].Text != "zipped" || !items[0].Expected["hate"] {
		t.Fatalf("items = %+v, %v", items, err)
	}
}

// TestImportEvalSet reads OpenAI's labelled moderation evaluation set: its
// codes map onto today's categories and a missing code stays unknown.
func TestImportEvalSet(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "reference", "moderation-eval", "samples-1680.jsonl.gz")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("reference set not available: %v", err)
	}
	defer f.Close()
	items, skipped, err := ParseImport(f, path, ImportOptions{})
	if err != nil || len(items) != 1680 || len(skipped) != 0 {
		t.Fatalf("imported %d, skipped %v, err %v", len(items), skipped, err)
	}
	first := items[0].Expected
	want := Labels{"sexual": false, "hate": false, "violence": false, "harassment": false, "self-harm": true,
		"sexual/minors": false, "hate/threatening": false, "violence/graphic": false}
	if !reflect.DeepEqual(first, want) {
		t.Fatalf("first labels = %v", first)
	}
	fourth := items[3].Expected // {"V": 0, "HR": 0, "SH": 1, "V2": 0}
	if _, known := fourth["sexual"]; known || len(fourth) != 4 || !fourth["self-harm"] {
		t.Fatalf("fourth labels = %v; want only V, HR, SH, V2 known", fourth)
	}
}

func TestImportImages(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "pic.png"), pngBytes(), 0o600)
	os.WriteFile(filepath.Join(dir, "notes.png"), []byte("just text, not an image"), 0o600)
	big := filepath.Join(dir, "big.jpg")
	f, _ := os.Create(big)
	f.Write([]byte("\xff\xd8\xff\xe0"))
	f.Truncate(MaxImageBytes + 1)
	f.Close()
	content := `{"prompt": "with picture", "image": "pic.png"}` + "\n" +
		`{"image": "big.jpg"}` + "\n" + `{"image": "notes.png"}` + "\n" + `{"image": "missing.png"}` + "\n" + `{"image": "pic.png"}`
	items, skipped, err := parse(t, filepath.Join(dir, "suite.jsonl"), content, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 || items[0].ImagePath != filepath.Join(dir, "pic.png") || items[1].Text != "" {
		t.Fatalf("items = %+v", items)
	}
	if got := lineNumbers(skipped); !reflect.DeepEqual(got, []int{2, 3, 4}) {
		t.Fatalf("skipped = %+v", skipped)
	}
	if !strings.Contains(skipped[0].Reason, "up to 20 MB") || !strings.Contains(skipped[0].ReasonZh, "20 MB") {
		t.Fatalf("big image reason = %+v", skipped[0])
	}
	if !strings.Contains(skipped[1].Reason, "not a PNG, JPEG, GIF or WebP") {
		t.Fatalf("text file reason = %+v", skipped[1])
	}
}
