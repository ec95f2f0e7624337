package privacy

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"steward/backend/apperr"
	"steward/backend/export"
)

func TestDraftGolden(t *testing.T) {
	for _, name := range answerSets {
		for _, lang := range []string{LangEn, LangZh} {
			file := "draft-" + name + "." + lang + ".md"
			t.Run(file, func(t *testing.T) {
				var buf bytes.Buffer
				if err := RenderDraft(&buf, loadSet(t, name), lang, "md"); err != nil {
					t.Fatal(err)
				}
				golden(t, file, buf.Bytes())
			})
		}
	}
	t.Run("draft-all.zh-CN.html", func(t *testing.T) {
		var buf bytes.Buffer
		if err := RenderDraft(&buf, loadSet(t, "all"), LangZh, "html"); err != nil {
			t.Fatal(err)
		}
		golden(t, "draft-all.zh-CN.html", buf.Bytes())
	})
}

// markerPattern finds missing-answer markers in draft text.
var markerPattern = regexp.MustCompile(`\[TODO: |\[待补充：`)

// TestTODOMarkersMatchMissingElements checks both ways that the draft's
// markers and the check agree: every marker stands for an element the check
// reports missing, and every missing element's question has a marker.
func TestTODOMarkersMatchMissingElements(t *testing.T) {
	for _, name := range append(slices.Clone(answerSets), "empty") {
		for _, lang := range []string{LangEn, LangZh} {
			t.Run(name+"."+lang, func(t *testing.T) {
				a := loadSet(t, name)
				b, err := newDraft(a, lang)
				if err != nil {
					t.Fatal(err)
				}
				res := Check(a)
				missing, checked := res.missing(), res.checked()
				markedQuestions := map[string]bool{}
				for _, m := range b.marks {
					if !missing[m.element] {
						t.Errorf("marker %q stands for %s, which the check does not report missing", m.text, m.element)
					}
					markedQuestions[checked[m.element].Question] = true
				}
				for id := range missing {
					if !markedQuestions[checked[id].Question] {
						t.Errorf("%s is missing but the draft has no marker for question %q", id, checked[id].Question)
					}
				}
				if got := countMarkers(b.doc); got != len(b.marks) {
					t.Errorf("document shows %d markers; the builder recorded %d", got, len(b.marks))
				}
				var md bytes.Buffer
				export.Markdown(&md, b.doc)
				want := strings.Count(md.String(), `\[TODO: `) + strings.Count(md.String(), `\[待补充：`)
				if want != len(b.marks) {
					t.Errorf("Markdown shows %d markers; want %d", want, len(b.marks))
				}
				if res.Missing == 0 && len(b.marks) > 0 {
					t.Errorf("complete answers yet %d markers", len(b.marks))
				}
			})
		}
	}
}

// countMarkers counts markers in every piece of text of the document.
func countMarkers(d export.Document) int {
	n := 0
	count := func(s string) { n += len(markerPattern.FindAllString(s, -1)) }
	count(d.Title)
	count(d.Subtitle)
	for _, f := range d.Meta {
		count(f.Value)
	}
	for _, bl := range d.Blocks {
		count(bl.Paragraph)
		count(bl.Note)
		if bl.Heading != nil {
			count(bl.Heading.Text)
		}
		for _, s := range bl.List {
			count(s)
		}
		for _, f := range bl.Fields {
			count(f.Label + " " + f.Value)
		}
		if bl.Table != nil {
			for _, row := range bl.Table.Rows {
				count(strings.Join(row, " "))
			}
		}
	}
	return n
}

func TestDraftSectionsFollowRegions(t *testing.T) {
	headings := map[string][]string{
		"gdpr": {"If you are in the EEA or the UK", "适用于欧洲经济区及英国用户的补充说明"},
		"ccpa": {"If you live in California", "适用于美国加利福尼亚州居民的补充说明"},
		"pipl": {"If you are in mainland China", "适用于中国大陆用户的个人信息处理规则"},
	}
	tests := []struct {
		set  string
		want []string
	}{
		{"eu", []string{"gdpr"}},
		{"california", []string{"ccpa"}},
		{"china", []string{"pipl"}},
		{"all", []string{"gdpr", "ccpa", "pipl"}},
	}
	for _, tt := range tests {
		for i, lang := range []string{LangEn, LangZh} {
			t.Run(tt.set+"."+lang, func(t *testing.T) {
				doc, err := Draft(loadSet(t, tt.set), lang)
				if err != nil {
					t.Fatal(err)
				}
				got := h1s(doc)
				for regime, titles := range headings {
					if slices.Contains(got, titles[i]) != slices.Contains(tt.want, regime) {
						t.Errorf("section %q present = %v; want %v", titles[i], !slices.Contains(tt.want, regime), slices.Contains(tt.want, regime))
					}
				}
			})
		}
	}
}

func TestDraftChineseUsesPIPLTerms(t *testing.T) {
	var md bytes.Buffer
	if err := RenderDraft(&md, loadSet(t, "all"), LangZh, "md"); err != nil {
		t.Fatal(err)
	}
	for _, term := range []string{"个人信息处理者", "处理目的和处理方式", "个人信息的种类", "保存期限", "行使权利的方式和程序",
		"向境外提供个人信息", "境外接收方：Lumen Notes Ltd.", "向境外接收方行使权利的方式和程序", "单独同意", "境内指定代表", "不构成法律意见",
		"委托处理", "受托人"} {
		if !strings.Contains(md.String(), term) {
			t.Errorf("Chinese draft lacks %q", term)
		}
	}
	// Processors are entrusted (委托处理, PIPL Art. 21), not provided with data
	// (提供, Art. 23); one term each for legal basis and cross-context.
	for _, term := range []string{"我们向谁提供", "法律基础", "跨场景", "一旦发现，即阻止发送"} {
		if strings.Contains(md.String(), term) {
			t.Errorf("Chinese draft uses %q", term)
		}
	}
}

func TestDraftSaysItIsNotLegalAdvice(t *testing.T) {
	for lang, want := range map[string]string{LangEn: "It is not legal advice", LangZh: "不构成法律意见"} {
		doc, err := Draft(Answers{}, lang)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(doc.Blocks[0].Note, want) {
			t.Errorf("%s: first block %+v lacks %q", lang, doc.Blocks[0], want)
		}
	}
}

func TestDraftErrors(t *testing.T) {
	var buf bytes.Buffer
	tests := []struct {
		name string
		err  error
		code apperr.Code
	}{
		{"ErrLanguageUnknown", RenderDraft(&buf, Answers{}, "fr", "md"), apperr.LanguageUnknown},
		{"ErrFormatUnknown", RenderDraft(&buf, Answers{}, LangEn, "docx"), apperr.FormatUnknown},
		{"ErrInvalidAnswers", RenderDraft(&buf, Answers{Users: Users{Regions: []Region{"mars"}}}, LangEn, "md"), apperr.Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !apperr.Is(tt.err, tt.code) {
				t.Fatalf("err = %v; want %s", tt.err, tt.code)
			}
		})
	}
	if _, err := Draft(Answers{}, "zh"); err != nil {
		t.Errorf(`"zh" should mean zh-CN: %v`, err)
	}
}

func TestDraftPDFChinese(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (Debian: apt install poppler-utils)")
	}
	var pdf bytes.Buffer
	err := RenderDraft(&pdf, loadSet(t, "all"), LangZh, "pdf")
	if errors.Is(err, export.ErrNoFont) {
		t.Skipf("no font for Chinese PDF: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "draft.pdf")
	if err := os.WriteFile(path, pdf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	text := strings.Join(strings.Fields(string(out)), "")
	for _, h := range []string{"隐私政策", "个人信息处理者", "处理目的和处理方式", "保存期限", "行使权利的方式和程序", "向境外提供个人信息", "不构成法律意见"} {
		if !strings.Contains(text, h) {
			t.Errorf("PDF text lacks %q", h)
		}
	}
}

func h1s(d export.Document) []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Heading != nil && b.Heading.Level == 1 {
			out = append(out, b.Heading.Text)
		}
	}
	return out
}
