package app

import (
	"compress/gzip"
	"context"
	"io"
	"strings"

	"steward/backend/checklist"
	"steward/backend/moderation"
	"steward/backend/privacy"
	"steward/backend/usage"
)

// Exports writes every report and export to an io.Writer, so the GUI (after
// its save dialog) and the CLI (to --out or standard output) produce the
// same bytes. Arguments follow one order: the subject, format, then lang.
type Exports struct {
	c       *core
	privacy *Privacy
	mod     *Moderation
	checks  *Checks
}

// Checklist writes a workspace's checklist in format (md, csv, json, html, pdf) and lang.
func (e *Exports) Checklist(_ context.Context, w io.Writer, workspace, format, lang string) error {
	return checklist.Export(e.c.checklist, w, workspace, format, lang, checklist.ExportOptions{})
}

// PrivacyDraft writes the saved answers' draft in format (md, html, pdf)
// and lang, and keeps it as a version when it changed.
func (e *Exports) PrivacyDraft(ctx context.Context, w io.Writer, format, lang string) error {
	a, err := e.privacy.Answers(ctx)
	if err != nil {
		return err
	}
	return e.privacy.writeDraft(ctx, w, a, format, lang)
}

// PrivacyDraftOf writes the draft of answers given in a file (the CLI's
// --answers) and keeps it as a version when it changed.
func (e *Exports) PrivacyDraftOf(ctx context.Context, w io.Writer, a privacy.Answers, format, lang string) error {
	return e.privacy.writeDraft(ctx, w, a, format, lang)
}

// ModerationRun writes a run's report in format (json, csv, html) and lang.
func (e *Exports) ModerationRun(_ context.Context, w io.Writer, runID int64, format, lang string) error {
	rep, err := e.mod.svc.Report(runID)
	if err != nil {
		return err
	}
	return moderation.WriteReport(w, rep, format, lang)
}

// ModerationSuite writes a suite's prompts as txt, csv or jsonl; a ".gz"
// suffix on format compresses them.
func (e *Exports) ModerationSuite(_ context.Context, w io.Writer, suiteID int64, format string) error {
	items, err := e.mod.svc.Items(suiteID)
	if err != nil {
		return err
	}
	plain, gz := strings.CutSuffix(format, ".gz")
	if !gz {
		return moderation.WriteSuite(w, items, plain)
	}
	zw := gzip.NewWriter(w)
	if err := moderation.WriteSuite(zw, items, plain); err != nil {
		return err
	}
	return zw.Close()
}

// UsageReport writes a usage report in format (table, csv, json, html) and lang.
func (e *Exports) UsageReport(ctx context.Context, w io.Writer, req ReportRequest, format, lang string) error {
	log, err := e.c.desk.usage(ctx)
	if err != nil {
		return err
	}
	return log.RunReport(ctx, usage.ReportOptions{Since: req.Since, Until: req.Until, By: req.By,
		Source: req.Source, Format: format, Lang: lang}, w)
}
