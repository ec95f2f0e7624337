package export

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
)

// Table metrics.
const (
	tableSize    = 8.8 // points
	tableLeading = 1.35
	tablePadX    = 1.6
	tablePadY    = 1.3
)

// table draws t with proportional column widths, wrapped cells, zebra rows
// and the header repeated at the top of every page the table spans.
func (r *pdfRenderer) table(t Table) {
	ncol := len(t.Header)
	for _, row := range t.Rows {
		ncol = max(ncol, len(row))
	}
	if ncol == 0 {
		return
	}
	header := make([]string, ncol)
	copy(header, t.Header)
	hasHeader := strings.TrimSpace(strings.Join(t.Header, "")) != ""
	rows := make([][]string, len(t.Rows))
	for i, row := range t.Rows {
		rows[i] = make([]string, ncol)
		for j, s := range row {
			rows[i][j] = r.clean(s)
		}
	}
	for j := range header {
		header[j] = r.clean(header[j])
	}
	widths := r.columnWidths(header, rows, ncol)
	body := textStyle{size: tableSize, color: colInk}
	head := textStyle{size: tableSize, bold: true, color: colInk}

	cellsFor := func(texts []string, st textStyle) []rowCell {
		cells := make([]rowCell, ncol)
		x := marginX
		m := r.measurer(st.size)
		for j := range cells {
			w := widths[j] - 2*tablePadX
			if st.bold {
				w -= 0.3 // synthetic bold is a little wider
			}
			cells[j] = rowCell{x: x, w: widths[j], lines: wrapText(texts[j], w, m), st: st}
			x += widths[j]
		}
		return cells
	}
	paintRow := func(bg rgb) func(y, h float64) {
		return func(y, h float64) {
			r.setDraw(colBorder)
			r.pdf.SetLineWidth(0.2)
			style := "D"
			if bg != colWhite {
				r.setFill(bg)
				style = "FD"
			}
			x := marginX
			for _, w := range widths {
				r.pdf.Rect(x, y, w, h, style)
				x += w
			}
		}
	}
	lay := rowLayout{padX: tablePadX, padY: tablePadY, lh: lineHeight(tableSize, tableLeading)}
	headCells := cellsFor(header, head)
	headLay := lay
	headLay.paint = paintRow(colHeadBg)
	drawHeader := func() {
		if hasHeader {
			r.drawRow(headCells, headLay)
		}
	}

	r.space(1)
	// Keep the header with the first row.
	first := rowHeight(headCells, lay)
	if len(rows) > 0 {
		first += rowHeight(cellsFor(rows[0], body), lay)
	}
	if first < r.bottom()-marginTop {
		r.ensure(first)
	}
	drawHeader()
	for i, row := range rows {
		l := lay
		l.onNewPage = drawHeader
		if i%2 == 1 {
			l.paint = paintRow(colZebra)
		} else {
			l.paint = paintRow(colWhite)
		}
		r.drawRow(cellsFor(row, body), l)
	}
	r.y += 4
}

// columnWidths shares the content width between columns like an automatic
// HTML table layout: every column gets its longest unbreakable word, and the
// rest is shared in proportion to how much more its longest line wants.
func (r *pdfRenderer) columnWidths(header []string, rows [][]string, ncol int) []float64 {
	m := r.measurer(tableSize)
	minW := make([]float64, ncol)
	maxW := make([]float64, ncol)
	consider := func(j int, s string, factor float64) {
		for _, line := range strings.Split(s, "\n") {
			maxW[j] = max(maxW[j], m(line)*factor)
			for _, a := range atoms(line) {
				minW[j] = max(minW[j], m(strings.TrimRightFunc(a, unicode.IsSpace))*factor)
			}
		}
	}
	for j, s := range header {
		consider(j, s, 1.04)
	}
	for _, row := range rows {
		for j, s := range row {
			consider(j, s, 1)
		}
	}
	floor := min(10.0, contentW/float64(ncol))
	var sumMin, sumMax float64
	for j := range ncol {
		// A very long word (a URL) may break rather than starve the others.
		minW[j] = min(max(minW[j]+2*tablePadX+0.5, floor), contentW*0.3)
		maxW[j] = max(maxW[j]+2*tablePadX+0.5, minW[j])
		sumMin += minW[j]
		sumMax += maxW[j]
	}
	if sumMin >= contentW {
		return shareWidths(minW, contentW)
	}
	widths := make([]float64, ncol)
	for j := range ncol {
		if sumMax <= contentW { // everything fits on one line: stretch
			widths[j] = maxW[j] * contentW / sumMax
		} else {
			widths[j] = minW[j] + (maxW[j]-minW[j])*(contentW-sumMin)/(sumMax-sumMin)
		}
	}
	return widths
}

// shareWidths divides total between columns that want more than it in
// all: narrow columns get what they want, the wide ones share the rest
// equally.
func shareWidths(want []float64, total float64) []float64 {
	order := make([]int, len(want))
	for j := range order {
		order[j] = j
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(want[a], want[b]) })
	widths := make([]float64, len(want))
	left := total
	for k, j := range order {
		share := left / float64(len(order)-k)
		widths[j] = min(want[j], share)
		left -= widths[j]
	}
	return widths
}
