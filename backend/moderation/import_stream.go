package moderation

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// importReader reads an import file a line at a time, so a file of any
// number of prompts is imported in constant memory: it is gunzipped if
// compressed, must be UTF-8 (checked line by line, a byte order mark is
// dropped), must not be empty, and is bounded by maxImportBytes.
type importReader struct {
	br      *bufio.Reader
	file    string
	gz      bool
	line    int   // lines read so far
	n       int64 // bytes read so far, after decompression
	content bool  // a line with more than white space was read
	pending []byte
}

// newImportReader checks how r starts (gzip, UTF-16, a UTF-8 BOM).
func newImportReader(r io.Reader, file string) (*importReader, error) {
	const op = "moderation.import"
	ir := &importReader{br: bufio.NewReaderSize(r, 64<<10), file: file}
	if head, _ := ir.br.Peek(2); len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(ir.br)
		if err != nil {
			return nil, importError(op, file, "is a damaged gzip file.", "是损坏的 gzip 文件。")
		}
		ir.br, ir.gz = bufio.NewReaderSize(zr, 64<<10), true
	}
	head, _ := ir.br.Peek(3)
	if bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}) {
		return nil, importError(op, file, "is UTF-16 text. Save it as UTF-8 and import it again.",
			"是 UTF-16 编码的文本。请另存为 UTF-8 后重新导入。")
	}
	if bytes.HasPrefix(head, []byte("\xef\xbb\xbf")) {
		ir.br.Discard(3)
	}
	return ir, nil
}

// peek returns the start of the rest of the file, for telling formats apart.
func (ir *importReader) peek() []byte {
	b, _ := ir.br.Peek(4096)
	return b
}

// rawLine returns the next line with its line break; io.EOF at the end.
func (ir *importReader) rawLine() ([]byte, error) {
	const op = "moderation.import"
	b, err := ir.br.ReadBytes('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		if ir.gz {
			return nil, importError(op, ir.file, "is a damaged gzip file.", "是损坏的 gzip 文件。")
		}
		return nil, fmt.Errorf("read %s: %w", ir.file, err)
	}
	if len(b) == 0 {
		if !ir.content {
			return nil, importError(op, ir.file, "is empty.", "是空文件。")
		}
		return nil, io.EOF
	}
	ir.line++
	if ir.n += int64(len(b)); ir.n > maxImportBytes {
		return nil, importError(op, ir.file, "is larger than 64 MB.", "超过 64 MB。")
	}
	if !utf8.Valid(b) {
		return nil, importError(op, ir.file,
			fmt.Sprintf("is not UTF-8 text (line %d). Save it as UTF-8 and import it again.", ir.line),
			fmt.Sprintf("不是 UTF-8 编码的文本（第 %d 行）。请另存为 UTF-8 后重新导入。", ir.line))
	}
	if !ir.content && len(bytes.TrimSpace(b)) > 0 {
		ir.content = true
	}
	return b, nil
}

// next returns the next line without its "\n" or "\r\n"; io.EOF at the end.
func (ir *importReader) next() (string, error) {
	b, err := ir.rawLine()
	if err != nil {
		return "", err
	}
	b = bytes.TrimSuffix(b, []byte("\n"))
	return string(bytes.TrimSuffix(b, []byte("\r"))), nil
}

// Read serves the checked lines to a CSV reader.
func (ir *importReader) Read(p []byte) (int, error) {
	for len(ir.pending) == 0 {
		b, err := ir.rawLine()
		if err != nil {
			return 0, err
		}
		ir.pending = b
	}
	n := copy(p, ir.pending)
	ir.pending = ir.pending[n:]
	return n, nil
}

// streamImport reads a suite file row by row, handing each item to emit
// as it is read and listing the rows it skipped. A file that cannot be
// read, or has no row that can be, is an error: the caller's transaction
// then keeps nothing of it.
func streamImport(r io.Reader, file string, opts ImportOptions, emit func(ItemInput) error) (int, []RowError, error) {
	ir, err := newImportReader(r, file)
	if err != nil {
		return 0, nil, err
	}
	head := ir.peek()
	if len(head) < 4096 && len(bytes.TrimSpace(head)) == 0 {
		return 0, nil, importError("moderation.import", file, "is empty.", "是空文件。")
	}
	format, err := formatOf(opts.Format, file, head)
	if err != nil {
		return 0, nil, err
	}
	p := &parsed{emit: emit}
	switch format {
	case FormatTXT:
		err = parseTXT(ir, p)
	case FormatCSV:
		err = parseCSV(ir, file, opts, p)
	case FormatJSONL:
		err = parseJSONL(ir, opts, p)
	}
	if err == nil {
		err = p.err
	}
	if err != nil {
		return 0, nil, err
	}
	if p.n == 0 {
		return 0, p.skipped, nothingImported(file, p.skipped)
	}
	return p.n, p.skipped, nil
}
