package usage

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"steward/backend/apperr"
	"steward/tools/golden"
)

// goldenReport is the fixture's report over its three days.
func goldenReport(t *testing.T, by string) Report {
	t.Helper()
	svc, _ := fixture(t)
	if _, err := svc.SetKeyMapping(context.Background(), KeyMapping{APIKeyID: "key_li", Label: "li-prod", KeyFingerprint: fp("li")}); err != nil {
		t.Fatal(err)
	}
	rep, err := svc.Report(context.Background(), Query{Since: day(-2), Until: day(1), By: by})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestReportGolden(t *testing.T) {
	for _, tc := range []struct{ by, format, lang string }{
		{ByMember, FormatJSON, LangEn},
		{ByMember, FormatCSV, LangEn},
		{ByKey, FormatCSV, LangEn},
		{ByMember, FormatTable, LangEn},
		{ByMember, FormatTable, LangZh},
		{ByKey, FormatTable, LangEn},
		{ByDay, FormatHTML, LangEn},
		{ByDay, FormatHTML, LangZh},
		{ByModel, FormatHTML, LangEn},
	} {
		ext := map[string]string{FormatTable: "txt"}[tc.format]
		if ext == "" {
			ext = tc.format
		}
		name := "report.by_" + tc.by + "." + tc.lang + "." + ext
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteReport(&buf, goldenReport(t, tc.by), tc.format, tc.lang); err != nil {
				t.Fatal(err)
			}
			golden.Assert(t, name, buf.Bytes())
		})
	}
}

func TestReportJSONShape(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteReport(&buf, goldenReport(t, ByMember), FormatJSON, ""); err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if keys := sortedKeys(doc); strings.Join(keys, ",") != "rows,totals" {
		t.Fatalf("top-level keys = %v", keys)
	}
	var body struct {
		Rows   []map[string]any `json:"rows"`
		Totals map[string]any   `json:"totals"`
	}
	json.Unmarshal(buf.Bytes(), &body)
	for _, k := range []string{"requests", "input_tokens", "output_tokens", "errors", "cost_usd"} {
		if _, ok := body.Totals[k]; !ok {
			t.Errorf("totals lack %q", k)
		}
		if _, ok := body.Rows[0][k]; !ok {
			t.Errorf("rows lack %q", k)
		}
	}
	if body.Rows[0]["group"] != "mei" {
		t.Errorf("first row = %v", body.Rows[0])
	}
}

func sortedKeys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestReportHTMLIsSelfContainedAndEscaped(t *testing.T) {
	svc, _, _ := newTestService(t)
	insert(t, svc, ev(day(-1), `<script>alert("x")</script>`, "gpt-4o", 10, 0, 10))
	rep, err := svc.Report(context.Background(), Query{By: ByMember})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteReport(&buf, rep, FormatHTML, LangEn); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if strings.Contains(page, "<script>") || !strings.Contains(page, "&lt;script&gt;") || !strings.Contains(page, "<svg") ||
		strings.Contains(page, "src=") || strings.Contains(page, "href=") {
		t.Fatalf("page is not escaped or not self-contained:\n%s", page)
	}
}

func TestReportCSVDefusesFormulas(t *testing.T) {
	svc, _, _ := newTestService(t)
	insert(t, svc, ev(day(-1), "=HYPERLINK(\"http://x\")", "gpt-4o", 10, 0, 10))
	rep, _ := svc.Report(context.Background(), Query{By: ByMember})
	var buf bytes.Buffer
	if err := WriteReport(&buf, rep, FormatCSV, ""); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"'=HYPERLINK(""http://x"")"`) {
		t.Fatalf("csv = %s", buf.String())
	}
}

func TestWriteReportRejected(t *testing.T) {
	rep := Report{By: ByDay, Rows: []ReportRow{}}
	for _, tc := range []struct {
		name, format, lang string
		code               apperr.Code
	}{
		{"ErrUnknownFormat", "docx", LangEn, apperr.FormatUnknown},
		{"ErrUnknownLanguage", FormatHTML, "fr", apperr.LanguageUnknown},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := WriteReport(&bytes.Buffer{}, rep, tc.format, tc.lang); codeOf(err) != tc.code {
				t.Fatalf("err = %v", err)
			}
		})
	}
}

func TestParseRange(t *testing.T) {
	for _, tc := range []struct {
		name, since, until string
		from, to           time.Time
		code               apperr.Code
	}{
		{"DefaultsToTheLast30Days", "", "", day(-29), day(1), ""},
		{"DatesAreWholeDaysUntilInclusive", "2026-01-01", "2026-01-31",
			time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), ""},
		{"SinceAloneRunsToToday", "2026-03-01", "", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), day(1), ""},
		{"UntilAloneGoes30DaysBack", "", "2026-02-28", time.Date(2026, 1, 30, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), ""},
		{"TimesAreExact", "2026-03-10T08:00:00+08:00", "2026-03-10T12:00:00Z",
			time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC), ""},
		{"ErrNotADate", "yesterday", "", time.Time{}, time.Time{}, apperr.DateInvalid},
		{"ErrBackwards", "2026-03-05", "2026-03-01", time.Time{}, time.Time{}, CodeQueryInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			from, to, err := ParseRange(tc.since, tc.until, testNow)
			if codeOf(err) != tc.code {
				t.Fatalf("err = %v, want %s", err, tc.code)
			}
			if err == nil && (!from.Equal(tc.from) || !to.Equal(tc.to)) {
				t.Fatalf("range = %v – %v, want %v – %v", from, to, tc.from, tc.to)
			}
		})
	}
}

func TestRunReport(t *testing.T) {
	svc, _ := fixture(t)
	ctx := context.Background()
	t.Run("ToStdout", func(t *testing.T) {
		var out bytes.Buffer
		if err := svc.RunReport(ctx, ReportOptions{Since: "2026-03-09", By: ByModel, Format: FormatCSV}, &out); err != nil {
			t.Fatal(err)
		}
		if lines := strings.Count(out.String(), "\n"); lines != 6 || !strings.HasPrefix(out.String(), "model,requests,") {
			t.Fatalf("csv =\n%s", out.String())
		}
	})
	t.Run("ToFile", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "usage.html")
		if err := svc.RunReport(ctx, ReportOptions{Format: FormatHTML, Lang: LangZh, Out: path}, nil); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil || !strings.Contains(string(b), `<html lang="zh-CN">`) || !strings.Contains(string(b), "每日请求数") {
			t.Fatalf("file = %.200s, %v", b, err)
		}
	})
	for _, tc := range []struct {
		name string
		opts ReportOptions
		code apperr.Code
	}{
		{"ErrFormat", ReportOptions{Format: "xlsx"}, apperr.FormatUnknown},
		{"ErrLanguage", ReportOptions{Lang: "de"}, apperr.LanguageUnknown},
		{"ErrDate", ReportOptions{Until: "31/12/2026"}, apperr.DateInvalid},
		{"ErrGrouping", ReportOptions{By: "team"}, CodeQueryInvalid},
		{"ErrUnwritableFile", ReportOptions{Out: filepath.Join(t.TempDir(), "missing", "r.csv")}, apperr.ExportFailed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := svc.RunReport(ctx, tc.opts, &bytes.Buffer{}); codeOf(err) != tc.code {
				t.Fatalf("err = %v, want %s", err, tc.code)
			}
		})
	}
}
