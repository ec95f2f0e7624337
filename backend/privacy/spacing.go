package privacy

import (
	"strings"
	"unicode"

	"steward/backend/export"
)

// spaceMixed puts one space between Chinese characters and Latin letters or
// digits next to them, the spacing the catalogue and the UI use, so that a
// draft reads the same whether a phrase came from a template or an answer.
func spaceMixed(s string) string {
	var out strings.Builder
	var prev rune
	for i, r := range s {
		if i > 0 && (isHan(prev) && isLatin(r) || (isLatin(prev) || prev == '.' || prev == '%') && isHan(r)) {
			out.WriteByte(' ')
		}
		out.WriteRune(r)
		prev = r
	}
	return out.String()
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func isLatin(r rune) bool { return r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// spaceDocument applies spaceMixed to every text of a Chinese draft.
func spaceDocument(d *export.Document) {
	d.Title, d.Subtitle = spaceMixed(d.Title), spaceMixed(d.Subtitle)
	spaceFields(d.Meta)
	for i := range d.Blocks {
		bl := &d.Blocks[i]
		if bl.Heading != nil {
			bl.Heading.Text = spaceMixed(bl.Heading.Text)
		}
		bl.Paragraph, bl.Note = spaceMixed(bl.Paragraph), spaceMixed(bl.Note)
		for j := range bl.List {
			bl.List[j] = spaceMixed(bl.List[j])
		}
		spaceFields(bl.Fields)
		if bl.Table != nil {
			for j := range bl.Table.Header {
				bl.Table.Header[j] = spaceMixed(bl.Table.Header[j])
			}
			for _, row := range bl.Table.Rows {
				for j := range row {
					row[j] = spaceMixed(row[j])
				}
			}
		}
	}
}

func spaceFields(fs []export.Field) {
	for i := range fs {
		fs[i].Label, fs[i].Value = spaceMixed(fs[i].Label), spaceMixed(fs[i].Value)
	}
}
