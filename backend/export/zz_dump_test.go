package export

import (
	"os"
	"testing"
)

func TestZZDump(t *testing.T) {
	docs := map[string]Document{"en": englishSample(), "zh": chineseSample(), "bigzh": bigDocument("zh-CN", 60), "bigen": bigDocument("en", 60)}
	for n, d := range docs {
		f, _ := os.Create("/tmp/pdfout/" + n + ".pdf")
		if err := PDF(f, d, PDFOptions{}); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
}

func TestZZDumpTable(t *testing.T) {
	d := Document{Lang: "zh-CN", Title: "表格"}
	tbl := &Table{Header: []string{"编号", "说明"}}
	for i := range 60 {
		tbl.Rows = append(tbl.Rows, []string{"行" + string(rune('0'+i/10)) + string(rune('0'+i%10)), "很长的说明文字很长的说明文字"})
	}
	d.Blocks = []Block{{Table: tbl}}
	f, _ := os.Create("/tmp/pdfout/table.pdf")
	if err := PDF(f, d, PDFOptions{}); err != nil {
		t.Fatal(err)
	}
	f.Close()
}
