package checklist

import (
	"fmt"
	"strconv"
	"time"

	"steward/backend/export"
)

// document lays the workspace out as a printable report: a progress table,
// then each section's items with their answer, evidence and sources.
func (s *Service) document(ws Workspace, items []ItemState, prog Progress, lang string) export.Document {
	doc := export.Document{
		Lang:     lang,
		Title:    label("title", lang) + " — " + ws.Name,
		Subtitle: label("disclaimer", lang),
		Meta: []export.Field{
			{Label: label("workspace", lang), Value: ws.Name},
			{Label: label("catalogue", lang), Value: s.cat.Version + " (" + s.cat.Date + ")"},
			{Label: label("exported", lang), Value: s.now().Format(time.DateTime)},
		},
	}
	doc.Blocks = append(doc.Blocks, export.Block{Heading: &export.Heading{Level: 1, Text: label("progress", lang)}})
	doc.Blocks = append(doc.Blocks, export.Block{Table: progressTable(prog, lang)})
	for _, sec := range s.cat.Sections {
		doc.Blocks = append(doc.Blocks, export.Block{Heading: &export.Heading{Level: 1, Text: sec.Title.In(lang)}})
		for _, it := range items {
			if it.Section == sec.ID {
				doc.Blocks = append(doc.Blocks, itemBlocks(it, lang)...)
			}
		}
	}
	return doc
}

func progressTable(p Progress, lang string) *export.Table {
	t := &export.Table{Header: []string{label("section", lang), label("done", lang), label("applicable", lang), label("percent", lang)}}
	row := func(sp SectionProgress, name string) []string {
		return []string{name, strconv.Itoa(sp.Done), strconv.Itoa(sp.Total - sp.NotApplicable), strconv.Itoa(sp.Percent) + "%"}
	}
	for _, sp := range p.Sections {
		t.Rows = append(t.Rows, row(sp, sp.Title.In(lang)))
	}
	t.Rows = append(t.Rows, row(p.Overall, label("overall", lang)))
	return t
}

func itemBlocks(it ItemState, lang string) []export.Block {
	due := it.Due
	if it.Overdue {
		due += " (" + label("overdue", lang) + ")"
	}
	fields := []export.Field{
		{Label: label("status", lang), Value: StatusLabel(it.Status, lang)},
		{Label: label("owner", lang), Value: orDash(it.Owner, lang)},
		{Label: label("due", lang), Value: orDash(due, lang)},
	}
	if it.Reason != "" {
		fields = append(fields, export.Field{Label: label("reason", lang), Value: it.Reason})
	}
	blocks := []export.Block{
		{Heading: &export.Heading{Level: 2, Text: fmt.Sprintf("%s  %s", it.ID, it.Title.In(lang)), Tag: StatusLabel(it.Status, lang)}},
		{Fields: fields},
		{Paragraph: it.Why.In(lang)},
	}
	if it.Notes != "" {
		blocks = append(blocks, export.Block{Heading: &export.Heading{Level: 3, Text: label("notes", lang)}}, export.Block{Paragraph: it.Notes})
	}
	if len(it.Evidence) > 0 {
		blocks = append(blocks, export.Block{Heading: &export.Heading{Level: 3, Text: label("evidence", lang)}}, export.Block{List: evidenceLines(it.Evidence)})
	}
	blocks = append(blocks, export.Block{Heading: &export.Heading{Level: 3, Text: label("sources", lang)}}, export.Block{List: sourceLines(it.Sources, lang)})
	return blocks
}

func orDash(v, lang string) string {
	if v == "" {
		return label("none", lang)
	}
	return v
}
