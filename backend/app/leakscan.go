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
	Baseline         string   `json:"baseline,omitempty"` // a baseline file of accepted fingerprints; "" reads each root's
}

// ScanFolders scans one request at a time, reporting progress as
// EventScanProgress at most every 100 ms, saves the scan and returns it.
// A cancelled scan returns what it found so far; its status says so.
func (s *LeakScan) ScanFolders(ctx context.Context, req ScanRequest) (*leakscan.Result, error) {
	ctx, done, err := s.start(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	opts := leakscan.Options{Roots: req.Paths, History: req.History, RespectGitignore: req.RespectGitignore,
		Lookup:   s.c.keys.Lookup,
		Progress: func(p leakscan.Progress) { s.c.opts.Events.Emit(EventScanProgress, p) }}
	if req.Baseline != "" {
		if opts.Baseline, err = leakscan.ReadBaseline(req.Baseline); err != nil {
			return nil, err
		}
	}
	res, err := leakscan.Scan(ctx, opts)
	if res != nil {
		s.save(res)
	}
	if err != nil && ctx.Err() != nil {
		return res, nil
	}
	return res, err
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

// save keeps a scan; a failure is logged and reported, never silent.
func (s *LeakScan) save(res *leakscan.Result) {
	id, err := s.c.leaks.Save(context.Background(), res)
	if err != nil {
		s.c.log.Error("save leak scan", "error", err.Error())
		s.c.opts.Events.Emit(EventWarning, "the scan was not saved: "+err.Error())
		return
	}
	s.c.log.Info("leak scan saved", "id", id, "findings", len(res.Findings), "status", res.Status)
	s.c.sourceChanged(checks.SourceLeaks)
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
