package moderation

import (
	"io"
	"path/filepath"
	"strings"

	"steward/backend/apperr"
	"steward/backend/export"
	"steward/backend/secret"
)

// Report formats.
const (
	ReportJSON = "json"
	ReportCSV  = "csv"
	ReportHTML = "html"
	ReportPDF  = "pdf"
)

// ReportFormats lists the formats WriteReport writes.
func ReportFormats() []string { return []string{ReportJSON, ReportCSV, ReportHTML, ReportPDF} }

// RunReport is a run's results for export and for the CLI. Its JSON form
// is the documented export shape; the fields without JSON names are for
// the HTML report and the CLI.
type RunReport struct {
	RunID   int64         `json:"run_id"`
	Model   string        `json:"model"`
	Items   []ReportItem  `json:"items"`
	Summary ReportSummary `json:"summary"`

	Suite      string     `json:"-"`
	Status     string     `json:"-"`
	CreatedAt  string     `json:"-"`
	Thresholds Thresholds `json:"-"` // the suite's custom thresholds the flags reflect
	Error      string     `json:"-"` // why the run stopped, if it did not complete
	ErrorZh    string     `json:"-"`
	Skipped    []RowError `json:"-"` // rows of the imported file that were skipped (RunFile)

	// stream, when set, reads the items from the database one at a time
	// instead of Items (streamReport), so a report of any size is written
	// in constant memory.
	stream func(fn func(ReportItem) error) error
}

// EachItem calls fn with every item of the report in order, read from the
// database one at a time for a streamed report.
func (rep RunReport) EachItem(fn func(ReportItem) error) error {
	if rep.stream != nil {
		return rep.stream(fn)
	}
	for _, it := range rep.Items {
		if err := fn(it); err != nil {
			return err
		}
	}
	return nil
}

// Streamed reports whether the items are read as the report is written.
func (rep RunReport) Streamed() bool { return rep.stream != nil }

// ReportItem is one item of a report. Categories and Scores always have
// all 13 categories (null where the model has none or the item has no
// answer); Error is empty for an answered item.
type ReportItem struct {
	Index             int               `json:"index"`
	Input             string            `json:"input"`
	Image             string            `json:"image,omitempty"`
	Flagged           bool              `json:"flagged"`
	Categories        CategoryFlags     `json:"categories"`
	Scores            CategoryScores    `json:"scores"`
	AppliedInputTypes AppliedInputTypes `json:"applied_input_types"`
	Error             string            `json:"error"`
	ErrorZh           string            `json:"-"`
}

// ReportSummary counts a report's items.
type ReportSummary struct {
	Total       int            `json:"total"`
	Flagged     int            `json:"flagged"`
	Errors      int            `json:"errors"` // items with no answer, whatever the reason
	PerCategory map[string]int `json:"per_category"`
}

// Report builds the report of a run, with flags under the suite's
// thresholds.
func (s *Service) Report(runID int64) (RunReport, error) {
	run, err := s.Run(runID)
	if err != nil {
		return RunReport{}, err
	}
	th, err := s.runThresholds(run)
	if err != nil {
		return RunReport{}, err
	}
	results, err := s.loadResults(runID)
	if err != nil {
		return RunReport{}, err
	}
	return buildReport(run, results, th), nil
}

// ExportRun writes a run's report to the file at path, in format (json,
// csv, html or pdf; empty takes the extension) and lang.
func (s *Service) ExportRun(runID int64, path, format, lang string) error {
	if format == "" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	}
	if err := checkReportArgs(format, lang); err != nil {
		return err
	}
	rep, err := s.streamReport(runID)
	if err != nil {
		return err
	}
	if err := export.WriteFile(path, func(w io.Writer) error { return WriteReport(w, rep, format, lang) }); err != nil {
		return apperr.Wrap(err, apperr.ExportFailed, "moderation.export_run", "path", path)
	}
	return nil
}

// buildReport turns a run's results into its report.
func buildReport(run Run, results []ItemResult, th Thresholds) RunReport {
	rep := RunReport{RunID: run.ID, Model: run.Model, Suite: run.SuiteName, Status: run.Status, CreatedAt: run.CreatedAt,
		Thresholds: th, Error: run.Error, ErrorZh: run.ErrorZh, Items: make([]ReportItem, 0, len(results)),
		Summary: ReportSummary{Total: len(results), PerCategory: map[string]int{}}}
	for _, c := range Categories() {
		rep.Summary.PerCategory[c] = 0
	}
	for _, r := range results {
		it := reportItem(r, th, run.Status)
		if it.Error != "" {
			rep.Summary.Errors++
		}
		if it.Flagged {
			rep.Summary.Flagged++
		}
		for c, f := range it.Categories {
			if f != nil && *f {
				rep.Summary.PerCategory[c]++
			}
		}
		rep.Items = append(rep.Items, it)
	}
	return rep
}

// reportItem is one result as reported; an item with no answer says why.
func reportItem(r ItemResult, th Thresholds, status string) ReportItem {
	v := Evaluate(r, th)
	it := ReportItem{Index: r.Index, Input: secret.RedactKeys(r.Input), Image: r.ImagePath, Flagged: v.Flagged, Categories: v.Categories,
		Scores: CategoryScores{}, AppliedInputTypes: AppliedInputTypes(r.AppliedInputTypes), Error: r.Error, ErrorZh: r.ErrorZh}
	for _, c := range Categories() {
		it.Scores[c] = r.Scores[c]
	}
	if it.AppliedInputTypes == nil {
		it.AppliedInputTypes = AppliedInputTypes{}
	}
	if r.State == StatePending {
		it.Error, it.ErrorZh = notSent(status)
	}
	return it
}

// notSent explains an item a run never got an answer for.
func notSent(status string) (string, string) {
	switch status {
	case RunPaused:
		return "Not sent yet: the run is paused.", "尚未发送：运行已暂停。"
	case RunCancelled:
		return "Not sent: the run was cancelled.", "未发送：运行已取消。"
	case RunFailed:
		return "Not sent: the run stopped on an error.", "未发送：运行因错误而停止。"
	}
	return "Not sent yet.", "尚未发送。"
}

// WriteReport writes a report as json, csv, html or pdf, with messages in lang
// ("en" or "zh-CN").
func WriteReport(w io.Writer, rep RunReport, format, lang string) error {
	if err := checkReportArgs(format, lang); err != nil {
		return err
	}
	rep = localized(rep, lang)
	switch format {
	case ReportJSON:
		return writeReportJSON(w, rep)
	case ReportCSV:
		return writeReportCSV(w, rep)
	default:
		return writeReportDocument(w, rep, format, lang)
	}
}

// checkReportArgs refuses unknown formats and languages.
func checkReportArgs(format, lang string) error {
	switch format {
	case ReportJSON, ReportCSV, ReportHTML, ReportPDF:
	default:
		return errFormat("moderation.report", format, ReportFormats())
	}
	if lang != "en" && lang != "zh-CN" {
		return apperr.New(apperr.LanguageUnknown, "moderation.report", "lang", lang)
	}
	return nil
}

// localized puts each error's text in lang into Error.
func localized(rep RunReport, lang string) RunReport {
	if lang != "zh-CN" {
		return rep
	}
	if rep.ErrorZh != "" {
		rep.Error = rep.ErrorZh
	}
	inner := rep
	rep.Items = nil
	rep.stream = func(fn func(ReportItem) error) error {
		return inner.EachItem(func(it ReportItem) error {
			if it.ErrorZh != "" {
				it.Error = it.ErrorZh
			}
			return fn(it)
		})
	}
	if inner.stream == nil {
		items := make([]ReportItem, 0, len(inner.Items))
		rep.stream(func(it ReportItem) error { items = append(items, it); return nil })
		rep.Items, rep.stream = items, nil
	}
	return rep
}
