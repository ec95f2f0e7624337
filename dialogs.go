package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"steward/backend/app"
	"steward/backend/apperr"
	"steward/backend/export"
)

// ExportChecklist asks where to save and writes the workspace in format and
// lang. It returns the path written, or "" when the user cancelled.
func (a *App) ExportChecklist(workspace, format, lang string) (string, error) {
	name := fmt.Sprintf("steward-checklist-%s-%s.%s", app.FileName(workspace), lang, format)
	return a.saveExport(name, format, func(w io.Writer) error {
		return a.svc.Exports.Checklist(a.context(), w, workspace, format, lang)
	})
}

// ExportPrivacyDraft asks where to save and writes the saved answers' draft
// in format (md, html or pdf) and lang; a changed draft is kept as a version.
func (a *App) ExportPrivacyDraft(format, lang string) (string, error) {
	return a.saveExport(fmt.Sprintf("privacy-policy-draft-%s.%s", lang, format), format, func(w io.Writer) error {
		return a.svc.Exports.PrivacyDraft(a.context(), w, format, lang)
	})
}

// ExportModerationRun asks where to save and writes a run's report in
// format (json, csv or html) and lang.
func (a *App) ExportModerationRun(runID int64, format, lang string) (string, error) {
	return a.saveExport("moderation-run."+format, format, func(w io.Writer) error {
		return a.svc.Exports.ModerationRun(a.context(), w, runID, format, lang)
	})
}

// ExportModerationSuite asks where to save and writes a suite as txt, csv or jsonl.
func (a *App) ExportModerationSuite(suiteID int64, format string) (string, error) {
	return a.saveExport("suite."+format, format, func(w io.Writer) error {
		return a.svc.Exports.ModerationSuite(a.context(), w, suiteID, format)
	})
}

// ExportUsageReport asks where to save and writes the usage report in
// format (table, csv, json or html) and lang.
func (a *App) ExportUsageReport(req app.ReportRequest, format, lang string) (string, error) {
	ext := format
	if ext == "table" {
		ext = "txt"
	}
	return a.saveExport("steward-usage-"+req.By+"."+ext, ext, func(w io.Writer) error {
		return a.svc.Exports.UsageReport(a.context(), w, req, format, lang)
	})
}

// ExportAuditBundle asks where to save and writes a workspace's audit
// bundle in lang: one zip with the checklist, every check's evidence, the
// reports the checks read and a SHA-256 manifest, covering the last 90
// days. It returns the path written, or "" when the user cancelled.
func (a *App) ExportAuditBundle(workspace, lang string) (string, error) {
	name := fmt.Sprintf("steward-audit-%s-%s.zip", app.FileName(workspace), time.Now().Format("2006-01-02"))
	return a.saveExport(name, "zip", func(w io.Writer) error {
		_, err := a.svc.Exports.AuditBundle(a.context(), w, workspace, lang, time.Time{})
		return err
	})
}

// saveExport asks where to save name and writes it with write. It returns
// the path written, or "" when the user cancelled.
func (a *App) saveExport(name, ext string, write func(io.Writer) error) (string, error) {
	if err := a.ready(); err != nil {
		return "", err
	}
	path, err := a.savePath(name, ext)
	if err != nil || path == "" {
		return "", err
	}
	if err := export.WriteFile(path, write); err != nil {
		if apperr.CodeOf(err) != apperr.Internal {
			return "", err
		}
		return "", apperr.Wrap(err, apperr.ExportFailed, "app.export", "path", path)
	}
	a.svc.Log().Info("exported", "file", filepath.Base(path))
	return path, nil
}

// BackupDatabase asks where to save and writes a consistent copy of the database.
func (a *App) BackupDatabase() (string, error) {
	if err := a.ready(); err != nil {
		return "", err
	}
	path, err := a.savePath("steward-backup-"+time.Now().Format("2006-01-02")+".db", "db")
	if err != nil || path == "" {
		return "", err
	}
	return a.svc.Data.Backup(a.context(), path)
}

// PickEvidenceFile lets the user choose a file to attach as evidence.
func (a *App) PickEvidenceFile() (string, error) {
	return runtime.OpenFileDialog(a.ctx, runtime.OpenDialogOptions{Title: "Evidence"})
}

// PickFolder lets the user choose a folder to scan.
func (a *App) PickFolder() (string, error) {
	return runtime.OpenDirectoryDialog(a.ctx, runtime.OpenDialogOptions{})
}

// PickImportFile lets the user choose a prompt file ("prompts") or an image ("image").
func (a *App) PickImportFile(kind string) (string, error) {
	filter := runtime.FileFilter{DisplayName: "Prompts (*.txt, *.csv, *.jsonl)", Pattern: "*.txt;*.csv;*.jsonl;*.gz"}
	if kind == "image" {
		filter = runtime.FileFilter{DisplayName: "Images", Pattern: "*.png;*.jpg;*.jpeg;*.gif;*.webp"}
	}
	return runtime.OpenFileDialog(a.ctx, runtime.OpenDialogOptions{Filters: []runtime.FileFilter{filter}})
}

// savePath asks the user where to save name. Under end-to-end tests
// (STEWARD_E2E_EXPORT_DIR set) it answers that folder without a dialog,
// since a browser cannot drive a native dialog.
func (a *App) savePath(name, ext string) (string, error) {
	if dir := os.Getenv("STEWARD_E2E_EXPORT_DIR"); dir != "" {
		return filepath.Join(dir, name), nil
	}
	return runtime.SaveFileDialog(a.ctx, runtime.SaveDialogOptions{
		DefaultFilename: name,
		Filters:         []runtime.FileFilter{{DisplayName: strings.ToUpper(ext), Pattern: "*." + ext}},
	})
}
