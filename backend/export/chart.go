package export

import (
	"fmt"
	"html"
	"html/template"
	"strings"
)

// SVG chart geometry, in user units.
const (
	svgWidth     = 720
	svgLabelW    = 230 // room for the labels of horizontal bars
	svgBarRowH   = 24
	svgColumnsH  = 180 // plot height of a column chart
	svgAxisLeft  = 60  // room for the y-axis labels of a column chart
	svgBarColour = "#254f8c"
	labelRunes   = 30 // longer bar labels are cut with an ellipsis
)

// chartTable is a chart's values as a two-column table.
func chartTable(c Chart) Table {
	t := Table{Header: []string{c.Title, ""}}
	for _, b := range c.Bars {
		t.Rows = append(t.Rows, []string{b.Label, b.Text})
	}
	return t
}

// chartMax is the largest value, at least 1 so an all-zero chart scales.
func chartMax(c Chart) float64 {
	most := 1.0
	for _, b := range c.Bars {
		most = max(most, b.Value)
	}
	return most
}

// barLength scales v to at most full, keeping any non-zero value visible.
func barLength(v, most, full, least float64) float64 {
	if v <= 0 {
		return 0
	}
	return max(v/most*full, least)
}

// shortLabel cuts a label to labelRunes characters.
func shortLabel(s string) string {
	r := []rune(oneLine(s))
	if len(r) > labelRunes {
		return string(r[:labelRunes-1]) + "…"
	}
	return string(r)
}

// chartSVG draws c as a self-contained inline SVG; every text is escaped.
func chartSVG(c Chart) template.HTML {
	var b strings.Builder
	e := html.EscapeString
	w, h := svgWidth, max(len(c.Bars), 1)*svgBarRowH
	if c.Columns {
		h = svgColumnsH + 40
	}
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="%s" font-size="12" style="max-width:100%%;height:auto">`,
		w, h, w, h, e(oneLine(c.Title)))
	b.WriteString("\n")
	if c.Columns {
		svgColumns(&b, c)
	} else {
		svgBars(&b, c)
	}
	b.WriteString("</svg>")
	return template.HTML(b.String())
}

func svgBars(b *strings.Builder, c Chart) {
	most, full := chartMax(c), float64(svgWidth-svgLabelW-80)
	for i, bar := range c.Bars {
		y := i * svgBarRowH
		l := barLength(bar.Value, most, full, 2)
		fmt.Fprintf(b, `<text x="0" y="%d">%s</text><rect x="%d" y="%d" width="%.1f" height="16" rx="2" fill="%s"></rect><text x="%.1f" y="%d">%s</text>`+"\n",
			y+17, html.EscapeString(shortLabel(bar.Label)), svgLabelW, y+4, l, svgBarColour, svgLabelW+l+6, y+17, html.EscapeString(bar.Text))
	}
}

func svgColumns(b *strings.Builder, c Chart) {
	most, bottom := chartMax(c), svgColumnsH+10
	step := float64(svgWidth-svgAxisLeft) / float64(max(len(c.Bars), 1))
	for i, bar := range c.Bars {
		h := barLength(bar.Value, most, svgColumnsH, 1)
		fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s</title></rect>`+"\n",
			svgAxisLeft+float64(i)*step, float64(bottom)-h, step*0.8, h, svgBarColour, html.EscapeString(oneLine(bar.Label)+": "+bar.Text))
	}
	fmt.Fprintf(b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#8a94a3"></line>`+"\n", svgAxisLeft, bottom, svgWidth, bottom)
	fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", svgAxisLeft-6, bottom-svgColumnsH+4, html.EscapeString(maxText(c)))
	fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="end">0</text>`+"\n", svgAxisLeft-6, bottom)
	for _, t := range columnTicks(c) {
		fmt.Fprintf(b, `<text x="%.1f" y="%d" text-anchor="%s">%s</text>`+"\n",
			svgAxisLeft+t.at*float64(svgWidth-svgAxisLeft), bottom+18, t.anchor, html.EscapeString(t.label))
	}
}

// maxText is the printed form of the largest value.
func maxText(c Chart) string {
	most, text := -1.0, "0"
	for _, b := range c.Bars {
		if b.Value > most {
			most, text = b.Value, b.Text
		}
	}
	return text
}

// columnTick is a label under a column chart at a fraction of its width.
type columnTick struct {
	at     float64 // 0..1 across the plot
	anchor string  // start, middle or end
	label  string
}

// columnTicks labels the first, middle and last columns.
func columnTicks(c Chart) []columnTick {
	n := len(c.Bars)
	if n == 0 {
		return nil
	}
	ticks := []columnTick{{0, "start", oneLine(c.Bars[0].Label)}}
	if n > 2 {
		mid := n / 2
		ticks = append(ticks, columnTick{(float64(mid) + 0.5) / float64(n), "middle", oneLine(c.Bars[mid].Label)})
	}
	if n > 1 {
		ticks = append(ticks, columnTick{1, "end", oneLine(c.Bars[n-1].Label)})
	}
	return ticks
}
