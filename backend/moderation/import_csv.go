package moderation

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"steward/backend/apperr"
)

// csvLayout is where a CSV file keeps what an item needs.
type csvLayout struct {
	prompt int
	image  int // -1 if none
	labels []labelColumn
}

// labelColumn is a column holding expected labels for a category.
type labelColumn struct {
	col      int
	category string
}

// parseCSV reads a CSV file with a header row. Quoted fields may span
// lines; rows are numbered by the line they start on.
func parseCSV(ir *importReader, file string, opts ImportOptions, p *parsed) error {
	r := newCSVReader(ir)
	header, err := r.Read()
	if err != nil {
		if apperr.CodeOf(err) == CodeImportInvalid {
			return err
		}
		return importError("moderation.import", file,
			"does not start with a CSV header row.", "开头不是 CSV 表头行。")
	}
	layout, err := layoutOf(header, file, opts.Column)
	if err != nil {
		return err
	}
	for p.err == nil {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			p.skipped = append(p.skipped, rowError(pe.StartLine,
				"the row is not valid CSV ("+pe.Err.Error()+")", "该行不是有效的 CSV（"+pe.Err.Error()+"）"))
			continue
		}
		if err != nil {
			if apperr.CodeOf(err) == CodeImportInvalid {
				return err
			}
			return fmt.Errorf("read %s: %w", file, err)
		}
		line, _ := r.FieldPos(0)
		layout.row(rec, line).finish(p, opts.BaseDir)
	}
	return nil
}

func newCSVReader(in io.Reader) *csv.Reader {
	r := csv.NewReader(in)
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	return r
}

// CSVHeader returns a CSV file's column names, so the user can pick the
// prompt column.
func CSVHeader(r io.Reader, file string) ([]string, error) {
	ir, err := newImportReader(r, file)
	if err != nil {
		return nil, err
	}
	header, err := newCSVReader(ir).Read()
	if apperr.CodeOf(err) == CodeImportInvalid {
		return nil, err
	}
	if err != nil {
		return nil, importError("moderation.import", file,
			"does not start with a CSV header row.", "开头不是 CSV 表头行。")
	}
	for i, h := range header {
		header[i] = strings.TrimSpace(h)
	}
	return header, nil
}

// layoutOf finds the prompt, image and label columns in a header.
func layoutOf(header []string, file, column string) (csvLayout, error) {
	l := csvLayout{prompt: -1, image: -1}
	find := func(names ...string) int {
		for _, n := range names {
			for i, h := range header {
				if strings.EqualFold(strings.TrimSpace(h), n) {
					return i
				}
			}
		}
		return -1
	}
	if column != "" {
		l.prompt = find(column)
	} else {
		l.prompt = find("prompt", "text", "input")
	}
	if l.prompt < 0 {
		return l, noPromptColumn(header, file, column)
	}
	l.image = find("image", "image_path")
	for i, h := range header {
		if c, ok := categoryFromLabel(h); ok && i != l.prompt && i != l.image {
			l.labels = append(l.labels, labelColumn{i, c})
		}
	}
	return l, nil
}

// noPromptColumn explains a CSV file without a usable prompt column.
func noPromptColumn(header []string, file, column string) error {
	cols := make([]string, len(header))
	for i, h := range header {
		cols[i] = fmt.Sprintf("%q", strings.TrimSpace(h))
	}
	found := strings.Join(cols, ", ")
	if column != "" {
		return importError("moderation.import", file,
			fmt.Sprintf("has no column named %q (its columns are %s).", column, found),
			fmt.Sprintf("没有名为“%s”的列（现有列：%s）。", column, found))
	}
	return importError("moderation.import", file,
		fmt.Sprintf("has no column named prompt, text or input (its columns are %s). Pick the column that holds the prompts.", found),
		fmt.Sprintf("没有名为 prompt、text 或 input 的列（现有列：%s）。请选择包含提示词的列。", found))
}

// row reads one record.
func (l csvLayout) row(rec []string, line int) row {
	cell := func(i int) string {
		if i < 0 || i >= len(rec) {
			return ""
		}
		return rec[i]
	}
	r := row{line: line, text: strings.TrimSpace(cell(l.prompt)), image: cell(l.image), labels: Labels{}}
	for _, lc := range l.labels {
		v, known, ok := labelValue(cell(lc.col))
		if !ok {
			e := badLabel(line, lc.category, cell(lc.col))
			r.problem = &e
			return r
		}
		if known {
			r.labels[lc.category] = v
		}
	}
	return r
}
