package moderation

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// maxImportBytes bounds an import file, after decompression.
const maxImportBytes = 64 << 20

// Suite file formats.
const (
	FormatTXT   = "txt"   // one prompt per line
	FormatCSV   = "csv"   // a header row; a prompt column, optional image and label columns
	FormatJSONL = "jsonl" // one JSON object per line
)

// SuiteFormats lists the formats suites import from and export to.
func SuiteFormats() []string { return []string{FormatTXT, FormatCSV, FormatJSONL} }

// decodeImport reads a whole import file: it is gunzipped if compressed,
// must be UTF-8 (a byte order mark is dropped), and must not be empty.
func decodeImport(r io.Reader, file string) ([]byte, error) {
	const op = "moderation.import"
	b, err := io.ReadAll(io.LimitReader(r, maxImportBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", file, err)
	}
	if len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b {
		if b, err = gunzip(b); err != nil {
			return nil, importError(op, file, "is a damaged gzip file.", "是损坏的 gzip 文件。")
		}
	}
	if len(b) > maxImportBytes {
		return nil, importError(op, file, "is larger than 64 MB.", "超过 64 MB。")
	}
	if bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		return nil, importError(op, file, "is UTF-16 text. Save it as UTF-8 and import it again.",
			"是 UTF-16 编码的文本。请另存为 UTF-8 后重新导入。")
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, importError(op, file, "is empty.", "是空文件。")
	}
	if !utf8.Valid(b) {
		line := lineOfInvalidUTF8(b)
		return nil, importError(op, file,
			fmt.Sprintf("is not UTF-8 text (line %d). Save it as UTF-8 and import it again.", line),
			fmt.Sprintf("不是 UTF-8 编码的文本（第 %d 行）。请另存为 UTF-8 后重新导入。", line))
	}
	return b, nil
}

// gunzip decompresses b, up to the import limit (plus one byte to tell
// that the limit was passed).
func gunzip(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(io.LimitReader(zr, maxImportBytes+1))
}

// lineOfInvalidUTF8 is the 1-based line of the first byte that is not
// valid UTF-8.
func lineOfInvalidUTF8(b []byte) int {
	off := 0
	for off < len(b) {
		r, size := utf8.DecodeRune(b[off:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		off += size
	}
	return bytes.Count(b[:off], []byte("\n")) + 1
}

// formatOf picks a file's format: the one asked for, else its extension
// (after any .gz), else a JSON object on the first line means JSONL and
// anything else plain text.
func formatOf(asked, file string, b []byte) (string, error) {
	if asked != "" {
		asked = strings.ToLower(strings.TrimPrefix(asked, "."))
		switch asked {
		case FormatTXT, FormatCSV, FormatJSONL:
			return asked, nil
		case "ndjson":
			return FormatJSONL, nil
		}
		return "", importError("moderation.import", file,
			fmt.Sprintf("%q is not an import format. Use txt, csv or jsonl.", asked),
			fmt.Sprintf("“%s”不是支持的导入格式。可用：txt、csv 或 jsonl。", asked))
	}
	switch strings.ToLower(filepath.Ext(strings.TrimSuffix(strings.ToLower(file), ".gz"))) {
	case ".txt", ".text":
		return FormatTXT, nil
	case ".csv":
		return FormatCSV, nil
	case ".jsonl", ".ndjson", ".json":
		return FormatJSONL, nil
	}
	if bytes.HasPrefix(bytes.TrimSpace(b), []byte("{")) {
		return FormatJSONL, nil
	}
	return FormatTXT, nil
}

// lines splits b into lines without their "\n" or "\r\n".
func lines(b []byte) []string {
	out := strings.Split(string(b), "\n")
	for i, l := range out {
		out[i] = strings.TrimSuffix(l, "\r")
	}
	return out
}
