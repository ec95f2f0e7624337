package moderation

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"steward/backend/export"
)

// PDFItemLimit is the most items a PDF report lists: a PDF is for reading
// and printing, and lays out a whole table in memory. Its summary and chart
// still count every item, and a note says where the rest are (JSON, CSV
// and HTML list every item, streamed from the database).
const PDFItemLimit = 1000

// writeReportDocument writes the report as a self-contained HTML page or an
// A4 PDF, both laid out by backend/export from one document. The HTML page
// reads its rows one at a time as it is written; the PDF lists at most
// PDFItemLimit items.
func writeReportDocument(w io.Writer, rep RunReport, format, lang string) error {
	if format == ReportPDF {
		return export.PDF(w, reportDocument(rep, lang, PDFItemLimit), export.PDFOptions{})
	}
	return export.HTML(w, reportDocument(rep, lang, 0))
}

// reportDocument is the report as a printable document: the run's details,
// its counts, a chart of flags per category and a row per item, at most
// limit items (0: every item) with a note when some are left out.
func reportDocument(rep RunReport, lang string, limit int) export.Document {
	t := reportText(lang)
	doc := export.Document{Lang: lang, Title: t["title"], Meta: reportMeta(rep, t, lang)}
	doc.Blocks = []export.Block{
		{Fields: []export.Field{{Label: t["total"], Value: fmt.Sprint(rep.Summary.Total)},
			{Label: t["flagged"], Value: fmt.Sprint(rep.Summary.Flagged)}, {Label: t["errors"], Value: fmt.Sprint(rep.Summary.Errors)}}},
		{Heading: &export.Heading{Level: 1, Text: t["chart"]}},
		{Chart: categoryChart(rep, t, lang)},
		{Heading: &export.Heading{Level: 1, Text: t["items"]}},
	}
	if limit > 0 && rep.Summary.Total > limit {
		doc.Blocks = append(doc.Blocks, export.Block{Note: fmt.Sprintf(t["capped"], limit, rep.Summary.Total)})
	}
	doc.Blocks = append(doc.Blocks, export.Block{Table: itemTable(rep, t, lang, limit)}, export.Block{Paragraph: t["footer"]})
	return doc
}

func reportMeta(rep RunReport, t map[string]string, lang string) []export.Field {
	meta := []export.Field{{Label: t["suite"], Value: rep.Suite}, {Label: t["model"], Value: rep.Model},
		{Label: t["run"], Value: fmt.Sprint(rep.RunID)}, {Label: t["created"], Value: rep.CreatedAt},
		{Label: t["status"], Value: t["status_"+rep.Status]}}
	if len(rep.Thresholds) > 0 {
		var parts []string
		for _, c := range Categories() {
			if th, ok := rep.Thresholds[c]; ok {
				parts = append(parts, fmt.Sprintf("%s ≥ %g", CategoryLabel(c, lang), th))
			}
		}
		meta = append(meta, export.Field{Label: t["thresholds"], Value: strings.Join(parts, ", ")})
	}
	if rep.Error != "" {
		meta = append(meta, export.Field{Label: t["stopped"], Value: rep.Error})
	}
	return meta
}

// categoryChart has one bar per category: the items flagged in it.
func categoryChart(rep RunReport, t map[string]string, lang string) *export.Chart {
	c := &export.Chart{Title: t["chart"]}
	for _, cat := range Categories() {
		n := rep.Summary.PerCategory[cat]
		c.Bars = append(c.Bars, export.Bar{Label: CategoryLabel(cat, lang), Value: float64(n), Text: fmt.Sprint(n)})
	}
	return c
}

// itemTable has a row per item, read from the report as the table is
// written, the first limit items only when limit > 0; an item with no
// answer says why instead of its flags.
func itemTable(rep RunReport, t map[string]string, lang string, limit int) *export.Table {
	tab := &export.Table{Header: []string{"#", t["input"], t["flagged"], t["flags"], t["top"]}}
	tab.Each = func(yield func([]string) error) error {
		n := 0
		err := rep.EachItem(func(it ReportItem) error {
			if limit > 0 && n >= limit {
				return errItemLimit
			}
			n++
			return yield(itemRow(it, t, lang))
		})
		if errors.Is(err, errItemLimit) {
			return nil
		}
		return err
	}
	return tab
}

// errItemLimit stops reading items once a PDF has listed PDFItemLimit.
var errItemLimit = errors.New("moderation: item limit reached")

// itemRow is one item's row of the items table.
func itemRow(it ReportItem, t map[string]string, lang string) []string {
	input := it.Input
	if it.Image != "" {
		input += "\n" + t["image"] + ": " + it.Image
	}
	row := []string{fmt.Sprint(it.Index), input}
	if it.Error != "" {
		row = append(row, t["error"], it.Error, "")
	} else {
		flags, top := itemFlags(it, lang)
		flagged := t["no"]
		if it.Flagged {
			flagged = t["yes"]
		}
		row = append(row, flagged, flags, top)
	}
	return row
}

// itemFlags are an answered item's flagged categories, highest score
// first, and its top category with the score.
func itemFlags(it ReportItem, lang string) (flags, top string) {
	type scored struct {
		c string
		s float64
	}
	var flagged []scored
	best := scored{s: -1}
	for _, c := range Categories() {
		s := it.Scores[c]
		if s == nil {
			continue
		}
		if *s > best.s {
			best = scored{c, *s}
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
	flags = strings.Join(names, ", ")
	if best.c != "" {
		return flags, fmt.Sprintf("%s %.3f", CategoryLabel(best.c, lang), best.s)
	}
	return flags, ""
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
			"capped": "此 PDF 仅列出前 %[1]d 条（共 %[2]d 条）；上方的统计与图表涵盖全部条目。导出 JSON、CSV 或 HTML 可获得全部条目。",
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
		"capped": "This PDF lists the first %[1]d of %[2]d items; the counts and the chart above cover them all. Export JSON, CSV or HTML for every item.",
		"footer": "Made by Steward. Scores come from the OpenAI moderation endpoint; flags follow the suite's thresholds (OpenAI's own where none are set).",
	}
}
