package moderation

import (
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"steward/backend/apperr"
	"steward/backend/export"
)

// WriteSuite writes items in format: txt (text only, one line each; line
// breaks inside a prompt become spaces, image-only items are left out),
// csv or jsonl (text, image and labels, read back by ParseImport).
func WriteSuite(w io.Writer, items []Item, format string) error {
	switch format {
	case FormatTXT:
		return writeSuiteTXT(w, items)
	case FormatCSV:
		return writeSuiteCSV(w, items)
	case FormatJSONL:
		return writeSuiteJSONL(w, items)
	}
	return errFormat("moderation.export_suite", format, SuiteFormats())
}

// ExportSuite writes a suite to the file at path. An empty format is taken
// from the extension; a path ending in .gz is gzipped.
func (s *Service) ExportSuite(suiteID int64, path, format string) error {
	items, err := s.Items(suiteID)
	if err != nil {
		return err
	}
	if format == "" {
		format = strings.TrimPrefix(filepath.Ext(strings.TrimSuffix(path, ".gz")), ".")
	}
	if err := WriteSuite(io.Discard, nil, format); err != nil {
		return err
	}
	return export.WriteFile(path, func(w io.Writer) error {
		if !strings.HasSuffix(path, ".gz") {
			return WriteSuite(w, items, format)
		}
		zw := gzip.NewWriter(w)
		if err := WriteSuite(zw, items, format); err != nil {
			return err
		}
		return zw.Close()
	})
}

func writeSuiteTXT(w io.Writer, items []Item) error {
	for _, it := range items {
		text := strings.Join(strings.Fields(it.Text), " ")
		if text == "" {
			continue
		}
		if _, err := fmt.Fprintln(w, text); err != nil {
			return err
		}
	}
	return nil
}

func writeSuiteCSV(w io.Writer, items []Item) error {
	hasImage, hasLabels := false, false
	for _, it := range items {
		hasImage = hasImage || it.ImagePath != ""
		hasLabels = hasLabels || len(it.Expected) > 0
	}
	header := []string{"prompt"}
	if hasImage {
		header = append(header, "image")
	}
	if hasLabels {
		header = append(header, Categories()...)
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, it := range items {
		rec := []string{it.Text}
		if hasImage {
			rec = append(rec, it.ImagePath)
		}
		if hasLabels {
			for _, c := range Categories() {
				rec = append(rec, labelText(it.Expected, c))
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// labelText writes an expected label as 1, 0 or empty for unknown.
func labelText(l Labels, category string) string {
	v, ok := l[category]
	switch {
	case !ok:
		return ""
	case v:
		return "1"
	}
	return "0"
}

// suiteLine is one line of a JSONL suite file.
type suiteLine struct {
	Prompt string `json:"prompt"`
	Image  string `json:"image,omitempty"`
	Labels Labels `json:"labels,omitempty"`
}

func writeSuiteJSONL(w io.Writer, items []Item) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, it := range items {
		if err := enc.Encode(suiteLine{Prompt: it.Text, Image: it.ImagePath, Labels: it.Expected}); err != nil {
			return err
		}
	}
	return nil
}

// errFormat says format is not one of valid.
func errFormat(op, format string, valid []string) error {
	return apperr.New(apperr.FormatUnknown, op, "format", format, "valid", strings.Join(valid, ", "))
}
