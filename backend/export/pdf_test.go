package export

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// requirePDFTools skips the test when pdftotext or a system font is missing.
func requirePDFTools(t *testing.T, d Document) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (Debian: apt install poppler-utils)")
	}
	if _, err := systemFontSearch().choose(PDFOptions{}, documentRunes(d), isChineseLang(d.Lang) || documentHasCJK(d)); err != nil {
		t.Skipf("no font for PDF export: %v", err)
	}
}

// pdfText renders d to a file and returns the text pdftotext extracts.
func pdfText(t *testing.T, d Document) (string, []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.pdf")
	var buf bytes.Buffer
	if err := PDF(&buf, d, PDFOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out), buf.Bytes()
}

// squash removes all white space, so that text wrapped over lines (Chinese
// has no spaces to keep) still matches.
func squash(s string) string {
	return strings.Join(strings.Fields(s), "")
}

func TestPDFText(t *testing.T) {
	long := longChineseParagraph(2000)
	big := bigDocument("zh-CN", 60)
	tests := []struct {
		name  string
		doc   Document
		want  []string
		pages string // a footer that must appear
	}{
		{"english", englishSample(),
			[]string{"Launch checklist <script>alert(1)</script>", "Summary", "In progress", "Write the privacy policy",
				"Pipe | inside * cell", "This is not legal advice.", "Appendix", "Ana | Ops"},
			"Page 1 of 2"},
		{"chinese", chineseSample(),
			[]string{"隐私政策草案", "本文档说明我们如何收集、使用和保护您的个人信息。", "Steward使用AES-256加密。", "进行中",
				"本草案不构成法律意见，请咨询专业律师。", "张三|法务", "账户存续期间"},
			"第1页，共1页"},
		{"long chinese", big,
			[]string{long[:600], long[len(long)-600:], "第60项：检查数据流并相应更新登记册。Item60", "Section60",
				"报告结束。"},
			"第1页，共"},
		{"english 60 items", bigDocument("en", 60),
			[]string{"Item 60: review the data flows", "Section 60", "End of report."},
			"Page 1 of"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			requirePDFTools(t, tt.doc)
			text, raw := pdfText(t, tt.doc)
			if !bytes.HasPrefix(raw, []byte("%PDF-")) {
				t.Fatalf("output does not start with %%PDF-: %q", raw[:min(len(raw), 10)])
			}
			flat := squash(text)
			for _, s := range append(tt.want, tt.pages) {
				if !strings.Contains(flat, squash(s)) {
					t.Errorf("extracted text lacks %q", s)
				}
			}
			if strings.ContainsRune(text, '\uFFFD') {
				t.Errorf("extracted text has replacement characters")
			}
		})
	}
}

// TestPDFTableRows checks that all 60 table rows survive page breaks, with
// the header repeated on the following pages.
func TestPDFTableRows(t *testing.T) {
	d := Document{Lang: "zh-CN", Title: "表格"}
	tbl := &Table{Header: []string{"编号", "说明"}}
	for i := range 60 {
		tbl.Rows = append(tbl.Rows, []string{"行" + strconv.Itoa(i+1), strings.Repeat("很长的说明文字", 1+i%5)})
	}
	d.Blocks = []Block{{Table: tbl}}
	requirePDFTools(t, d)
	text, _ := pdfText(t, d)
	for i := range 60 {
		if !strings.Contains(text, "行"+strconv.Itoa(i+1)+"\n") && !strings.Contains(squash(text), "行"+strconv.Itoa(i+1)+"很长") {
			t.Errorf("row %d missing", i+1)
		}
	}
	pages := strings.Count(text, "\f")
	if heads := strings.Count(text, "编号"); pages > 1 && heads < 2 {
		t.Errorf("header printed %d times on %d pages; want it repeated", heads, pages)
	}
}

func TestPDFFontErrors(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.ttf")
	if err := os.WriteFile(garbage, []byte("this is not a font file at all, just text"), 0o644); err != nil {
		t.Fatal(err)
	}
	cff := filepath.Join(dir, "cff.otf")
	if err := os.WriteFile(cff, append([]byte("OTTO\x00\x01\x00\x00\x00\x00\x00\x00"), make([]byte, 64)...), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		path  string
		cause error
	}{
		{"missing", filepath.Join(dir, "nope.ttf"), os.ErrNotExist},
		{"garbage", garbage, ErrUnsupportedFont},
		{"cff", cff, ErrUnsupportedFont},
	}
	if _, err := os.Stat("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"); err == nil {
		tests = append(tests, struct {
			name  string
			path  string
			cause error
		}{"cff collection", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", ErrUnsupportedFont})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := PDF(&buf, chineseSample(), PDFOptions{FontPath: tt.path})
			if err == nil {
				t.Fatal("PDF succeeded with an unusable font")
			}
			if !errors.Is(err, ErrNoFont) || !errors.Is(err, tt.cause) {
				t.Errorf("error %v does not match ErrNoFont and %v", err, tt.cause)
			}
			msg := err.Error()
			for _, s := range []string{tt.path, "fonts-droid-fallback", FontEnv} {
				if !strings.Contains(msg, s) {
					t.Errorf("error %q does not mention %q", msg, s)
				}
			}
			if buf.Len() != 0 {
				t.Errorf("PDF wrote %d bytes despite the error", buf.Len())
			}
		})
	}
}

// TestPDFEdgeCases renders odd and hostile documents without failing.
func TestPDFEdgeCases(t *testing.T) {
	huge := strings.Repeat("超长单元格内容", 800)
	tests := []struct {
		name string
		doc  Document
		want []string
	}{
		{"empty", Document{}, []string{"Page 1 of 1"}},
		{"empty zh", Document{Lang: "zh-CN"}, []string{"第1页，共1页"}},
		{"blocks without content", Document{Title: "T", Blocks: []Block{{}, {Table: &Table{}}, {List: []string{""}},
			{Heading: &Heading{}}, {PageBreak: true}, {PageBreak: true}}}, []string{"T"}},
		{"odd characters", Document{Title: "Odd\tchars\x00\x07 zero\u200bwidth \xff\xfe bad utf8 emoji 😀✔️ end",
			Blocks: []Block{{Paragraph: "CRLF\r\nline\rbreaks"}}}, []string{"Odd", "zerowidth", "bad utf8", "end", "CRLF", "breaks"}},
		{"heading levels", Document{Blocks: []Block{{Heading: &Heading{Level: 0, Text: "Zero", Tag: "X"}},
			{Heading: &Heading{Level: 9, Text: "Nine", Tag: strings.Repeat("very long tag ", 20)}}}}, []string{"Zero", "Nine"}},
		{"huge cell and long word", Document{Lang: "zh-CN", Blocks: []Block{
			{Table: &Table{Header: []string{"A"}, Rows: [][]string{{huge}, {"after"}}}},
			{Paragraph: strings.Repeat("x", 3000)},
			{Note: huge},
			{Fields: []Field{{Label: strings.Repeat("label ", 40), Value: huge}}},
		}}, []string{"after", huge[:300]}},
		{"wide table", Document{Blocks: []Block{{Table: &Table{
			Header: strings.Fields(strings.Repeat("column ", 30)),
			Rows:   [][]string{strings.Fields(strings.Repeat("https://example.com/a/very/long/url ", 30))}}}}},
			[]string{"column"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			requirePDFTools(t, tt.doc)
			text, _ := pdfText(t, tt.doc)
			flat := squash(text)
			for _, s := range tt.want {
				if !strings.Contains(flat, squash(s)) {
					t.Errorf("extracted text lacks %q", s)
				}
			}
		})
	}
}

// TestPDFConcurrent renders documents in parallel (run with -race).
func TestPDFConcurrent(t *testing.T) {
	requirePDFTools(t, chineseSample())
	docs := []Document{englishSample(), chineseSample(), englishSample(), chineseSample()}
	errs := make(chan error, len(docs))
	for _, d := range docs {
		go func() { errs <- PDF(io.Discard, d, PDFOptions{}) }()
	}
	for range docs {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// BenchmarkPDF renders a 60-item report (headings, paragraphs, fields and a
// 60-row table; the Chinese one adds a 2,000-character paragraph).
func BenchmarkPDF(b *testing.B) {
	for _, lang := range []string{"en", "zh-CN"} {
		b.Run(lang, func(b *testing.B) {
			d := bigDocument(lang, 60)
			if _, err := systemFontSearch().choose(PDFOptions{}, documentRunes(d), documentHasCJK(d)); err != nil {
				b.Skipf("no font for PDF export: %v", err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := PDF(io.Discard, d, PDFOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
