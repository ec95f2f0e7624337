package moderation

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"iter"
	"sort"
	"strings"
)

// htmlBar is one bar of the flags-per-category chart.
type htmlBar struct {
	Label       string
	Count       int
	Y, W, TextX int
	LabelY      int
}

// htmlRow is one item in the report's table.
type htmlRow struct {
	Index   int
	Input   string
	Image   string
	Flagged bool
	Flags   string // the flagged categories, highest score first
	Top     string // the top category and its score
	Error   string
}

// htmlView is the report template's data.
type htmlView struct {
	Lang, Title         string
	Meta                [][2]string
	Total, Flagged, Err int
	Bars                []htmlBar
	ChartH, BarX        int
	Rows                iter.Seq[htmlRow]
	T                   map[string]string
}

const (
	chartLabelW = 190
	chartBarW   = 400
	chartRowH   = 26
)

// writeReportHTML writes a self-contained page: inline CSS and an inline
// SVG chart of flags per category, no scripts or outside resources.
func writeReportHTML(w io.Writer, rep RunReport, lang string) error {
	tmpl, err := template.New("report").Parse(reportTemplate)
	if err != nil {
		return fmt.Errorf("parse report template: %w", err)
	}
	v, rowsErr := htmlViewOf(rep, lang)
	if err := tmpl.Execute(w, v); err != nil {
		return fmt.Errorf("write HTML report: %w", err)
	}
	return *rowsErr
}

// htmlViewOf is the template's data; its rows are read as the template
// writes them, and the error reading them ends up in the returned pointer.
func htmlViewOf(rep RunReport, lang string) (htmlView, *error) {
	t := reportText(lang)
	v := htmlView{Lang: lang, Title: t["title"], T: t, Total: rep.Summary.Total, Flagged: rep.Summary.Flagged, Err: rep.Summary.Errors}
	v.Meta = [][2]string{{t["suite"], rep.Suite}, {t["model"], rep.Model}, {t["run"], fmt.Sprint(rep.RunID)},
		{t["created"], rep.CreatedAt}, {t["status"], t["status_"+rep.Status]}}
	if len(rep.Thresholds) > 0 {
		var parts []string
		for _, c := range Categories() {
			if th, ok := rep.Thresholds[c]; ok {
				parts = append(parts, fmt.Sprintf("%s ≥ %g", CategoryLabel(c, lang), th))
			}
		}
		v.Meta = append(v.Meta, [2]string{t["thresholds"], strings.Join(parts, ", ")})
	}
	if rep.Error != "" {
		v.Meta = append(v.Meta, [2]string{t["stopped"], rep.Error})
	}
	v.Bars, v.ChartH, v.BarX = chartBars(rep, lang), len(Categories())*chartRowH, chartLabelW
	var rowsErr error
	v.Rows = func(yield func(htmlRow) bool) {
		rowsErr = rep.EachItem(func(it ReportItem) error {
			if !yield(htmlRowOf(it, lang)) {
				return errStopRows
			}
			return nil
		})
		if rowsErr == errStopRows {
			rowsErr = nil
		}
	}
	return v, &rowsErr
}

// errStopRows ends reading rows when the template stops early.
var errStopRows = errors.New("stop")

// chartBars lays out one bar per category, scaled to the largest count.
func chartBars(rep RunReport, lang string) []htmlBar {
	most := 1
	for _, n := range rep.Summary.PerCategory {
		most = max(most, n)
	}
	var bars []htmlBar
	for i, c := range Categories() {
		n := rep.Summary.PerCategory[c]
		w := n * chartBarW / most
		if n > 0 {
			w = max(w, 2)
		}
		y := i * chartRowH
		bars = append(bars, htmlBar{Label: CategoryLabel(c, lang), Count: n, Y: y + 5, W: w,
			TextX: chartLabelW + w + 6, LabelY: y + 18})
	}
	return bars
}

func htmlRowOf(it ReportItem, lang string) htmlRow {
	r := htmlRow{Index: it.Index, Input: it.Input, Image: it.Image, Flagged: it.Flagged, Error: it.Error}
	if it.Error != "" {
		return r
	}
	type scored struct {
		c string
		s float64
	}
	var flagged []scored
	top := scored{s: -1}
	for _, c := range Categories() {
		s := it.Scores[c]
		if s == nil {
			continue
		}
		if *s > top.s {
			top = scored{c, *s}
		}
		if f := it.Categories[c]; f != nil && *f {
			flagged = append(flagged, scored{c, *s})
		}
	}
	sort.SliceStable(flagged, func(i, j int) bool { return flagged[i].s > flagged[j].s })
	names := make([]string, len(flagged))
	for i, f := range flagged {
		names[i] = CategoryLabel(f.c, lang)
	}
	r.Flags = strings.Join(names, ", ")
	if top.c != "" {
		r.Top = fmt.Sprintf("%s %.3f", CategoryLabel(top.c, lang), top.s)
	}
	return r
}

// reportText is the report's wording in lang.
func reportText(lang string) map[string]string {
	if lang == "zh-CN" {
		return map[string]string{
			"title": "内容审核报告", "suite": "测试集", "model": "模型", "run": "运行编号", "created": "创建时间",
			"status": "状态", "thresholds": "自定义阈值", "stopped": "停止原因", "total": "条目", "flagged": "被标记",
			"errors": "未获结果", "chart": "各类别被标记的条目数", "items": "逐条结果", "input": "输入",
			"flags": "被标记的类别", "top": "最高分类别", "error": "错误", "yes": "是", "no": "否", "image": "图片",
			"status_completed": "已完成", "status_paused": "已暂停", "status_cancelled": "已取消", "status_failed": "失败",
			"status_running": "进行中", "status_pending": "未开始", "status_interrupted": "已中断",
			"footer": "由 Steward 生成。分数来自 OpenAI 审核接口；标记依据测试集的阈值（未设置时采用 OpenAI 的判定）。",
		}
	}
	return map[string]string{
		"title": "Moderation report", "suite": "Suite", "model": "Model", "run": "Run", "created": "Created",
		"status": "Status", "thresholds": "Custom thresholds", "stopped": "Stopped because", "total": "Items", "flagged": "Flagged",
		"errors": "No answer", "chart": "Items flagged per category", "items": "Items", "input": "Input",
		"flags": "Flagged categories", "top": "Top category", "error": "Error", "yes": "yes", "no": "no", "image": "image",
		"status_completed": "completed", "status_paused": "paused", "status_cancelled": "cancelled", "status_failed": "failed",
		"status_running": "running", "status_pending": "not started", "status_interrupted": "interrupted",
		"footer": "Made by Steward. Scores come from the OpenAI moderation endpoint; flags follow the suite's thresholds (OpenAI's own where none are set).",
	}
}

const reportTemplate = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body{margin:0;background:#f1f3f6;color:#212529;font:15px/1.55 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Arial,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
.doc{max-width:960px;margin:32px auto;padding:40px 48px;background:#fff;border-radius:6px;box-shadow:0 1px 4px rgba(16,24,40,.08)}
h1{font-size:26px;margin:0 0 8px;border-bottom:2px solid #254f8c;padding-bottom:10px}
h2{font-size:19px;color:#254f8c;margin:28px 0 10px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;font-size:13px;margin:0}
dt{color:#626a75;font-weight:600}dd{margin:0;overflow-wrap:anywhere}
.cards{display:flex;gap:12px;margin:20px 0}
.card{flex:1;border:1px solid #d0d6de;border-radius:6px;padding:10px 14px}
.card b{display:block;font-size:24px}.card span{color:#626a75;font-size:13px}
svg text{font-size:13px;fill:#212529}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border:1px solid #c4ccd6;padding:5px 7px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#ecf1f7}tr:nth-child(even) td{background:#f8fafc}
.flag{color:#991b1b;font-weight:600}.err{color:#92400e}.muted{color:#626a75}
footer{margin-top:24px;color:#626a75;font-size:12px}
@media print{body{background:#fff}.doc{box-shadow:none;margin:0;padding:0}}
</style>
</head>
<body>
<main class="doc">
<h1>{{.Title}}</h1>
<dl>{{range .Meta}}<dt>{{index . 0}}</dt><dd>{{index . 1}}</dd>{{end}}</dl>
<div class="cards">
<div class="card"><b>{{.Total}}</b><span>{{.T.total}}</span></div>
<div class="card"><b class="flag">{{.Flagged}}</b><span>{{.T.flagged}}</span></div>
<div class="card"><b class="err">{{.Err}}</b><span>{{.T.errors}}</span></div>
</div>
<h2>{{.T.chart}}</h2>
<svg xmlns="http://www.w3.org/2000/svg" width="660" height="{{.ChartH}}" viewBox="0 0 660 {{.ChartH}}" role="img" aria-label="{{.T.chart}}">
{{range .Bars}}<text x="0" y="{{.LabelY}}">{{.Label}}</text><rect x="{{$.BarX}}" y="{{.Y}}" width="{{.W}}" height="18" rx="2" fill="#254f8c"></rect><text x="{{.TextX}}" y="{{.LabelY}}">{{.Count}}</text>
{{end}}</svg>
<h2>{{.T.items}}</h2>
<table>
<thead><tr><th>#</th><th>{{.T.input}}</th><th>{{.T.flagged}}</th><th>{{.T.flags}}</th><th>{{.T.top}}</th></tr></thead>
<tbody>
{{range .Rows}}<tr><td>{{.Index}}</td><td>{{.Input}}{{if .Image}}<br><span class="muted">{{$.T.image}}: {{.Image}}</span>{{end}}</td>{{if .Error}}<td colspan="3" class="err">{{.Error}}</td>{{else}}<td{{if .Flagged}} class="flag"{{end}}>{{if .Flagged}}{{$.T.yes}}{{else}}{{$.T.no}}{{end}}</td><td>{{.Flags}}</td><td>{{.Top}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
<footer>{{.T.footer}}</footer>
</main>
</body>
</html>
`
