package usage

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"steward/backend/apperr"
)

// Report formats.
const (
	FormatTable = "table"
	FormatCSV   = "csv"
	FormatJSON  = "json"
	FormatHTML  = "html"
	FormatPDF   = "pdf"
)

// ReportFormats lists the formats WriteReport writes.
func ReportFormats() []string {
	return []string{FormatTable, FormatCSV, FormatJSON, FormatHTML, FormatPDF}
}

// WriteReport writes rep in format: an aligned text table, CSV (one row
// per group, machine column names), the JSON {"rows", "totals"} shape, a
// self-contained HTML page with an inline SVG chart, or an A4 PDF. lang (en
// or zh-CN) sets the wording of the table, HTML and PDF.
func WriteReport(w io.Writer, rep Report, format, lang string) error {
	const op = "usage.write_report"
	if lang == "" {
		lang = LangEn
	}
	if lang != LangEn && lang != LangZh {
		return apperr.New(apperr.LanguageUnknown, op, "lang", lang)
	}
	var err error
	switch format {
	case FormatTable, "":
		err = writeTable(w, rep, lang)
	case FormatCSV:
		err = writeCSV(w, rep)
	case FormatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		err = enc.Encode(rep)
	case FormatHTML, FormatPDF:
		err = writeDocument(w, rep, format, lang)
	default:
		return apperr.New(apperr.FormatUnknown, op, "format", format, "valid", strings.Join(ReportFormats(), ", "))
	}
	if err != nil {
		return fmt.Errorf("write %s report: %w", format, err)
	}
	return nil
}

// tableColumn is a column of the table after the group, with its cells.
type tableColumn struct {
	word string
	cell func(Totals) string
}

// tableColumns are the text and HTML tables' columns after the group.
func tableColumns() []tableColumn {
	return []tableColumn{
		{"requests", func(t Totals) string { return num(t.Requests) }},
		{"input", func(t Totals) string { return num(t.InputTokens) }},
		{"cached", func(t Totals) string { return num(t.CachedTokens) }},
		{"output", func(t Totals) string { return num(t.OutputTokens) }},
		{"errors", func(t Totals) string { return num(t.Errors) }},
		{"rate_limited", func(t Totals) string { return num(t.RateLimited) }},
		{"cost", func(t Totals) string { return usd(t.CostUSD) }},
	}
}

// writeTable writes a heading line and aligned columns, totals last.
func writeTable(w io.Writer, rep Report, lang string) error {
	words := reportWords(lang)
	lines := [][]string{{words[rep.By]}}
	for _, c := range tableColumns() {
		lines[0] = append(lines[0], words[c.word])
	}
	row := func(name string, t Totals) {
		line := []string{name}
		for _, c := range tableColumns() {
			line = append(line, c.cell(t))
		}
		lines = append(lines, line)
	}
	for _, r := range rep.Rows {
		row(groupName(rep.By, r, words), r.Totals)
	}
	row(words["total"], rep.Totals)
	widths := make([]int, len(lines[0]))
	for _, l := range lines {
		for i, cell := range l {
			widths[i] = max(widths[i], displayWidth(cell))
		}
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s · %s%s%s · %s%s%s\n\n", words["title"], words["period"], words["colon"],
		periodText(rep.Since, rep.Until, words), words["source"], words["colon"], sourceText(rep.Source, words))
	for n, l := range lines {
		if n == len(lines)-1 {
			writeRule(bw, widths)
		}
		for i, cell := range l {
			if i > 0 {
				bw.WriteString("  ")
			}
			s := pad(cell, widths[i], i > 0)
			if i == len(l)-1 {
				s = strings.TrimRight(s, " ")
			}
			bw.WriteString(s)
		}
		bw.WriteByte('\n')
		if n == 0 {
			writeRule(bw, widths)
		}
	}
	return bw.Flush()
}

func writeRule(w *bufio.Writer, widths []int) {
	total := 0
	for _, n := range widths {
		total += n
	}
	w.WriteString(strings.Repeat("-", total+2*(len(widths)-1)) + "\n")
}

// writeCSV writes one row per group; the first column is named after the
// grouping, and reports by key carry the key's label.
func writeCSV(w io.Writer, rep Report) error {
	header := []string{rep.By}
	if rep.By == ByKey {
		header = append(header, "label")
	}
	header = append(header, "requests", "input_tokens", "cached_tokens", "output_tokens", "reasoning_tokens",
		"errors", "rate_limited", "requests_without_usage", "cost_usd")
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, r := range rep.Rows {
		rec := []string{csvSafe(r.Group)}
		if rep.By == ByKey {
			rec = append(rec, csvSafe(r.Label))
		}
		t := r.Totals
		for _, n := range []int64{t.Requests, t.InputTokens, t.CachedTokens, t.OutputTokens, t.ReasoningTokens,
			t.Errors, t.RateLimited, t.RequestsWithoutUsage} {
			rec = append(rec, strconv.FormatInt(n, 10))
		}
		rec = append(rec, strconv.FormatFloat(t.CostUSD, 'f', -1, 64))
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe keeps a spreadsheet from reading a cell as a formula: members
// and models come from outside and may start with =, +, - or @.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
