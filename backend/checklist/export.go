package checklist

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"steward/backend/apperr"
	"steward/backend/export"
)

// ExportFormats lists the formats Export writes.
var ExportFormats = []string{"md", "csv", "json", "html", "pdf"}

// ExportFile is the JSON export's shape; Import reads the same shape back.
type ExportFile struct {
	Workspace        string       `json:"workspace"`
	CatalogueVersion string       `json:"catalogue_version"`
	ExportedAt       string       `json:"exported_at"`
	Language         string       `json:"language"`
	Profile          *Profile     `json:"profile,omitempty"`
	Items            []ExportItem `json:"items"`
}

// ExportItem is one item in the JSON export.
type ExportItem struct {
	ID          string           `json:"id"`
	Section     string           `json:"section"`
	Title       string           `json:"title"`
	Status      string           `json:"status"`
	Owner       string           `json:"owner"`
	Due         string           `json:"due"`
	Notes       string           `json:"notes"`
	Reason      string           `json:"reason"`
	SetByWizard bool             `json:"set_by_wizard,omitempty"`
	Evidence    []ExportEvidence `json:"evidence"`
	Sources     []Source         `json:"sources"`
}

// ExportEvidence is one piece of evidence in the JSON export.
type ExportEvidence struct {
	Kind    string `json:"kind"`
	Ref     string `json:"ref"`
	Label   string `json:"label"`
	AddedAt string `json:"added_at"`
}

// ExportOptions adjusts Export.
type ExportOptions struct {
	PDF export.PDFOptions // font choice for PDF
}

// Export writes the workspace in format ("md", "csv", "json", "html", "pdf") and lang.
// It is a function, not a method, so the GUI binding (which exposes every
// method of Service) does not carry io types.
func Export(s *Service, w io.Writer, workspace, format, lang string, opts ExportOptions) error {
	if !slices.Contains(ExportFormats, format) {
		return apperr.New(apperr.FormatUnknown, "checklist.export", "format", format, "valid", strings.Join(ExportFormats, ", "))
	}
	if lang != LangEn && lang != LangZh {
		return apperr.New(apperr.LanguageUnknown, "checklist.export", "lang", lang)
	}
	ws, err := s.Workspace(workspace)
	if err != nil {
		return err
	}
	items, err := s.Items(workspace)
	if err != nil {
		return err
	}
	switch format {
	case "json":
		return s.writeJSON(w, ws, items, lang)
	case "csv":
		return s.writeCSV(w, items, lang)
	}
	prog, err := s.Progress(workspace)
	if err != nil {
		return err
	}
	doc := s.document(ws, items, prog, lang)
	switch format {
	case "md":
		return export.Markdown(w, doc)
	case "html":
		return export.HTML(w, doc)
	default:
		return export.PDF(w, doc, opts.PDF)
	}
}

func (s *Service) writeJSON(w io.Writer, ws Workspace, items []ItemState, lang string) error {
	f := ExportFile{Workspace: ws.Name, CatalogueVersion: s.cat.Version, ExportedAt: s.now().UTC().Format(time.RFC3339),
		Language: lang, Profile: ws.Profile, Items: make([]ExportItem, len(items))}
	for i, it := range items {
		f.Items[i] = ExportItem{ID: it.ID, Section: it.Section, Title: it.Title.In(lang), Status: it.Status,
			Owner: it.Owner, Due: it.Due, Notes: it.Notes, Reason: it.Reason, SetByWizard: it.SetByWizard,
			Evidence: exportEvidence(it.Evidence), Sources: it.Sources}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("write json export: %w", err)
	}
	return nil
}

func exportEvidence(ev []Evidence) []ExportEvidence {
	out := make([]ExportEvidence, len(ev))
	for i, e := range ev {
		out[i] = ExportEvidence{Kind: e.Kind, Ref: e.Ref, Label: e.Label, AddedAt: e.AddedAt}
	}
	return out
}

// writeCSV writes one row per item with a UTF-8 byte order mark, so
// spreadsheet programs read Chinese text correctly.
func (s *Service) writeCSV(w io.Writer, items []ItemState, lang string) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return fmt.Errorf("write csv export: %w", err)
	}
	cw := csv.NewWriter(w)
	header := []string{}
	for _, k := range []string{"id", "section", "item", "status", "owner", "due", "notes", "reason", "evidence", "sources"} {
		header = append(header, label(k, lang))
	}
	cw.Write(header)
	for _, it := range items {
		sec, _ := s.cat.Section(it.Section)
		cw.Write([]string{it.ID, sec.Title.In(lang), it.Title.In(lang), StatusLabel(it.Status, lang), it.Owner, it.Due,
			it.Notes, it.Reason, strings.Join(evidenceLines(it.Evidence), "\n"), strings.Join(sourceLines(it.Sources, lang), "\n")})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv export: %w", err)
	}
	return nil
}

func evidenceLines(ev []Evidence) []string {
	out := make([]string, len(ev))
	for i, e := range ev {
		if e.Kind == EvidenceCheck { // the snapshot is in the JSON export and the audit bundle
			out[i] = e.Label + " (" + e.Kind + ", " + e.AddedAt + ")"
			continue
		}
		out[i] = e.Kind + ": " + e.Ref
		if e.Label != "" {
			out[i] = e.Label + " (" + out[i] + ")"
		}
	}
	return out
}

func sourceLines(src []Source, lang string) []string {
	out := make([]string, len(src))
	for i, s := range src {
		out[i] = s.Label(lang)
	}
	return out
}
