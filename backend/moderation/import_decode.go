package moderation

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
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
