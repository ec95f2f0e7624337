package export

import "strings"

// contentW is the width between the margins.
const contentW = pageW - 2*marginX

// rowCell is one column of a row: wrapped lines drawn in a box.
type rowCell struct {
	x, w  float64 // the cell box
	lines []string
	st    textStyle
	right bool // align right
}

// rowLayout says how drawRow spaces and decorates a row.
type rowLayout struct {
	padX, padY, lh float64
	// paint draws backgrounds and borders for a piece of the row that
	// spans y..y+h on the current page.
	paint func(y, h float64)
	// onNewPage runs after drawRow starts a page (to repeat a table header).
	onNewPage func()
}

// rowHeight is the full height of a row.
func rowHeight(cells []rowCell, l rowLayout) float64 {
	n := 1
	for _, c := range cells {
		n = max(n, len(c.lines))
	}
	return 2*l.padY + float64(n)*l.lh
}

// drawRow draws cells side by side. A row that does not fit on the page
// moves to the next one; only a row taller than a whole page is split, at
// line boundaries.
func (r *pdfRenderer) drawRow(cells []rowCell, l rowLayout) {
	total := 1
	for _, c := range cells {
		total = max(total, len(c.lines))
	}
	h := 2*l.padY + float64(total)*l.lh
	pageBody := r.bottom() - marginTop
	if r.y+h > r.bottom() && !r.atTop() {
		roomy := h > pageBody && int((r.bottom()-r.y-2*l.padY)/l.lh) >= 3
		if !roomy {
			r.newPage()
			if l.onNewPage != nil {
				l.onNewPage()
			}
		}
	}
	for start := 0; ; {
		n := min(total-start, max(1, int((r.bottom()-r.y-2*l.padY)/l.lh+1e-6)))
		segH := 2*l.padY + float64(n)*l.lh
		if l.paint != nil {
			l.paint(r.y, segH)
		}
		for _, c := range cells {
			m := r.measurer(c.st.size)
			for i := start; i < start+n && i < len(c.lines); i++ {
				x := c.x + l.padX
				if c.right {
					x = c.x + c.w - l.padX - m(c.lines[i])
				}
				r.text(x, r.y+l.padY+float64(i-start)*l.lh, l.lh, c.st, c.lines[i])
			}
		}
		r.y += segH
		start += n
		if start >= total {
			return
		}
		r.newPage()
		if l.onNewPage != nil {
			l.onNewPage()
		}
	}
}

// titleBlock draws the title, subtitle, meta lines and a rule.
func (r *pdfRenderer) titleBlock() {
	d := r.doc
	if strings.TrimSpace(d.Title) != "" {
		st := textStyle{size: 20, bold: true, color: colInk}
		r.paragraph(d.Title, st, 1.25)
		r.y += 1
	}
	if strings.TrimSpace(d.Subtitle) != "" {
		r.paragraph(d.Subtitle, textStyle{size: 11.5, color: colMuted}, 1.35)
		r.y += 1
	}
	if len(d.Meta) > 0 {
		r.y += 1.5
		r.fields(d.Meta, textStyle{size: 9, color: colInk}, 1.4, false)
	}
	if r.y > marginTop {
		r.y += 2.5
		r.setDraw(colAccent)
		r.pdf.SetLineWidth(0.6)
		r.pdf.Line(marginX, r.y, pageW-marginX, r.y)
		r.y += 4
	}
}

// paragraph draws wrapped text over the full width, line by line.
func (r *pdfRenderer) paragraph(s string, st textStyle, leading float64) {
	lh := lineHeight(st.size, leading)
	for _, line := range r.wrap(s, contentW, st.size) {
		r.ensure(lh)
		r.text(marginX, r.y, lh, st, line)
		r.y += lh
	}
}

// heading draws a section title that stays with the content after it, and
// its tag as a coloured pill.
func (r *pdfRenderer) heading(h Heading) {
	size, above := 15.0, 7.0
	switch {
	case h.Level == 2:
		size, above = 12.5, 5.5
	case h.Level >= 3:
		size, above = 11, 4.5
	}
	st := textStyle{size: size, bold: true, color: colInk}
	if h.Level <= 1 {
		st.color = colAccent
	}
	lh := lineHeight(size, 1.3)
	tag := strings.TrimSpace(strings.ReplaceAll(r.clean(h.Tag), "\n", " "))
	tagSize := 7.5
	tagM := r.measurer(tagSize)
	tag = truncateToWidth(tag, contentW*0.4, "...", tagM)
	tagW := 0.0
	if tag != "" {
		tagW = tagM(tag) + 3.6
	}
	textW := contentW
	if tagW > 0 {
		textW -= tagW + 3
	}
	lines := wrapText(strings.ReplaceAll(r.clean(h.Text), "\n", " "), textW, r.measurer(size))
	r.space(above)
	// Keep the heading with at least two lines of what follows.
	r.ensure(float64(len(lines))*lh + 2*lineHeight(10, 1.5) + 2)
	for _, line := range lines {
		r.text(marginX, r.y, lh, st, line)
		r.y += lh
	}
	if tag != "" {
		x := marginX + r.measurer(size)(lines[len(lines)-1]) + 2.5
		r.tagPill(x, r.y-lh, lh, tag, tagSize, tagW)
	}
	if h.Level <= 1 {
		r.y += 0.8
		r.setDraw(colRule)
		r.pdf.SetLineWidth(0.3)
		r.pdf.Line(marginX, r.y, pageW-marginX, r.y)
	}
	r.y += 2.5
}

// tagColours maps a tone to its pill background and text colours.
func tagColours(tone string) (bg, fg rgb) {
	switch tone {
	case "green":
		return 0xDCF3E4, 0x166534
	case "blue":
		return 0xDBEAFE, 0x1E40AF
	case "amber":
		return 0xFEF0C7, 0x92400E
	case "red":
		return 0xFEE2E2, 0x991B1B
	}
	return 0xE9ECEF, 0x495057
}

// tagPill draws tag as a rounded label of width w, centred on the line box
// at (x, top, lh).
func (r *pdfRenderer) tagPill(x, top, lh float64, tag string, size, w float64) {
	bg, fg := tagColours(tagTone(tag))
	h := size * ptToMM * 1.75
	y := top + (lh-h)/2
	r.setFill(bg)
	r.pdf.RoundedRect(x, y, w, h, h/2, "1234", "F")
	r.text(x+1.8, y, h, textStyle{size: size, bold: true, color: fg}, tag)
}

// list draws a bulleted list with hanging indents.
func (r *pdfRenderer) list(items []string) {
	st := textStyle{size: 10, color: colInk}
	lh := lineHeight(st.size, 1.5)
	const indent = 6.0
	for _, item := range items {
		lines := r.wrap(item, contentW-indent, st.size)
		for i, line := range lines {
			r.ensure(lh)
			if i == 0 {
				r.setFill(colAccent)
				r.pdf.Circle(marginX+2.2, r.y+lh/2, 0.75, "F")
			}
			r.text(marginX+indent, r.y, lh, st, line)
			r.y += lh
		}
		r.y += 0.8
	}
	r.y += 2.2
}

// fields draws label/value pairs in two columns; ruled adds a hairline
// under each pair.
func (r *pdfRenderer) fields(fs []Field, st textStyle, leading float64, ruled bool) {
	labelSt := textStyle{size: st.size, bold: true, color: colMuted}
	m := r.measurer(st.size)
	labelW := 0.0
	for _, f := range fs {
		for _, line := range strings.Split(r.clean(f.Label), "\n") {
			labelW = max(labelW, m(line)*1.03)
		}
	}
	labelW = min(labelW+5, contentW*0.38)
	l := rowLayout{lh: lineHeight(st.size, leading), padY: 0.6}
	if ruled {
		l.padY = 1.3
		l.paint = func(y, h float64) {
			r.setDraw(colRule)
			r.pdf.SetLineWidth(0.15)
			r.pdf.Line(marginX, y+h, pageW-marginX, y+h)
		}
	}
	for _, f := range fs {
		cells := []rowCell{
			{x: marginX, w: labelW, lines: r.wrap(f.Label, labelW-4, st.size), st: labelSt},
			{x: marginX + labelW, w: contentW - labelW, lines: r.wrap(f.Value, contentW-labelW, st.size), st: st},
		}
		r.drawRow(cells, l)
	}
}

// note draws a shaded call-out box with an accent bar.
func (r *pdfRenderer) note(s string) {
	st := textStyle{size: 9.5, color: colNoteInk}
	const bar, pad = 1.2, 3.5
	l := rowLayout{padX: pad, padY: 2.8, lh: lineHeight(st.size, 1.5)}
	l.paint = func(y, h float64) {
		r.setFill(colNoteBg)
		r.pdf.Rect(marginX, y, contentW, h, "F")
		r.setFill(colNoteBar)
		r.pdf.Rect(marginX, y, bar, h, "F")
	}
	r.space(1)
	cell := rowCell{x: marginX + bar, w: contentW - bar, lines: r.wrap(s, contentW-bar-2*pad, st.size), st: st}
	r.drawRow([]rowCell{cell}, l)
	r.y += 4
}
