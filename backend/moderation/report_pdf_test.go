package moderation

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"steward/backend/export"
)

// TestReportPDF exports the sample run as a PDF in each language and reads
// it back with pdftotext: the title, the run's details, the chart's
// categories and the items (Chinese input included) must all be there.
func TestReportPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (Debian: apt install poppler-utils)")
	}
	for _, tt := range []struct {
		lang string
		want []string
	}{
		{"en", []string{"Moderation report", "Support bot <beta>", "omni-moderation-latest", "cancelled", "Items flagged per category",
			"harassment/threatening", "I will kill them <b>now</b>", "Not sent: the run was cancelled.", "这部电影里的打斗场面太血腥了吗？", "Page 1 of"}},
		{"zh-CN", []string{"内容审核报告", "Support bot <beta>", "已取消", "各类别被标记的条目数", "暴力", "逐条结果",
			"未发送：运行已取消。", "API 拒绝了该请求（400）：bad input", "第 1 页"}},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			var buf bytes.Buffer
			err := WriteReport(&buf, sampleReport(), ReportPDF, tt.lang)
			if errors.Is(err, export.ErrNoFont) {
				t.Skipf("no font for PDF export: %v", err)
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
				t.Fatalf("not a PDF: %q", buf.Bytes()[:min(buf.Len(), 20)])
			}
			text := squash(pdfToText(t, buf.Bytes()))
			for _, w := range tt.want {
				if !strings.Contains(text, squash(w)) {
					t.Errorf("PDF text lacks %q:\n%s", w, text)
				}
			}
		})
	}
}

func pdfToText(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

// squash drops white space, so text wrapped over lines still matches.
func squash(s string) string { return strings.Join(strings.Fields(s), "") }
