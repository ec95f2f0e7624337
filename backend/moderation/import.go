package moderation

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"steward/backend/apperr"
)

// ImportOptions says how to read an import file.
type ImportOptions struct {
	// Format is txt, csv or jsonl; empty picks it from the file name
	// (".gz" is looked through) or, failing that, from the content.
	Format string `json:"format"`
	// Column is the CSV column holding the prompt; empty finds one named
	// prompt, text or input.
	Column string `json:"column"`
	// BaseDir resolves relative image paths; empty means the file's
	// folder.
	BaseDir string `json:"base_dir"`
}

// RowError is a row an import skipped, and why.
type RowError struct {
	Line     int    `json:"line"` // 1-based line in the file where the row starts
	Reason   string `json:"reason"`
	ReasonZh string `json:"reason_zh"`
}

// ImportResult says what an import added: the rows it could not read are
// listed, and everything else is imported.
type ImportResult struct {
	SuiteID  int64      `json:"suite_id"`
	Imported int        `json:"imported"`
	Skipped  []RowError `json:"skipped"`
}

// parsed is what a streamed import produced: the items go to emit as
// they are read; the skipped rows are listed.
type parsed struct {
	emit    func(ItemInput) error
	n       int // items emit took
	skipped []RowError
	err     error // emit's error, which stops the import
}

// add hands an item to emit.
func (p *parsed) add(in ItemInput) {
	if p.err != nil {
		return
	}
	if p.err = p.emit(in); p.err == nil {
		p.n++
	}
}

// rowError builds a RowError in both languages.
func rowError(line int, en, zh string) RowError {
	return RowError{Line: line, Reason: en, ReasonZh: zh}
}

// ParseImport reads a suite file (txt, csv or jsonl, optionally gzipped)
// into items, listing the rows it skipped. A file that cannot be read at
// all, or has no row that can be, is an error and yields nothing.
func ParseImport(r io.Reader, file string, opts ImportOptions) ([]ItemInput, []RowError, error) {
	if opts.BaseDir == "" {
		opts.BaseDir = filepath.Dir(file)
	}
	var items []ItemInput
	_, skipped, err := streamImport(r, file, opts, func(in ItemInput) error {
		items = append(items, in)
		return nil
	})
	if err != nil {
		return nil, skipped, err
	}
	return items, skipped, nil
}

// nothingImported explains a file none of whose rows could be imported.
func nothingImported(file string, skipped []RowError) error {
	const op = "moderation.import"
	if len(skipped) == 0 {
		return importError(op, file, "has no prompts.", "中没有提示词。")
	}
	first := skipped[0]
	return importError(op, file,
		fmt.Sprintf("no row could be read (line %d: %s).", first.Line, first.Reason),
		fmt.Sprintf("没有可读取的行（第 %d 行：%s）。", first.Line, first.ReasonZh))
}

// parseTXT reads one prompt per line, skipping blank lines.
func parseTXT(ir *importReader, p *parsed) error {
	for p.err == nil {
		l, err := ir.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if strings.TrimSpace(l) == "" {
			continue
		}
		p.add(ItemInput{Text: strings.TrimSpace(l), Expected: Labels{}})
	}
	return nil
}

// row is one record of a CSV or JSONL file on its way to an item.
type row struct {
	line   int
	text   string
	image  string
	labels Labels
	// problem, if set, is why the row cannot be imported.
	problem *RowError
}

// finish checks a row and turns it into an item or a RowError.
func (r row) finish(p *parsed, baseDir string) {
	if r.problem != nil {
		p.skipped = append(p.skipped, *r.problem)
		return
	}
	if strings.TrimSpace(r.text) == "" && strings.TrimSpace(r.image) == "" {
		p.skipped = append(p.skipped, rowError(r.line, "the row has no prompt text and no image", "该行既没有提示词文本也没有图片"))
		return
	}
	in := ItemInput{Text: r.text, Expected: r.labels}
	if in.Expected == nil {
		in.Expected = Labels{}
	}
	if img := strings.TrimSpace(r.image); img != "" {
		if !filepath.IsAbs(img) {
			img = filepath.Join(baseDir, img)
		}
		abs, err := checkImage("moderation.import", img)
		if err != nil {
			_, en := apperr.Describe(err, "en")
			_, zh := apperr.Describe(err, "zh-CN")
			p.skipped = append(p.skipped, rowError(r.line, en, zh))
			return
		}
		in.ImagePath = abs
	}
	p.add(in)
}

// labelValue reads an expected label as written in a file: 1/0,
// true/false, yes/no; empty (or null) is unknown.
func labelValue(s string) (value, known, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return false, false, true
	case "1", "true", "yes", "y", "1.0":
		return true, true, true
	case "0", "false", "no", "n", "0.0":
		return false, true, true
	}
	return false, false, false
}

// badLabel is the RowError for a label value that is not a yes or no.
func badLabel(line int, category, value string) RowError {
	return rowError(line,
		fmt.Sprintf("the label %s is %q; use 1 or 0, true or false, or leave it empty", category, value),
		fmt.Sprintf("标签 %s 的值为“%s”；请使用 1 或 0、true 或 false，或留空", category, value))
}
