package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"sync"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"steward/backend/apperr"
	"steward/backend/keys"
	"steward/backend/leakscan"
)

// Event names the Leak scan screen listens to.
const (
	EventScanProgress = "leakscan:progress"
)

// scans runs one leak scan at a time and can cancel it.
type scans struct {
	mu     sync.Mutex
	cancel context.CancelFunc
}

// ScanRequest is what the Leak scan screen asks for.
type ScanRequest struct {
	Paths            []string `json:"paths"`
	History          bool     `json:"history"`
	RespectGitignore bool     `json:"respect_gitignore"`
}

// ScanFolders scans the folders, emitting progress events at most every
// 100 ms, saves the scan and returns it. A cancelled scan returns what it
// found so far.
func (a *App) ScanFolders(req ScanRequest) (*leakscan.Result, error) {
	if err := a.ready(); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(a.context())
	a.scans.mu.Lock()
	if a.scans.cancel != nil {
		a.scans.mu.Unlock()
		cancel()
		return nil, apperr.Text(apperr.Conflict, "app.scan", "A scan is already running. Wait for it or cancel it.", "已有扫描正在进行。请等待其完成或取消它。")
	}
	a.scans.cancel = cancel
	a.scans.mu.Unlock()
	defer func() {
		a.scans.mu.Lock()
		a.scans.cancel = nil
		a.scans.mu.Unlock()
		cancel()
	}()
	opts := leakscan.Options{Roots: req.Paths, History: req.History, RespectGitignore: req.RespectGitignore,
		Lookup: a.keys.Lookup, Progress: func(p leakscan.Progress) { a.emit(EventScanProgress, p) }}
	res, err := leakscan.ScanAndSave(ctx, a.leaks, opts) // each folder scanned and saved on its own
	if err != nil && ctx.Err() != nil {
		return res, nil // cancelled: the partial result says so in its status
	}
	return res, err
}

// CancelScan stops the running scan, if any.
func (a *App) CancelScan() {
	a.scans.mu.Lock()
	defer a.scans.mu.Unlock()
	if a.scans.cancel != nil {
		a.scans.cancel()
	}
}

// LastScans lists the newest scan of each folder.
func (a *App) LastScans() ([]leakscan.ScanSummary, error) {
	if err := a.ready(); err != nil {
		return nil, err
	}
	return a.leaks.LastScans(context.Background())
}

// ScanFindings returns a saved scan's findings, registered keys first.
func (a *App) ScanFindings(scanID int64) ([]leakscan.LeakFinding, error) {
	if err := a.ready(); err != nil {
		return nil, err
	}
	return a.leaks.Findings(context.Background(), scanID)
}

// PickFolder lets the user choose a folder to scan.
func (a *App) PickFolder() (string, error) {
	return runtime.OpenDirectoryDialog(a.ctx, runtime.OpenDialogOptions{})
}

// OpenInFileManager shows a file's folder in the system file manager.
func (a *App) OpenInFileManager(path string) error {
	dir := path
	if fi, err := os.Stat(path); err == nil && !fi.IsDir() {
		dir = filepath.Dir(path)
	}
	var cmd *exec.Cmd
	switch goruntime.GOOS {
	case "windows":
		cmd = exec.Command("explorer", dir)
	case "darwin":
		cmd = exec.Command("open", dir)
	default:
		cmd = exec.Command("xdg-open", dir)
	}
	if err := cmd.Start(); err != nil {
		return apperr.Text(apperr.Internal, "app.open_folder", "Couldn't open the file manager: "+err.Error(), "无法打开文件管理器："+err.Error())
	}
	go cmd.Wait()
	return nil
}

// emit sends an event to the frontend once the window runs.
func (a *App) emit(name string, data any) {
	if a.ctx != nil {
		runtime.EventsEmit(a.ctx, name, data)
	}
}

// openLeaks builds the saved-scan store; it feeds the keys' "leaked"
// finding and names the owners of registered keys in saved findings.
func (a *App) openLeaks() {
	a.leaks = leakscan.NewStore(a.store, func(fp string) (string, string, bool) {
		if a.keys == nil {
			return "", "", false
		}
		return a.keys.Lookup(fp)
	})
}

var _ keys.LeakSource = (*leakscan.Store)(nil)
