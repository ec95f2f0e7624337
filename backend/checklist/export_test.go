package checklist

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"steward/backend/apperr"
	"steward/tools/golden"
)

// exportFixture is a workspace with every kind of answer.
func exportFixture(t *testing.T) *Service {
	t.Helper()
	s, _ := newTestService(t)
	s.CreateWorkspace("Support bot")
	s.ApplyProfile("Support bot", Profile{Chatbot: true, EU: true}, LangEn)
	s.UpdateItem("Support bot", "UP-01", Change{Status: ptr(StatusDone), Owner: ptr("Mei Chen"), Notes: ptr("Reviewed with counsel | ok\nSecond line")})
	s.UpdateItem("Support bot", "KH-01", Change{Status: ptr(StatusAtRisk), Owner: ptr("李雷"), Due: ptr("2026-02-01")})
	s.AddEvidence("Support bot", "KH-01", EvidenceInput{Kind: EvidenceURL, Ref: "https://example.com/keys", Label: "Key register"})
	s.AddEvidence("Support bot", "KH-01", EvidenceInput{Kind: EvidenceFile, Ref: "/home/mei/audit.pdf"})
	s.UpdateItem("Support bot", "OP-01", Change{Status: ptr(StatusInProgress), Notes: ptr("<script>alert(1)</script>")})
	return s
}

func TestExportGolden(t *testing.T) {
	s := exportFixture(t)
	for _, format := range []string{"md", "csv", "json", "html"} {
		for _, lang := range []string{LangEn, LangZh} {
			name := "checklist." + lang + "." + format
			t.Run(name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := Export(s, &buf, "Support bot", format, lang, ExportOptions{}); err != nil {
					t.Fatal(err)
				}
				golden.Assert(t, name, buf.Bytes())
			})
		}
	}
}

func TestExportHTMLEscapes(t *testing.T) {
	var buf bytes.Buffer
	if err := Export(exportFixture(t), &buf, "Support bot", "html", LangEn, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "<script>alert(1)") {
		t.Fatal("notes were not escaped")
	}
}

func TestExportPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	s := exportFixture(t)
	for lang, want := range map[string][]string{
		LangEn: {"Policy checklist", "Support bot", "At risk", "Mei Chen", "李雷"},
		LangZh: {"合规检查清单", "有风险", "已完成", "李雷", "证据"},
	} {
		t.Run(lang, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out.pdf")
			f, _ := os.Create(path)
			err := Export(s, f, "Support bot", "pdf", lang, ExportOptions{})
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			text, err := exec.Command("pdftotext", path, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range want {
				if !strings.Contains(string(text), w) {
					t.Errorf("PDF text lacks %q", w)
				}
			}
		})
	}
}

func TestExportErrors(t *testing.T) {
	s := exportFixture(t)
	var buf bytes.Buffer
	if err := Export(s, &buf, "Support bot", "docx", LangEn, ExportOptions{}); !apperr.Is(err, apperr.FormatUnknown) {
		t.Fatalf("err = %v", err)
	}
	if err := Export(s, &buf, "Support bot", "md", "fr", ExportOptions{}); !apperr.Is(err, apperr.LanguageUnknown) {
		t.Fatalf("err = %v", err)
	}
	if err := Export(s, &buf, "nope", "md", LangEn, ExportOptions{}); !apperr.Is(err, apperr.WorkspaceUnknown) {
		t.Fatalf("err = %v", err)
	}
}

func TestImportRoundTrip(t *testing.T) {
	s := exportFixture(t)
	var first bytes.Buffer
	Export(s, &first, "Support bot", "json", LangEn, ExportOptions{})
	res, err := Import(s, bytes.NewReader(first.Bytes()), "first.json", "Restored")
	if err != nil {
		t.Fatal(err)
	}
	if res.Items != 6 || res.EvidenceAdded != 2 {
		t.Fatalf("result = %+v", res)
	}
	var second bytes.Buffer
	Export(s, &second, "Restored", "json", LangEn, ExportOptions{})
	norm := func(b []byte) string {
		return strings.Replace(string(b), `"workspace": "Restored"`, `"workspace": "Support bot"`, 1)
	}
	if norm(second.Bytes()) != first.String() {
		t.Fatalf("round trip differs:\n%s\nvs\n%s", second.String(), first.String())
	}
	again, _ := Import(s, bytes.NewReader(first.Bytes()), "first.json", "Restored")
	if again.Changed != 0 || again.EvidenceAdded != 0 {
		t.Fatalf("a second import changed things: %+v", again)
	}
}

func TestImportRejects(t *testing.T) {
	s := exportFixture(t)
	before, _ := s.Items("Support bot")
	tests := []struct {
		name, body, want string
	}{
		{"ErrNotJSON", "hello", "line 1"},
		{"ErrSyntax", "{\n \"items\": [\n  {\"id\": \"UP-01\"}\n  {\"id\": \"KH-01\"}\n ]\n}", "line 4"},
		{"ErrWrongType", "{\n \"items\": [\n  {\"id\": 7}\n ]\n}", "line 3"},
		{"ErrUnknownItem", "{\n \"items\": [\n  {\"id\": \"UP-01\", \"status\": \"done\"},\n  {\"id\": \"NOPE\", \"status\": \"done\"}\n ]\n}", "line 4"},
		{"ErrBadStatus", "{\"items\": [\n{\"id\": \"UP-01\", \"status\": \"yes\"}]}", "line 2"},
		{"ErrNoReason", "{\"items\": [\n\n{\"id\": \"UP-01\", \"status\": \"not_applicable\"}]}", "line 3"},
		{"ErrNoItems", "{\"workspace\": \"x\"}", "no \"items\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Import(s, strings.NewReader(tt.body), "in.json", "Support bot")
			if !apperr.Is(err, apperr.ImportMalformed) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "in.json") {
				t.Fatalf("err = %v; want %q", err, tt.want)
			}
		})
	}
	after, _ := s.Items("Support bot")
	for i := range before {
		if before[i].Status != after[i].Status {
			t.Fatal("a rejected import changed an answer")
		}
	}
}
