package usage

import (
	"fmt"
	"io"
	"sort"

	"steward/backend/export"
)

// chartTopN is how many groups the bar chart of a non-daily report shows.
const chartTopN = 15

// writeDocument writes the report as a self-contained HTML page or an A4
// PDF, both laid out by backend/export from one document.
func writeDocument(w io.Writer, rep Report, format, lang string) error {
	doc := reportDocument(rep, lang)
	if format == FormatPDF {
		return export.PDF(w, doc, export.PDFOptions{})
	}
	return export.HTML(w, doc)
}

// reportDocument is the report as a printable document: the period, the
// totals, a chart and the table with a totals row.
func reportDocument(rep Report, lang string) export.Document {
	words := reportWords(lang)
	doc := export.Document{Lang: lang, Title: words["title"], Meta: []export.Field{
		{Label: words["period"], Value: periodText(rep.Since, rep.Until, words)},
		{Label: words["by"], Value: words[rep.By]}, {Label: words["source"], Value: sourceText(rep.Source, words)}}}
	t := rep.Totals
	doc.Blocks = append(doc.Blocks, export.Block{Fields: []export.Field{
		{Label: words["requests"], Value: num(t.Requests)}, {Label: words["input"], Value: num(t.InputTokens)},
		{Label: words["output"], Value: num(t.OutputTokens)}, {Label: words["errors"], Value: num(t.Errors)},
		{Label: words["rate_limited"], Value: num(t.RateLimited)}, {Label: words["cost"], Value: "$" + usd(t.CostUSD)}}})
	if len(rep.Rows) == 0 {
		doc.Blocks = append(doc.Blocks, export.Block{Paragraph: words["empty"]})
	} else {
		chart := reportChart(rep, words)
		doc.Blocks = append(doc.Blocks, export.Block{Heading: &export.Heading{Level: 1, Text: chart.Title}},
			export.Block{Chart: chart}, export.Block{Table: reportTable(rep, words)})
	}
	doc.Blocks = append(doc.Blocks, export.Block{Paragraph: words["footer"]})
	return doc
}

// reportTable has a row per group and the totals last.
func reportTable(rep Report, words map[string]string) *export.Table {
	tab := &export.Table{Header: []string{words[rep.By]}}
	for _, c := range tableColumns() {
		tab.Header = append(tab.Header, words[c.word])
	}
	cells := func(name string, t Totals) []string {
		out := []string{name}
		for _, c := range tableColumns() {
			out = append(out, c.cell(t))
		}
		return out
	}
	for _, r := range rep.Rows {
		tab.Rows = append(tab.Rows, cells(groupName(rep.By, r, words), r.Totals))
	}
	tab.Rows = append(tab.Rows, cells(words["total"], rep.Totals))
	return tab
}

// reportChart shows requests per day as columns in order, or requests per
// group as bars for the busiest groups.
func reportChart(rep Report, words map[string]string) *export.Chart {
	if rep.By == ByDay {
		c := &export.Chart{Title: words["chart_day"], Columns: true}
		for _, r := range rep.Rows {
			c.Bars = append(c.Bars, export.Bar{Label: r.Group, Value: float64(r.Requests), Text: num(r.Requests)})
		}
		return c
	}
	rows := append([]ReportRow(nil), rep.Rows...)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Requests > rows[j].Requests })
	rows = rows[:min(len(rows), chartTopN)]
	c := &export.Chart{Title: fmt.Sprintf(words["chart_group"], len(rows))}
	for _, r := range rows {
		c.Bars = append(c.Bars, export.Bar{Label: groupName(rep.By, r, words), Value: float64(r.Requests), Text: num(r.Requests)})
	}
	return c
}
