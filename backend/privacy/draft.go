package privacy

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"steward/backend/apperr"
	"steward/backend/export"
)

// DraftFormats lists the formats RenderDraft writes.
var DraftFormats = []string{"md", "html", "pdf"}

// Draft lays out a privacy notice from the answers in lang ("en" or
// "zh-CN"). Sections appear only for the regions the users are in; every
// missing answer shows as a [TODO: …] (zh: [待补充：…]) marker. The answers
// must be valid (see Validate); they need not be complete.
func Draft(a Answers, lang string) (export.Document, error) {
	b, err := newDraft(a, lang)
	if err != nil {
		return export.Document{}, err
	}
	return b.doc, nil
}

// RenderDraft writes the draft in format: "md", "html" or "pdf".
func RenderDraft(w io.Writer, a Answers, lang, format string) error {
	if !slices.Contains(DraftFormats, format) {
		return apperr.New(apperr.FormatUnknown, "privacy.render", "format", format, "valid", strings.Join(DraftFormats, ", "))
	}
	doc, err := Draft(a, lang)
	if err != nil {
		return err
	}
	switch format {
	case "md":
		err = export.Markdown(w, doc)
	case "html":
		err = export.HTML(w, doc)
	default:
		err = export.PDF(w, doc, export.PDFOptions{})
	}
	if err != nil {
		return fmt.Errorf("render privacy draft as %s: %w", format, err)
	}
	return nil
}

// checkLang accepts "en" and "zh-CN" (and "zh" for the latter).
func checkLang(lang, op string) (string, error) {
	switch lang {
	case LangEn, LangZh:
		return lang, nil
	case "zh":
		return LangZh, nil
	}
	return "", apperr.New(apperr.LanguageUnknown, op, "lang", lang)
}

// mark is one [TODO] marker the draft wrote, and the element it stands for.
type mark struct {
	element string
	text    string
}

// builder accumulates the draft's blocks in one language.
type builder struct {
	a       Answers
	lang    string
	checked map[string]ElementCheck
	doc     export.Document
	marks   []mark
}

// newDraft builds the whole draft.
func newDraft(a Answers, lang string) (*builder, error) {
	lang, err := checkLang(lang, "privacy.draft")
	if err != nil {
		return nil, err
	}
	if errs := Validate(a); len(errs) > 0 {
		return nil, answersError("", "privacy.draft", errs)
	}
	b := &builder{a: a, lang: lang, checked: Check(a).checked()}
	b.doc = export.Document{Lang: lang, Title: b.title(), Subtitle: b.s("Draft for review", "草稿，待审阅"), Meta: b.meta()}
	b.note(b.s("This draft was generated from your questionnaire answers. It is not legal advice: review it with a qualified lawyer before you publish it. Places marked TODO still need an answer.",
		"本文件根据您填写的问卷自动生成，仅为草稿，不构成法律意见。正式发布前，请交由专业律师审阅。标注“待补充”之处尚缺答案，须补充完整。"))
	b.general()
	if a.gdpr() {
		b.gdprSection()
	}
	if a.selected(RegionCalifornia) {
		b.ccpaSection()
	}
	if a.selected(RegionChina) {
		b.piplSection()
	}
	b.changes()
	if lang == LangZh {
		spaceDocument(&b.doc)
		for i := range b.marks {
			b.marks[i].text = spaceMixed(b.marks[i].text)
		}
	}
	return b, nil
}

func (b *builder) title() string {
	t := b.s("Privacy Notice", "隐私政策")
	if name := b.a.Organisation.Name; has(name) {
		t += " — " + name
	}
	return t
}

func (b *builder) meta() []export.Field {
	c := b.a.Changes
	out := []export.Field{{Label: b.s("Effective date", "生效日期"), Value: b.or(elChanges, b.date(c.EffectiveDate), "the date this notice takes effect", "本政策的生效日期")}}
	if has(c.LastUpdated) {
		out = append(out, export.Field{Label: b.s("Last updated", "最近更新日期"), Value: b.date(c.LastUpdated)})
	}
	return out
}

// s picks the English or the Chinese wording.
func (b *builder) s(en, zh string) string {
	if b.lang == LangZh {
		return zh
	}
	return en
}

// tx renders an answer in the draft's language.
func (b *builder) tx(t Text) string { return t.In(b.lang) }

// todo records and returns a visible marker for a missing answer that
// element el needs.
func (b *builder) todo(el, en, zh string) string {
	text := "[TODO: " + en + "]"
	if b.lang == LangZh {
		text = "[待补充：" + zh + "]"
	}
	b.marks = append(b.marks, mark{element: el, text: text})
	return text
}

// or returns v, or a marker when it is empty.
func (b *builder) or(el, v, en, zh string) string {
	if has(v) {
		return v
	}
	return b.todo(el, en, zh)
}

// orText returns t in the draft's language, or a marker when it is empty.
func (b *builder) orText(el string, t Text, en, zh string) string {
	if !t.Empty() {
		return b.tx(t)
	}
	return b.todo(el, en, zh)
}

// date writes a YYYY-MM-DD answer as the language writes dates.
func (b *builder) date(s string) string {
	d, err := time.Parse(time.DateOnly, s)
	switch {
	case err != nil:
		return s
	case b.lang == LangZh:
		return fmt.Sprintf("%d年%d月%d日", d.Year(), d.Month(), d.Day())
	}
	return d.Format("2 January 2006")
}

// days writes a number of days, or a marker when it is not given.
func (b *builder) days(el string, n int, en, zh string) string {
	if n > 0 {
		return strconv.Itoa(n)
	}
	return b.todo(el, en, zh)
}

// dash stands in for an optional answer left empty.
func dash(s string) string {
	if has(s) {
		return s
	}
	return "—"
}

func (b *builder) add(bl export.Block) { b.doc.Blocks = append(b.doc.Blocks, bl) }

func (b *builder) h1(en, zh string) {
	b.add(export.Block{Heading: &export.Heading{Level: 1, Text: b.s(en, zh)}})
}

func (b *builder) h2(en, zh string) {
	b.add(export.Block{Heading: &export.Heading{Level: 2, Text: b.s(en, zh)}})
}

func (b *builder) p(parts ...string) {
	sep := " "
	if b.lang == LangZh {
		sep = ""
	}
	if text := strings.TrimSpace(strings.Join(parts, sep)); text != "" {
		b.add(export.Block{Paragraph: text})
	}
}

func (b *builder) list(items []string) {
	if len(items) > 0 {
		b.add(export.Block{List: items})
	}
}

func (b *builder) fields(fs []export.Field) {
	if len(fs) > 0 {
		b.add(export.Block{Fields: fs})
	}
}

func (b *builder) table(header []string, rows [][]string) {
	b.add(export.Block{Table: &export.Table{Header: header, Rows: rows}})
}

func (b *builder) note(text string) { b.add(export.Block{Note: text}) }

// orgName names the organisation in running text: its name, or "we".
func (b *builder) orgName() string {
	if has(b.a.Organisation.Name) {
		return b.a.Organisation.Name
	}
	return b.s("we", "我们")
}

// categoryNames names the categories with the given IDs.
func (b *builder) categoryNames(ids []string) string {
	var names []string
	for _, id := range ids {
		if c, ok := b.a.category(id); ok && !c.Name.Empty() {
			names = append(names, b.tx(c.Name))
		}
	}
	return strings.Join(names, b.s("; ", "、"))
}

// providers names the recipients that receive prompts.
func (b *builder) providers() string {
	var names []string
	for _, r := range promptRecipients(b.a) {
		names = append(names, r.Name)
	}
	if len(names) == 0 {
		return b.s("our AI provider", "AI 服务提供方")
	}
	return joinList(names, b.lang)
}

// yesNo renders a flag in a table.
func (b *builder) yesNo(v bool) string {
	if v {
		return b.s("Yes", "是")
	}
	return b.s("No", "否")
}
