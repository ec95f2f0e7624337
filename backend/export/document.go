// Package export renders a Document — the neutral shape of every report the app
// hands out (checklist, privacy draft, usage and moderation reports) — as
// Markdown, self-contained HTML or PDF. Each domain builds a Document; this
// package owns layout and fonts.
package export

import "fmt"

// Document is a printable report: a title block followed by blocks in order.
type Document struct {
	Lang     string  // "en" or "zh-CN": sets the HTML lang and the PDF font
	Title    string  // the document's title
	Subtitle string  // one line under the title, optional
	Meta     []Field // label/value lines under the title (workspace, version, date)
	Blocks   []Block // the body
}

// Field is one label/value pair.
type Field struct {
	Label string
	Value string
}

// Block is one element of a document body. Exactly one of its fields is set.
type Block struct {
	Heading   *Heading
	Paragraph string   // a paragraph of plain text; newlines are kept as line breaks
	List      []string // a bulleted list
	Fields    []Field  // a compact label/value list (status, owner, due ...)
	Table     *Table
	Note      string // a highlighted note or warning paragraph (e.g. "not legal advice")
	PageBreak bool   // start a new page in paged formats
	Chart     *Chart // a bar chart (Markdown shows its values as a table)
}

// Heading is a section title; Level 1 is the largest below the document title.
type Heading struct {
	Level int    // 1..3
	Text  string // the heading text
	Tag   string // optional short badge shown beside the heading (a status)
}

// Table is a grid of plain-text cells.
type Table struct {
	Header []string
	Rows   [][]string
	// Each, when set, yields more rows after Rows, read as the table is
	// written: HTML writes them one at a time (a table of any length in
	// constant memory; each such row has the header's columns), while
	// Markdown and PDF read them all first. Each returns the error that
	// stopped it, or the one yield returned.
	Each func(yield func(row []string) error) error
}

// materialized returns d with every streamed table's rows read into Rows,
// for the renderers that lay out a whole table at once.
func (d Document) materialized() (Document, error) {
	blocks := make([]Block, len(d.Blocks))
	for i, b := range d.Blocks {
		if b.Table != nil && b.Table.Each != nil {
			t := Table{Header: b.Table.Header, Rows: append([][]string(nil), b.Table.Rows...)}
			if err := b.Table.Each(func(row []string) error { t.Rows = append(t.Rows, row); return nil }); err != nil {
				return d, fmt.Errorf("export: reading the rows of a table: %w", err)
			}
			b.Table = &t
		}
		blocks[i] = b
	}
	d.Blocks = blocks
	return d, nil
}

// Chart is a bar chart of non-negative values scaled to the largest: one
// labelled horizontal bar per value, or with Columns one column per value in
// order (a series over time) with the first, middle and last labels under it.
type Chart struct {
	Title   string // what the chart shows: its accessible name and Markdown table header
	Columns bool
	Bars    []Bar
}

// Bar is one value of a chart.
type Bar struct {
	Label string  // the category, or the day of a column
	Value float64 // its size, >= 0
	Text  string  // the value as printed beside the bar
}
