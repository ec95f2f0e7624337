package usage

import (
	"fmt"
	"html/template"
	"io"
	"sort"
)

// Chart geometry, in SVG user units.
const (
	chartW       = 720 // plot width
	chartH       = 180 // column chart plot height
	chartLeft    = 60  // room for the y-axis labels
	chartLabelW  = 230 // room for group names in the bar chart
	chartBarRowH = 24
	chartTopN    = 15
)

type htmlColumn struct {
	X, W  string // fractional, so hundreds of days keep even gaps
	Y, H  int
	Title string
}

type htmlBar struct {
	Label, Value        string
	Y, W, TextX, LabelY int
}

type htmlTick struct {
	X, Y   int
	Anchor string // start, middle or end
	Label  string
}

// htmlView is the page template's data.
type htmlView struct {
	Lang, Title, ChartTitle string
	Meta                    [][2]string
	Cards                   [][2]string
	Head                    []string
	Rows                    [][]string
	Total                   []string
	Empty                   string
	Columns                 []htmlColumn
	Ticks                   []htmlTick
	Bars                    []htmlBar
	SVGW, SVGH, PlotX       int
	PlotBottom              int
	Footer                  string
}

// writeHTML writes a self-contained page: inline CSS and an inline SVG
// chart, no scripts and nothing fetched from elsewhere.
func writeHTML(w io.Writer, rep Report, lang string) error {
	tmpl, err := template.New("usage").Parse(htmlTemplate)
	if err != nil {
		return fmt.Errorf("parse report template: %w", err)
	}
	return tmpl.Execute(w, htmlViewOf(rep, lang))
}

func htmlViewOf(rep Report, lang string) htmlView {
	words := reportWords(lang)
	v := htmlView{Lang: lang, Title: words["title"], Footer: words["footer"], Empty: words["empty"]}
	v.Meta = [][2]string{{words["period"], periodText(rep.Since, rep.Until, words)},
		{words["by"], words[rep.By]}, {words["source"], sourceText(rep.Source, words)}}
	t := rep.Totals
	v.Cards = [][2]string{{num(t.Requests), words["requests"]}, {num(t.InputTokens), words["input"]},
		{num(t.OutputTokens), words["output"]}, {num(t.Errors), words["errors"]},
		{num(t.RateLimited), words["rate_limited"]}, {"$" + usd(t.CostUSD), words["cost"]}}
	v.Head = []string{words[rep.By]}
	for _, c := range tableColumns() {
		v.Head = append(v.Head, words[c.word])
	}
	cells := func(name string, t Totals) []string {
		out := []string{name}
		for _, c := range tableColumns() {
			out = append(out, c.cell(t))
		}
		return out
	}
	for _, r := range rep.Rows {
		v.Rows = append(v.Rows, cells(groupName(rep.By, r, words), r.Totals))
	}
	v.Total = cells(words["total"], rep.Totals)
	if rep.By == ByDay {
		v.ChartTitle = words["chart_day"]
		dayColumns(&v, rep.Rows)
	} else {
		v.ChartTitle = fmt.Sprintf(words["chart_group"], min(chartTopN, len(rep.Rows)))
		groupBars(&v, rep, words)
	}
	return v
}

// dayColumns lays out one column per day, scaled to the busiest day, with
// the first, middle and last day under the axis.
func dayColumns(v *htmlView, rows []ReportRow) {
	v.PlotX, v.SVGW, v.SVGH, v.PlotBottom = chartLeft, chartLeft+chartW, chartH+40, chartH+10
	most := int64(1)
	for _, r := range rows {
		most = max(most, r.Requests)
	}
	n := max(len(rows), 1)
	step := float64(chartW) / float64(n)
	for i, r := range rows {
		h := int(r.Requests * chartH / most)
		if r.Requests > 0 {
			h = max(h, 1)
		}
		v.Columns = append(v.Columns, htmlColumn{X: fmt.Sprintf("%.1f", chartLeft+float64(i)*step), Y: v.PlotBottom - h,
			W: fmt.Sprintf("%.1f", step*0.8), H: h, Title: r.Group + ": " + num(r.Requests)})
	}
	v.Ticks = []htmlTick{{X: chartLeft - 6, Y: v.PlotBottom - chartH + 4, Anchor: "end", Label: num(most)},
		{X: chartLeft - 6, Y: v.PlotBottom, Anchor: "end", Label: "0"}}
	if len(rows) > 0 {
		below := v.PlotBottom + 18
		v.Ticks = append(v.Ticks, htmlTick{X: chartLeft, Y: below, Anchor: "start", Label: rows[0].Group})
		if len(rows) > 2 {
			mid := len(rows) / 2
			v.Ticks = append(v.Ticks, htmlTick{X: chartLeft + int((float64(mid)+0.5)*step), Y: below, Anchor: "middle", Label: rows[mid].Group})
		}
		if len(rows) > 1 {
			v.Ticks = append(v.Ticks, htmlTick{X: v.SVGW, Y: below, Anchor: "end", Label: rows[len(rows)-1].Group})
		}
	}
}

// groupBars lays out one bar per group for the busiest groups.
func groupBars(v *htmlView, rep Report, words map[string]string) {
	rows := append([]ReportRow(nil), rep.Rows...)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Requests > rows[j].Requests })
	rows = rows[:min(len(rows), chartTopN)]
	most := int64(1)
	for _, r := range rows {
		most = max(most, r.Requests)
	}
	barW := chartW - chartLabelW - 80
	v.SVGW, v.SVGH = chartW, max(len(rows), 1)*chartBarRowH
	for i, r := range rows {
		w := int(r.Requests * int64(barW) / most)
		if r.Requests > 0 {
			w = max(w, 2)
		}
		y := i * chartBarRowH
		label := []rune(groupName(rep.By, r, words))
		if len(label) > 30 {
			label = append(label[:29], '…')
		}
		v.Bars = append(v.Bars, htmlBar{Label: string(label), Value: num(r.Requests), Y: y + 4, W: w,
			TextX: chartLabelW + w + 6, LabelY: y + 17})
	}
	v.PlotX = chartLabelW
}

const htmlTemplate = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body{margin:0;background:#f1f3f6;color:#212529;font:15px/1.55 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Arial,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
.doc{max-width:980px;margin:32px auto;padding:40px 48px;background:#fff;border-radius:6px;box-shadow:0 1px 4px rgba(16,24,40,.08)}
h1{font-size:26px;margin:0 0 8px;border-bottom:2px solid #254f8c;padding-bottom:10px}
h2{font-size:19px;color:#254f8c;margin:28px 0 10px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;font-size:13px;margin:0}
dt{color:#626a75;font-weight:600}dd{margin:0}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:20px 0}
.card{flex:1;min-width:120px;border:1px solid #d0d6de;border-radius:6px;padding:10px 14px}
.card b{display:block;font-size:20px}.card span{color:#626a75;font-size:13px}
svg{max-width:100%;height:auto}svg text{font-size:12px;fill:#212529}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border:1px solid #c4ccd6;padding:5px 7px;text-align:right;overflow-wrap:anywhere}
th:first-child,td:first-child{text-align:left}
th{background:#ecf1f7}tr:nth-child(even) td{background:#f8fafc}
tfoot td{font-weight:700;background:#ecf1f7}
footer{margin-top:24px;color:#626a75;font-size:12px}
@media print{body{background:#fff}.doc{box-shadow:none;margin:0;padding:0}}
</style>
</head>
<body>
<main class="doc">
<h1>{{.Title}}</h1>
<dl>{{range .Meta}}<dt>{{index . 0}}</dt><dd>{{index . 1}}</dd>{{end}}</dl>
<div class="cards">{{range .Cards}}<div class="card"><b>{{index . 0}}</b><span>{{index . 1}}</span></div>{{end}}</div>
{{if .Rows}}<h2>{{.ChartTitle}}</h2>
<svg xmlns="http://www.w3.org/2000/svg" width="{{.SVGW}}" height="{{.SVGH}}" viewBox="0 0 {{.SVGW}} {{.SVGH}}" role="img" aria-label="{{.ChartTitle}}">
{{range .Columns}}<rect x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" fill="#254f8c"><title>{{.Title}}</title></rect>
{{end}}{{if .Columns}}<line x1="{{.PlotX}}" y1="{{.PlotBottom}}" x2="{{.SVGW}}" y2="{{.PlotBottom}}" stroke="#8a94a3"></line>
{{end}}{{range .Ticks}}<text x="{{.X}}" y="{{.Y}}" text-anchor="{{.Anchor}}">{{.Label}}</text>
{{end}}{{range .Bars}}<text x="0" y="{{.LabelY}}">{{.Label}}</text><rect x="{{$.PlotX}}" y="{{.Y}}" width="{{.W}}" height="16" rx="2" fill="#254f8c"></rect><text x="{{.TextX}}" y="{{.LabelY}}">{{.Value}}</text>
{{end}}</svg>
<table>
<thead><tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
<tfoot><tr>{{range .Total}}<td>{{.}}</td>{{end}}</tr></tfoot>
</table>{{else}}<p>{{.Empty}}</p>{{end}}
<footer>{{.Footer}}</footer>
</main>
</body>
</html>
`
