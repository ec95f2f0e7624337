package export

import (
	"bytes"
	"strings"
	"testing"
)

func chartDoc(lang string, columns bool) Document {
	c := &Chart{Title: "Requests <per> day", Columns: columns}
	for i, label := range []string{"2026-03-01", "<b>bold</b>", "暴力内容", "2026-03-04"} {
		c.Bars = append(c.Bars, Bar{Label: label, Value: float64(i * 10), Text: strings.Repeat("1", i+1)})
	}
	return Document{Lang: lang, Title: "Chart", Blocks: []Block{{Chart: c}, {Chart: &Chart{Title: "empty"}}}}
}

func TestChartHTML(t *testing.T) {
	for _, columns := range []bool{false, true} {
		var buf bytes.Buffer
		if err := HTML(&buf, chartDoc("en", columns)); err != nil {
			t.Fatal(err)
		}
		page := buf.String()
		if strings.Contains(page, "<b>bold</b>") || strings.Contains(page, "<per>") || !strings.Contains(page, "&lt;b&gt;bold&lt;/b&gt;") {
			t.Fatalf("columns=%v: chart text is not escaped:\n%s", columns, page)
		}
		// One rect per value; the empty chart draws nothing at all.
		if got := strings.Count(page, "<rect "); got != 4 || strings.Count(page, "<svg ") != 1 {
			t.Fatalf("columns=%v: %d rects, %d charts", columns, got, strings.Count(page, "<svg "))
		}
	}
}

func TestChartMarkdownIsATable(t *testing.T) {
	var buf bytes.Buffer
	if err := Markdown(&buf, chartDoc("en", false)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "| 暴力内容 | 111 |") {
		t.Fatalf("markdown:\n%s", buf.String())
	}
}

func TestChartPDF(t *testing.T) {
	for _, columns := range []bool{false, true} {
		d := chartDoc("zh-CN", columns)
		requirePDFTools(t, d)
		text, _ := pdfText(t, d)
		want := []string{"<b>bold</b>", "暴力内容", "1111"}
		if columns { // a column chart labels the first, middle and last columns and the largest value
			want = []string{"2026-03-01", "暴力内容", "2026-03-04", "1111"}
		}
		for _, w := range want {
			if !strings.Contains(squash(text), squash(w)) {
				t.Errorf("columns=%v: PDF text lacks %q:\n%s", columns, w, text)
			}
		}
	}
}
