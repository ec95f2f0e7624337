package main

import (
	"context"
	"encoding/json"
	"os"

	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"steward/backend/app"
	"steward/backend/app/gui"
	"steward/backend/apperr"
	"steward/backend/buildinfo"
)

// App owns the window's lifecycle: it opens the data folder once through
// the application layer, binds its services, shows dialogs, forwards
// progress as window events and turns errors into code + message.
type App struct {
	ctx     context.Context
	version string
	dataDir string
	svc     *app.Services // nil when the data folder could not be opened
	openErr error         // why, shown by the banner and by every call
}

// NewApp opens the data folder. A failure is kept and shown in the window
// instead of the app quitting silently.
func NewApp(dataDirFlag, version string) *App {
	return openApp(version, app.Options{DataDir: dataDirFlag, AppLog: true, PruneUsage: true})
}

// openApp opens the data folder with opts, the window's events and source.
func openApp(version string, opts app.Options) *App {
	a := &App{version: version}
	a.dataDir, _ = app.DataDir(opts.DataDir, os.Getenv)
	opts.Version, opts.Source, opts.Events = version, "app", app.EventsFunc(a.emit)
	a.svc, a.openErr = app.Open(context.Background(), opts)
	return a
}

// bindings lists the structs whose methods the frontend calls: the App's
// dialogs and the application layer's services, or the same services in
// their unavailable state when the data folder could not be opened.
func (a *App) bindings() []any {
	if a.openErr != nil {
		return append([]any{a}, gui.Unavailable(a.openErr)...)
	}
	return append([]any{a}, gui.Bind(a.svc, a.context)...)
}

func (a *App) startup(ctx context.Context) { a.ctx = ctx }
func (a *App) enums() []any                { return app.Enums() }

func (a *App) shutdown(context.Context) {
	if a.svc != nil {
		a.svc.Close()
	}
}

func (a *App) onSecondInstance(options.SecondInstanceData) {
	runtime.WindowUnminimise(a.ctx)
	runtime.Show(a.ctx)
}

// context is the window's context once it runs, for bound services.
func (a *App) context() context.Context {
	if a.ctx == nil {
		return context.Background()
	}
	return a.ctx
}

// emit sends an event to the frontend once the window runs.
func (a *App) emit(name string, data any) {
	if a.ctx != nil {
		runtime.EventsEmit(a.ctx, name, data)
	}
}

// language is the user's language, the system's before settings are readable.
func (a *App) language() string {
	if a.svc == nil {
		return app.SystemLanguage()
	}
	return a.svc.Language()
}

// formatError gives every error a stable code and a message in the user's
// language, as JSON text: the Wails runtime rejects the promise with
// new Error(value), so a string survives where an object would not.
func (a *App) formatError(err error) any {
	b, _ := json.Marshal(a.errorInfo(err))
	return string(b)
}

// errorInfo is an error's code and message in the user's language.
func (a *App) errorInfo(err error) app.ErrorInfo {
	info := app.Describe(err, a.language())
	if info.Code == string(apperr.Internal) && a.svc != nil {
		a.svc.Log().Error("call failed", "error", err.Error())
	}
	return info
}

// ready is the error every call returns while the data folder is unusable.
func (a *App) ready() error {
	if a.openErr != nil {
		return app.Unavailable(a.openErr)
	}
	return nil
}

// AppInfo describes this installation for the About panel.
type AppInfo struct {
	Version          string         `json:"version"`
	DataDir          string         `json:"data_dir"`
	DatabasePath     string         `json:"database_path"`
	LogPath          string         `json:"log_path"`
	CatalogueVersion string         `json:"catalogue_version"`
	CatalogueDate    string         `json:"catalogue_date"`
	Executable       string         `json:"executable"`    // the running binary, for the commands the window suggests
	StartupError     *app.ErrorInfo `json:"startup_error"` // set when the data folder could not be opened
	Build            buildinfo.Info `json:"build"`         // commit, build date and Go version
}

// AppInfo returns version, paths and any startup error.
func (a *App) AppInfo() (AppInfo, error) {
	info := AppInfo{Version: a.version, Build: buildinfo.Current(), DataDir: a.dataDir}
	if exe, err := os.Executable(); err == nil {
		info.Executable = exe
	}
	if a.openErr != nil {
		e := a.errorInfo(a.openErr)
		info.StartupError = &e
		return info, nil
	}
	d, err := a.svc.Data.Info(a.context())
	info.DatabasePath, info.LogPath, info.CatalogueVersion, info.CatalogueDate = d.DatabasePath, d.LogPath, d.CatalogueVersion, d.CatalogueDate
	return info, err
}
