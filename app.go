package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"steward/backend/apperr"
	"steward/backend/applog"
	"steward/backend/checklist"
	"steward/backend/export"
	"steward/backend/gateway"
	"steward/backend/keys"
	"steward/backend/leakscan"
	"steward/backend/moderation"
	"steward/backend/org"
	"steward/backend/privacy"
	"steward/backend/settings"
	"steward/backend/store"
	"steward/backend/usage"
)

// App owns the window's lifecycle: it opens the data folder once, builds the
// services the frontend calls, and turns errors into code + message.
type App struct {
	ctx           context.Context
	version       string
	dataDir       string
	log           *applog.Log
	store         *store.Store
	settings      *settings.Service
	checklist     *checklist.Service
	vault         keys.VaultSwitch
	keys          *keys.Register
	keysScreen    *keys.Screen
	privacy       *privacy.Service
	privacyScreen *privacy.Screen
	leaks         *leakscan.Store
	moderation    *moderation.Service
	usage         *usage.Service
	usageWriter   *usage.Writer
	usageScreen   *usage.Screen
	gatewayScreen *gateway.Screen
	orgScreen     *org.Screen // orghook.go
	scans         scans
	openErr       error // why the data folder could not be opened, shown by the UI
}

// NewApp opens the data folder and builds the services. A failure is kept
// and shown in the window instead of the app quitting silently.
func NewApp(dataDirFlag, version string) *App {
	a := &App{version: version, log: applog.Discard(), checklist: &checklist.Service{}, keysScreen: &keys.Screen{}, privacyScreen: &privacy.Screen{},
		moderation: &moderation.Service{}, usageScreen: &usage.Screen{},
		gatewayScreen: &gateway.Screen{}, orgScreen: &org.Screen{}}
	a.openErr = a.open(dataDirFlag)
	return a
}

func (a *App) open(dataDirFlag string) error {
	dir, err := store.DefaultDir(dataDirFlag, os.Getenv)
	if err != nil {
		return err
	}
	a.dataDir = dir
	st, err := store.Open(context.Background(), dir, store.Options{})
	if err != nil {
		return err
	}
	a.store = st
	if l, err := applog.Open(dir, 0); err == nil {
		a.log = l
	}
	cat, err := checklist.LoadCatalogue()
	if err != nil {
		return err
	}
	a.settings = settings.New(st, nil)
	a.checklist = checklist.New(st, cat, checklist.Options{})
	a.openLeaks()
	a.openKeys()
	a.openUsage()
	a.openGateway()
	a.openPrivacy()
	a.openModeration()
	a.openOrg()
	a.log.Info("started", "version", a.version, "data_dir", dir)
	return nil
}

// bindings lists the structs whose methods the frontend calls.
func (a *App) bindings() []any {
	return []any{a, a.checklist, a.keysScreen, a.privacyScreen, a.moderation, a.usageScreen, a.gatewayScreen, a.orgScreen}
}

func (a *App) startup(ctx context.Context) { a.ctx = ctx }

func (a *App) shutdown(context.Context) {
	a.closeGateway()
	a.closeUsage()
	a.log.Info("stopped")
	if a.store != nil {
		a.store.Close()
	}
	a.log.Close()
}

func (a *App) onSecondInstance(options.SecondInstanceData) {
	runtime.WindowUnminimise(a.ctx)
	runtime.Show(a.ctx)
}

// language is the user's language, English before settings are readable.
func (a *App) language() string {
	if a.settings == nil {
		return settings.Match(settings.SystemLocale())
	}
	return a.settings.Language()
}

// ErrorInfo is what a rejected call carries to the frontend.
type ErrorInfo struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// formatError gives every error a stable code and a message in the user's
// language, as JSON text: the Wails runtime rejects the promise with
// new Error(value), so a string survives where an object would not.
func (a *App) formatError(err error) any {
	info := a.errorInfo(err)
	b, _ := json.Marshal(info)
	return string(b)
}

// errorInfo is an error's code and message in the user's language.
func (a *App) errorInfo(err error) ErrorInfo {
	code, msg := apperr.Describe(err, a.language())
	if code == apperr.Internal {
		a.log.Error("call failed", "error", err.Error())
	}
	return ErrorInfo{Code: string(code), Message: msg}
}

// AppInfo describes this installation for the About panel.
type AppInfo struct {
	Version          string     `json:"version"`
	DataDir          string     `json:"data_dir"`
	DatabasePath     string     `json:"database_path"`
	LogPath          string     `json:"log_path"`
	CatalogueVersion string     `json:"catalogue_version"`
	CatalogueDate    string     `json:"catalogue_date"`
	StartupError     *ErrorInfo `json:"startup_error"` // set when the data folder could not be opened
}

// AppInfo returns version, paths and any startup error.
func (a *App) AppInfo() AppInfo {
	info := AppInfo{Version: a.version, DataDir: a.dataDir, LogPath: a.log.Path()}
	if a.openErr != nil {
		e := a.errorInfo(a.openErr)
		info.StartupError = &e
		return info
	}
	info.DatabasePath = a.store.Path()
	c := a.checklist.Catalogue()
	info.CatalogueVersion, info.CatalogueDate = c.Version, c.Date
	return info
}

// Settings returns the current settings.
func (a *App) Settings() (settings.Settings, error) {
	if err := a.ready(); err != nil {
		return settings.Settings{EffectiveLanguage: a.language()}, nil
	}
	return a.settings.Get()
}

// SetLanguage remembers the UI language ("" follows the system).
func (a *App) SetLanguage(lang string) (settings.Settings, error) {
	if err := a.ready(); err != nil {
		return settings.Settings{}, err
	}
	return a.settings.SetLanguage(lang)
}

// ExportChecklist asks where to save and writes the workspace in format and
// lang. It returns the path written, or "" when the user cancelled.
func (a *App) ExportChecklist(workspace, format, lang string) (string, error) {
	if err := a.ready(); err != nil {
		return "", err
	}
	name := fmt.Sprintf("steward-checklist-%s-%s.%s", safeName(workspace), lang, format)
	path, err := a.savePath(name, format)
	if err != nil || path == "" {
		return "", err
	}
	err = export.WriteFile(path, func(w io.Writer) error {
		return checklist.Export(a.checklist, w, workspace, format, lang, checklist.ExportOptions{})
	})
	if err != nil {
		return "", apperr.Wrap(err, apperr.ExportFailed, "app.export", "path", path)
	}
	a.log.Info("checklist exported", "workspace", workspace, "format", format, "lang", lang)
	return path, nil
}

// BackupDatabase asks where to save and writes a consistent copy of the database.
func (a *App) BackupDatabase() (string, error) {
	if err := a.ready(); err != nil {
		return "", err
	}
	name := "steward-backup-" + time.Now().Format("2006-01-02") + ".db"
	path, err := a.savePath(name, "db")
	if err != nil || path == "" {
		return "", err
	}
	if err := a.store.Backup(context.Background(), path); err != nil {
		return "", err
	}
	a.log.Info("database backed up")
	return path, nil
}

// PickEvidenceFile lets the user choose a file to attach as evidence.
func (a *App) PickEvidenceFile() (string, error) {
	return runtime.OpenFileDialog(a.ctx, runtime.OpenDialogOptions{Title: "Evidence"})
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

func (a *App) ready() error {
	if a.openErr != nil {
		return a.openErr
	}
	return nil
}

// safeName keeps a workspace name usable in a file name.
func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>| `, r) {
			return '-'
		}
		return r
	}, s)
}
