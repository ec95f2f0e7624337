package export

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"iter"
	"strings"
)

// HTML writes d as one self-contained, print-ready HTML page: inline CSS,
// no scripts, no external resources. All document text is escaped by
// html/template.
func HTML(w io.Writer, d Document) error {
	tmpl, err := template.New("doc").Parse(htmlTemplate)
	if err != nil {
		return fmt.Errorf("export: parsing HTML template: %w", err)
	}
	v := newHTMLView(d)
	if err := tmpl.Execute(w, v); err != nil {
		return fmt.Errorf("export: writing HTML: %w", err)
	}
	if err := *v.rowsErr; err != nil {
		return fmt.Errorf("export: reading the rows of a table: %w", err)
	}
	return nil
}

// htmlView is the template's data.
type htmlView struct {
	Lang     string
	Title    string
	Subtitle string
	Meta     []htmlField
	Blocks   []htmlBlock
	CSS      template.CSS
	rowsErr  *error // the error that stopped a streamed table (Table.Each)
}

// htmlField is a label with the lines of its value.
type htmlField struct {
	Label string
	Value []string
}

// htmlBlock is one body block; Kind selects which fields are set.
type htmlBlock struct {
	Kind   string     // heading, paragraph, list, fields, table, note, pagebreak
	Level  int        // heading: 2..4 (h2..h4)
	Text   string     // heading text
	Tag    string     // heading badge
	Tone   string     // the badge's colour family
	Lines  []string   // paragraph and note lines
	Items  [][]string // list items as lines
	Fields []htmlField
	Header [][]string           // table header cells as lines
	Rows   iter.Seq[[][]string] // table rows, cells as lines; read as the template writes them
	SVG    template.HTML        // chart: an inline SVG built with escaped text
}

// newHTMLView prepares d for the template.
func newHTMLView(d Document) htmlView {
	lang := "en"
	if isChineseLang(d.Lang) {
		lang = "zh-CN"
	}
	v := htmlView{
		Lang:     lang,
		Title:    oneLine(d.Title),
		Subtitle: oneLine(d.Subtitle),
		Meta:     htmlFields(d.Meta),
		CSS:      template.CSS(htmlCSS + pageCounterCSS(lang)),
		rowsErr:  new(error),
	}
	for _, b := range d.Blocks {
		if hb, ok := newHTMLBlock(b, v.rowsErr); ok {
			v.Blocks = append(v.Blocks, hb)
		}
	}
	return v
}

func newHTMLBlock(b Block, rowsErr *error) (htmlBlock, bool) {
	switch {
	case b.Heading != nil:
		tag := oneLine(b.Heading.Tag)
		return htmlBlock{Kind: "heading", Level: min(max(b.Heading.Level, 1), 3) + 1,
			Text: oneLine(b.Heading.Text), Tag: tag, Tone: tagTone(tag)}, true
	case b.PageBreak:
		return htmlBlock{Kind: "pagebreak"}, true
	case b.Table != nil:
		return htmlTable(*b.Table, rowsErr)
	case b.Chart != nil:
		return htmlBlock{Kind: "chart", SVG: chartSVG(*b.Chart)}, len(b.Chart.Bars) > 0
	case b.Paragraph != "":
		return htmlBlock{Kind: "paragraph", Lines: textLines(b.Paragraph)}, true
	case len(b.List) > 0:
		hb := htmlBlock{Kind: "list"}
		for _, item := range b.List {
			hb.Items = append(hb.Items, textLines(item))
		}
		return hb, true
	case len(b.Fields) > 0:
		return htmlBlock{Kind: "fields", Fields: htmlFields(b.Fields)}, true
	case b.Note != "":
		return htmlBlock{Kind: "note", Lines: textLines(b.Note)}, true
	}
	return htmlBlock{}, false
}

// htmlTable prepares a table; the rows of a streamed one (t.Each) are read
// as the template writes them, and the error that stops them lands in
// rowsErr.
func htmlTable(t Table, rowsErr *error) (htmlBlock, bool) {
	ncol := len(t.Header)
	for _, row := range t.Rows {
		ncol = max(ncol, len(row))
	}
	if ncol == 0 {
		return htmlBlock{}, false
	}
	cells := func(texts []string) [][]string {
		out := make([][]string, ncol)
		for j := range out {
			if j < len(texts) {
				out[j] = textLines(texts[j])
			}
		}
		return out
	}
	hb := htmlBlock{Kind: "table"}
	if strings.TrimSpace(strings.Join(t.Header, "")) != "" {
		hb.Header = cells(t.Header)
	}
	hb.Rows = func(yield func([][]string) bool) {
		for _, row := range t.Rows {
			if !yield(cells(row)) {
				return
			}
		}
		if t.Each == nil {
			return
		}
		err := t.Each(func(row []string) error {
			if !yield(cells(row)) {
				return errStopRows
			}
			return nil
		})
		if err != nil && !errors.Is(err, errStopRows) && *rowsErr == nil {
			*rowsErr = err
		}
	}
	return hb, true
}

// errStopRows ends a streamed table when the template stops reading it.
var errStopRows = errors.New("export: stop reading rows")

func htmlFields(fs []Field) []htmlField {
	out := make([]htmlField, 0, len(fs))
	for _, f := range fs {
		out = append(out, htmlField{Label: oneLine(f.Label), Value: textLines(f.Value)})
	}
	return out
}

// textLines splits text into lines for <br> separation.
func textLines(s string) []string {
	return strings.Split(strings.TrimSpace(normalizeNewlines(s)), "\n")
}

// pageCounterCSS puts "Page N of M" in the printed page margin, in the
// document's language.
func pageCounterCSS(lang string) string {
	content := `"Page " counter(page) " of " counter(pages)`
	if lang == "zh-CN" {
		content = `"第 " counter(page) " 页，共 " counter(pages) " 页"`
	}
	return "@page{@bottom-right{content:" + content + ";font-size:8pt;color:#626a75}}\n"
}

const htmlTemplate = `<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{if .Title}}{{.Title}}{{else}}Steward{{end}}</title>
<style>
{{.CSS}}</style>
</head>
<body>
<main class="doc">
{{- if or .Title .Subtitle .Meta}}
<header class="doc-header">
{{- if .Title}}
<h1>{{.Title}}</h1>
{{- end}}
{{- if .Subtitle}}
<p class="subtitle">{{.Subtitle}}</p>
{{- end}}
{{- if .Meta}}
<dl class="meta">
{{- range .Meta}}
<dt>{{.Label}}</dt><dd>{{template "lines" .Value}}</dd>
{{- end}}
</dl>
{{- end}}
</header>
{{- end}}
{{- range .Blocks}}
{{template "block" .}}
{{- end}}
</main>
</body>
</html>
{{define "lines"}}{{range $i, $l := .}}{{if $i}}<br>{{end}}{{$l}}{{end}}{{end}}
{{- define "tag"}}{{if .Tag}} <span class="tag tag-{{.Tone}}">{{.Tag}}</span>{{end}}{{end}}
{{- define "block"}}
{{- if eq .Kind "heading"}}
{{- if eq .Level 2}}<h2>{{.Text}}{{template "tag" .}}</h2>
{{- else if eq .Level 3}}<h3>{{.Text}}{{template "tag" .}}</h3>
{{- else}}<h4>{{.Text}}{{template "tag" .}}</h4>{{end}}
{{- else if eq .Kind "paragraph"}}<p>{{template "lines" .Lines}}</p>
{{- else if eq .Kind "list"}}<ul>
{{- range .Items}}
<li>{{template "lines" .}}</li>
{{- end}}
</ul>
{{- else if eq .Kind "fields"}}<dl class="fields">
{{- range .Fields}}
<dt>{{.Label}}</dt><dd>{{template "lines" .Value}}</dd>
{{- end}}
</dl>
{{- else if eq .Kind "table"}}<table>
{{- if .Header}}
<thead><tr>{{range .Header}}<th>{{template "lines" .}}</th>{{end}}</tr></thead>
{{- end}}
<tbody>
{{- range .Rows}}
<tr>{{range .}}<td>{{template "lines" .}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
{{- else if eq .Kind "chart"}}<figure style="margin:6px 0 20px">{{.SVG}}</figure>
{{- else if eq .Kind "note"}}<div class="note" role="note">{{template "lines" .Lines}}</div>
{{- else if eq .Kind "pagebreak"}}<div class="page-break"></div>
{{- end}}
{{- end}}`
