package export

// PDF chart metrics, in mm and points.
const (
	chartTextSize = 8.5
	chartRowH     = 6.0
	chartLabelW   = 58.0
	chartValueW   = 22.0
	chartPlotH    = 45.0
	chartAxisW    = 16.0
)

// chart draws c: horizontal bars, or columns over a baseline.
func (r *pdfRenderer) chart(c Chart) {
	if len(c.Bars) == 0 {
		return
	}
	if c.Columns {
		r.chartColumns(c)
	} else {
		r.chartBars(c)
	}
	r.y += 4
}

func (r *pdfRenderer) chartBars(c Chart) {
	st := textStyle{size: chartTextSize, color: colInk}
	measure := r.measurer(st.size)
	most, full := chartMax(c), contentW-chartLabelW-chartValueW
	for _, bar := range c.Bars {
		r.ensure(chartRowH)
		label := truncateToWidth(r.clean(oneLine(bar.Label)), chartLabelW-2, "...", measure)
		r.text(marginX, r.y, chartRowH, st, label)
		l := barLength(bar.Value, most, full, 0.6)
		if l > 0 {
			r.setFill(colAccent)
			r.pdf.Rect(marginX+chartLabelW, r.y+1, l, chartRowH-2, "F")
		}
		r.text(marginX+chartLabelW+l+1.5, r.y, chartRowH, st, r.clean(bar.Text))
		r.y += chartRowH
	}
}

func (r *pdfRenderer) chartColumns(c Chart) {
	st := textStyle{size: chartTextSize, color: colMuted}
	measure := r.measurer(st.size)
	lh := lineHeight(st.size, 1.4)
	r.ensure(chartPlotH + 2*lh + 2)
	top := r.y + lh/2
	base := top + chartPlotH
	plotX, plotW := marginX+chartAxisW, contentW-chartAxisW
	most := chartMax(c)
	step := plotW / float64(len(c.Bars))
	r.setFill(colAccent)
	for i, bar := range c.Bars {
		if h := barLength(bar.Value, most, chartPlotH, 0.3); h > 0 {
			r.pdf.Rect(plotX+float64(i)*step, base-h, step*0.8, h, "F")
		}
	}
	r.setDraw(colBorder)
	r.pdf.SetLineWidth(0.2)
	r.pdf.Line(plotX, base, marginX+contentW, base)
	top0 := r.clean(maxText(c))
	r.text(plotX-1.5-measure(top0), top-lh/2, lh, st, top0)
	r.text(plotX-1.5-measure("0"), base-lh/2, lh, st, "0")
	for _, t := range columnTicks(c) {
		label := r.clean(t.label)
		x := plotX + t.at*plotW
		switch t.anchor {
		case "middle":
			x -= measure(label) / 2
		case "end":
			x -= measure(label)
		}
		r.text(x, base+0.5, lh, st, label)
	}
	r.y = base + lh + 1
}
