package export

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
)

// PDFOptions tunes PDF export.
type PDFOptions struct {
	// FontPath is a TrueType font (.ttf, or a .ttc collection whose first
	// font is used) with glyphs for the document's text. When empty, the
	// font named by $STEWARD_PDF_FONT is used, else a well-known system font:
	// a Latin font for Latin-only English text, a CJK font otherwise. Fonts
	// are read at run time and subset into the PDF, never built into the
	// binary.
	FontPath string
}

// Page geometry in millimetres (A4 portrait).
const (
	pageW, pageH   = 210.0, 297.0
	marginX        = 20.0
	marginTop      = 20.0
	marginBottom   = 22.0
	footerRuleY    = pageH - 14.0
	footerBaseline = pageH - 9.5
	ptToMM         = 25.4 / 72
)

// rgb is a colour as 0xRRGGBB.
type rgb uint32

func (c rgb) parts() (r, g, b int) { return int(c >> 16 & 0xFF), int(c >> 8 & 0xFF), int(c & 0xFF) }

// Colours of the PDF theme.
const (
	colInk     rgb = 0x212529
	colMuted   rgb = 0x626A75
	colAccent  rgb = 0x254F8C
	colRule    rgb = 0xD0D6DE
	colHeadBg  rgb = 0xECF1F7
	colZebra   rgb = 0xF8FAFC
	colBorder  rgb = 0xC4CCD6
	colNoteBg  rgb = 0xFFF7E4
	colNoteBar rgb = 0xDEA014
	colNoteInk rgb = 0x543E12
	colWhite   rgb = 0xFFFFFF
)

// textStyle is how a run of text is drawn.
type textStyle struct {
	size  float64 // points
	bold  bool
	color rgb
}

// lineHeight is the line pitch in mm for a size in points and a leading
// factor.
func lineHeight(size, leading float64) float64 { return size * ptToMM * leading }

// pdfRenderer lays a Document out on an fpdf document.
type pdfRenderer struct {
	pdf     *fpdf.Fpdf
	doc     Document
	fonts   *fontSet
	widths  map[rune]float64 // advance in thousandths of an em
	repl    string           // drawn instead of a rune no font has
	y       float64          // the current position from the page top, mm
	curFont int              // the font last selected, -1 for unknown
	curSize float64          // the size last selected, points
}

// PDF writes d as an A4 PDF to w. Fonts are found as PDFOptions describes;
// when none is usable the error matches ErrNoFont and says what to install.
func PDF(w io.Writer, d Document, opts PDFOptions) (err error) {
	if d, err = d.materialized(); err != nil {
		return err
	}
	runes := documentRunes(d)
	needCJK := isChineseLang(d.Lang) || documentHasCJK(d)
	fonts, err := systemFontSearch().choose(opts, runes, needCJK)
	if err != nil {
		return err
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("export: PDF rendering failed: %v", p)
		}
	}()
	r := newPDFRenderer(d, fonts)
	if err := r.pdf.Error(); err != nil {
		return fmt.Errorf("export: loading PDF fonts: %w", err)
	}
	r.render()
	if err := r.pdf.Output(w); err != nil {
		return fmt.Errorf("export: writing PDF: %w", err)
	}
	return nil
}

// documentRunes is the set of characters the PDF will draw.
func documentRunes(d Document) map[rune]struct{} {
	set := make(map[rune]struct{}, 256)
	add := func(s string) {
		for _, r := range s {
			set[r] = struct{}{}
		}
	}
	documentText(d, add)
	add(footerLabel(d.Lang, 1234567890, 0) + ".?")
	return set
}

// footerLabel is the page number text.
func footerLabel(lang string, page, total int) string {
	if isChineseLang(lang) {
		return fmt.Sprintf("第 %d 页，共 %d 页", page, total)
	}
	return fmt.Sprintf("Page %d of %d", page, total)
}

// fontName is the fpdf family of font i.
func fontName(i int) string { return fmt.Sprintf("f%d", i) }

func newPDFRenderer(d Document, fonts *fontSet) *pdfRenderer {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetMargins(marginX, marginTop, marginX)
	p.SetAutoPageBreak(false, marginBottom)
	for i, f := range fonts.fonts {
		p.AddUTF8FontFromBytes(fontName(i), "", f.ttf)
	}
	r := &pdfRenderer{pdf: p, doc: d, fonts: fonts, widths: map[rune]float64{}, repl: "?", curFont: -1}
	if fonts.fontFor('\uFFFD') >= 0 {
		r.repl = "\uFFFD"
	}
	lang := "en"
	if isChineseLang(d.Lang) {
		lang = "zh-CN"
	}
	p.SetLang(lang)
	p.SetTitle(oneLine(d.Title), true)
	p.SetCreator("Steward", true)
	r.selectFont(0, 10)
	return r
}

// selectFont makes font i at size points current.
func (r *pdfRenderer) selectFont(i int, size float64) {
	if i != r.curFont || size != r.curSize {
		r.pdf.SetFont(fontName(i), "", size)
		r.curFont, r.curSize = i, size
	}
}

// clean makes s safe to draw: valid UTF-8, tabs as spaces, no control
// characters except newlines, and runes no font has replaced.
func (r *pdfRenderer) clean(s string) string {
	ok := utf8.ValidString(s)
	for _, c := range s {
		if !ok || c == '\t' || c == '\r' || (c != '\n' && unicode.IsControl(c)) || invisible(c) ||
			(!unicode.IsSpace(c) && r.fonts.fontFor(c) < 0) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, c := range strings.ToValidUTF8(normalizeNewlines(s), r.repl) {
		switch {
		case c == '\t':
			b.WriteString("    ")
		case c == '\n':
			b.WriteRune(c)
		case unicode.IsControl(c), invisible(c):
		case unicode.IsSpace(c):
			b.WriteRune(' ')
		case r.fonts.fontFor(c) < 0:
			b.WriteString(r.repl)
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// invisible reports whether c is a format character (zero-width space,
// joiners, BOM, soft hyphen) or a variation selector: dropped from PDF
// text rather than drawn as a replacement mark.
func invisible(c rune) bool {
	return unicode.Is(unicode.Cf, c) || unicode.Is(unicode.Variation_Selector, c)
}

// width is the advance of r in thousandths of an em, in the font that
// draws it.
func (r *pdfRenderer) width(c rune) float64 {
	if w, ok := r.widths[c]; ok {
		return w
	}
	w := 0.0
	if i := r.fonts.fontFor(c); i >= 0 {
		w = r.fonts.fonts[i].advance(c)
	}
	if w == 0 && unicode.IsSpace(c) {
		w = 278 // a typical space, for fonts without one
	}
	r.widths[c] = w
	return w
}

// measurer returns a function giving the width in mm of text at size.
func (r *pdfRenderer) measurer(size float64) func(string) float64 {
	scale := size * ptToMM / 1000
	return func(s string) float64 {
		var w float64
		for _, c := range s {
			w += r.width(c)
		}
		return w * scale
	}
}

// wrap cleans s and breaks it into lines that fit width at size.
func (r *pdfRenderer) wrap(s string, width, size float64) []string {
	return wrapText(r.clean(s), width, r.measurer(size))
}

// setFill and setDraw select colours.
func (r *pdfRenderer) setFill(c rgb) { r.pdf.SetFillColor(c.parts()) }
func (r *pdfRenderer) setDraw(c rgb) { r.pdf.SetDrawColor(c.parts()) }

// text draws one line whose box starts at (x, top) with height lh,
// switching fonts between runs of characters as the font set says.
func (r *pdfRenderer) text(x, top, lh float64, st textStyle, s string) {
	if strings.TrimSpace(s) == "" {
		return
	}
	r.pdf.SetTextColor(st.color.parts())
	baseline := top + lh/2 + 0.3*st.size*ptToMM
	if st.bold {
		// Synthetic bold: fill and stroke the glyphs, since each font is a
		// single regular file.
		r.setDraw(st.color)
		r.pdf.SetLineWidth(st.size * ptToMM * 0.035)
		r.pdf.SetTextRenderingMode(2)
		defer r.pdf.SetTextRenderingMode(0)
	}
	measure := r.measurer(st.size)
	start, font := 0, -2
	flush := func(end int) {
		if end > start && font >= 0 {
			run := s[start:end]
			r.selectFont(font, st.size)
			r.pdf.Text(x, baseline, run)
			x += measure(run)
		} else if end > start {
			x += measure(s[start:end])
		}
		start = end
	}
	for i, c := range s {
		f := r.fonts.fontFor(c)
		if unicode.IsSpace(c) && font >= 0 && r.fonts.fonts[font].has(c) {
			f = font // keep spaces in the current run
		}
		if f != font {
			flush(i)
			font = f
		}
	}
	flush(len(s))
}

// bottom is the lowest y content may reach.
func (r *pdfRenderer) bottom() float64 { return pageH - marginBottom }

// atTop reports whether nothing has been drawn on the current page yet.
func (r *pdfRenderer) atTop() bool { return r.y <= marginTop+0.01 }

// newPage starts a page.
func (r *pdfRenderer) newPage() {
	r.pdf.AddPage()
	r.y = marginTop
	r.curFont = -1 // be sure the next text selects its font on this page
}

// ensure starts a new page unless h mm fit below the current position.
func (r *pdfRenderer) ensure(h float64) {
	if r.y+h > r.bottom() && !r.atTop() {
		r.newPage()
	}
}

// space adds vertical space unless at the top of a page.
func (r *pdfRenderer) space(h float64) {
	if !r.atTop() {
		r.y += h
	}
}

// render draws the whole document and the page footers.
func (r *pdfRenderer) render() {
	r.newPage()
	r.titleBlock()
	for _, b := range r.doc.Blocks {
		r.block(b)
	}
	r.footers()
}

// block draws one body block.
func (r *pdfRenderer) block(b Block) {
	switch {
	case b.Heading != nil:
		r.heading(*b.Heading)
	case b.PageBreak:
		if !r.atTop() {
			r.newPage()
		}
	case b.Table != nil:
		r.table(*b.Table)
	case b.Chart != nil:
		r.chart(*b.Chart)
	case b.Paragraph != "":
		r.paragraph(b.Paragraph, textStyle{size: 10, color: colInk}, 1.5)
		r.y += 3
	case len(b.List) > 0:
		r.list(b.List)
	case len(b.Fields) > 0:
		r.fields(b.Fields, textStyle{size: 9.5, color: colInk}, 1.45, true)
		r.y += 3
	case b.Note != "":
		r.note(b.Note)
	}
}

// footers draws the rule, title and "Page N of M" on every page.
func (r *pdfRenderer) footers() {
	total := r.pdf.PageCount()
	st := textStyle{size: 8, color: colMuted}
	measure := r.measurer(st.size)
	title := truncateToWidth(strings.ReplaceAll(r.clean(r.doc.Title), "\n", " "),
		(pageW-2*marginX)*0.6, "...", measure)
	for i := 1; i <= total; i++ {
		r.pdf.SetPage(i)
		r.curFont = -1
		r.setDraw(colRule)
		r.pdf.SetLineWidth(0.2)
		r.pdf.Line(marginX, footerRuleY, pageW-marginX, footerRuleY)
		r.setFill(colWhite)
		lh := 4.0
		top := footerBaseline - lh/2 - 0.3*st.size*ptToMM
		r.text(marginX, top, lh, st, title)
		label := footerLabel(r.doc.Lang, i, total)
		r.text(pageW-marginX-measure(label), top, lh, st, label)
	}
	r.pdf.SetPage(total)
}
