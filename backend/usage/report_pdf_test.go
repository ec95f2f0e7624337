package usage

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"steward/backend/export"
)

// TestReportPDF writes the fixture's reports as PDF files in each language,
// by day (a column chart) and by member (bars), and reads them back with
// pdftotext.
func TestReportPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (Debian: apt install poppler-utils)")
	}
	svc, _ := fixture(t)
	for _, tc := range []struct {
		by, lang string
		want     []string
	}{
		{ByDay, LangEn, []string{"API usage report", "Requests per day", "Grouped by", "Day", "Total", "Cost (USD)", "Page 1 of 1"}},
		{ByMember, LangEn, []string{"API usage report", "Requests per group (top", "Member", "mei", "li", "Total", "Days are UTC"}},
		{ByDay, LangZh, []string{"API 用量报告", "每日请求数", "分组", "日期", "合计", "费用（美元）", "第 1 页，共 1 页"}},
		{ByMember, LangZh, []string{"API 用量报告", "各组请求数", "成员", "mei", "合计", "日期按 UTC 计算"}},
	} {
		t.Run(tc.by+"_"+tc.lang, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "usage.pdf")
			err := svc.RunReport(context.Background(), ReportOptions{Since: day(-2).Format("2006-01-02"), By: tc.by,
				Format: FormatPDF, Lang: tc.lang, Out: path}, nil)
			if errors.Is(err, export.ErrNoFont) {
				t.Skipf("no font for PDF export: %v", err)
			}
			if err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").CombinedOutput()
			if err != nil {
				t.Fatalf("pdftotext: %v\n%s", err, out)
			}
			text := strings.Join(strings.Fields(string(out)), "")
			for _, w := range tc.want {
				if !strings.Contains(text, strings.Join(strings.Fields(w), "")) {
					t.Errorf("PDF text lacks %q:\n%s", w, out)
				}
			}
			if b, _ := os.ReadFile(path); !strings.HasPrefix(string(b), "%PDF-") {
				t.Fatalf("not a PDF")
			}
		})
	}
}
