package app

import (
	"context"
	"sync"

	"steward/backend/apperr"
	"steward/backend/checks"
	"steward/backend/leakscan"
)

// LeakScan finds API keys in folders and git history and keeps the scans,
// so the Keys dashboard and the checklist can show them.
type LeakScan struct {
	c      *core
	mu     sync.Mutex
	cancel context.CancelFunc
}

// ScanRequest is what a scan covers.
type ScanRequest struct {
	Paths            []string `json:"paths"`
	History          bool     `json:"history"`
	RespectGitignore bool     `json:"respect_gitignore"`
	Baseline         string   `json:"baseline,omitempty"`      // a baseline file of accepted fingerprints; "" reads each root's
	MaxFileSize      int64    `json:"max_file_size,omitempty"` // bytes; larger files are skipped and listed; 0 scans every file
}

// ScanFolders scans one request at a time, reporting progress as
// EventScanProgress at most every 100 ms. Each folder is scanned and saved
// on its own, so a folder that fails (or no longer exists) never replaces
// another folder's last scan; the result merges the folders, and the
// error names every folder that failed. A cancelled scan returns what it
// found so far; its status says so.
func (s *LeakScan) ScanFolders(ctx context.Context, req ScanRequest) (*leakscan.Result, error) {
	if req.MaxFileSize < 0 {
		return nil, apperr.Text(apperr.Invalid, "app.scan_max_file_size", "The largest file size to scan cannot be negative.", "要扫描的最大文件大小不能为负数。")
	}
	ctx, done, err := s.start(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	opts := leakscan.Options{Roots: req.Paths, History: req.History, RespectGitignore: req.RespectGitignore,
		Lookup: s.c.keys.Lookup, MaxFileSize: req.MaxFileSize,
		Progress: func(p leakscan.Progress) { s.c.opts.Events.Emit(EventScanProgress, p) }}
	if req.Baseline != "" {
		if opts.Baseline, err = leakscan.ReadBaseline(req.Baseline); err != nil {
			return nil, err
		}
	}
	res, err := leakscan.ScanAndSave(ctx, s.c.leaks, opts) // each folder scanned and saved on its own
	if res != nil {
		s.c.log.Info("leak scan saved", "folders", len(res.Roots), "findings", len(res.Findings), "status", res.Status)
		s.c.sourceChanged(checks.SourceLeaks)
	}
	if err != nil {
		s.c.log.Error("leak scan", "error", err.Error()) // a cancelled scan's result carries it in Error too
	}
	if err != nil && ctx.Err() != nil {
		return res, nil
	}
	return res, err
}

// CheckFolder checks a folder (or file) when it is added to the scan list
// and returns it absolute: one that does not exist or cannot be read is
// refused now (code leak_root_missing), not found as a failed scan
// later.
func (s *LeakScan) CheckFolder(_ context.Context, path string) (string, error) {
	return leakscan.CheckRoot(path)
}

// start registers a running scan, refusing a second one.
func (s *LeakScan) start(ctx context.Context) (context.Context, func(), error) {
	ctx, cancel := context.WithCancel(ctx)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		cancel()
		return nil, nil, apperr.Text(apperr.Conflict, "app.scan", "A scan is already running. Wait for it or cancel it.", "已有扫描正在进行。请等待其完成或取消它。")
	}
	s.cancel = cancel
	return ctx, func() {
		s.mu.Lock()
		s.cancel = nil
		s.mu.Unlock()
		cancel()
	}, nil
}

// CancelScan stops the running scan, if any.
func (s *LeakScan) CancelScan(context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		s.cancel()
	}
	return nil
}

// LastScans lists the newest scan of each folder.
func (s *LeakScan) LastScans(ctx context.Context) ([]leakscan.ScanSummary, error) {
	return s.c.leaks.LastScans(ctx)
}

// ScanFindings returns a saved scan's findings, registered keys first.
func (s *LeakScan) ScanFindings(ctx context.Context, scanID int64) ([]leakscan.LeakFinding, error) {
	return s.c.leaks.Findings(ctx, scanID)
}
