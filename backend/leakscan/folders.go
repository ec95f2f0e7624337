package leakscan

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"steward/backend/apperr"
)

// CheckRoot tells whether path can be scanned and returns it absolute: a
// folder or file that does not exist is refused when it is added to a
// scan, not discovered as a failed scan later.
func CheckRoot(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path, fmt.Errorf("resolve %s: %w", path, err)
	}
	if _, err := os.Stat(abs); err != nil {
		e := apperr.Text(CodeRootMissing, "leakscan.check_root",
			fmt.Sprintf("Cannot scan %s: it does not exist or cannot be read.", abs),
			fmt.Sprintf("无法扫描 %s：该路径不存在或无法读取。", abs))
		e.Err = err
		return abs, e
	}
	return abs, nil
}

// ScanAndSave scans each folder of opts.Roots on its own and saves each
// folder's scan as soon as it ends, so a folder that fails (or does not
// exist) never replaces another folder's last scan. A missing folder is an
// error and is not saved. The result merges the folders' results; the
// error joins the folders' errors and any failure to save. The GUI and the
// CLI both call it.
func ScanAndSave(ctx context.Context, st *Store, opts Options) (*Result, error) {
	merged := &Result{History: opts.History, Status: StatusCompleted, Findings: []LeakFinding{}, Skipped: []Skipped{}}
	var errs []error
	base := Progress{}
	progress := opts.Progress
	doneSent := false
	for i, root := range opts.Roots {
		if ctx.Err() != nil {
			errs = append(errs, ctx.Err())
			break
		}
		abs, err := CheckRoot(root)
		merged.Roots = append(merged.Roots, abs)
		if err != nil {
			errs = append(errs, err)
			merged.Status = worse(merged.Status, StatusFailed)
			continue
		}
		one := opts
		one.Roots = []string{abs}
		last := i == len(opts.Roots)-1
		if progress != nil {
			one.Progress = func(p Progress) {
				out := addProgress(base, p, last)
				doneSent = doneSent || out.Done
				progress(out)
			}
		}
		res, err := Scan(ctx, one)
		if res != nil {
			if _, serr := st.Save(context.WithoutCancel(ctx), res); serr != nil {
				errs = append(errs, fmt.Errorf("save the scan of %s: %w", abs, serr))
			}
			mergeResult(merged, res)
			base = addProgress(base, Progress{Files: res.Stats.Files, Bytes: res.Stats.Bytes, Commits: res.Stats.Commits,
				Seconds: res.Stats.Seconds}, false)
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	if progress != nil && !doneSent {
		progress(addProgress(base, Progress{Done: true}, true)) // the last folder was not scanned: end the progress
	}
	err := errors.Join(errs...)
	if err != nil {
		merged.Error = err.Error()
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			merged.Status = worse(merged.Status, StatusCancelled)
		}
	}
	sortFindings(merged.Findings)
	return merged, err
}

// mergeResult adds one folder's result to the merged one.
func mergeResult(m, r *Result) {
	if m.StartedAt.IsZero() || r.StartedAt.Before(m.StartedAt) {
		m.StartedAt = r.StartedAt
	}
	if r.FinishedAt.After(m.FinishedAt) {
		m.FinishedAt = r.FinishedAt
	}
	m.Status = worse(m.Status, r.Status)
	m.Findings = append(m.Findings, r.Findings...)
	m.Skipped = append(m.Skipped, r.Skipped...)
	m.Stats.Files += r.Stats.Files
	m.Stats.Bytes += r.Stats.Bytes
	m.Stats.Commits += r.Stats.Commits
	m.Stats.Seconds += r.Stats.Seconds
	m.Stats.BinaryFiles += r.Stats.BinaryFiles
	m.Stats.Suppressed += r.Stats.Suppressed
}

// worse is the status of a scan in which two parts ended as a and b.
func worse(a, b string) string {
	rank := map[string]int{StatusCompleted: 0, StatusCancelled: 1, StatusFailed: 2}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// addProgress counts the folders already scanned into p; only the last
// folder's final report is Done.
func addProgress(base, p Progress, last bool) Progress {
	out := Progress{Files: base.Files + p.Files, Bytes: base.Bytes + p.Bytes, Commits: base.Commits + p.Commits,
		Seconds: base.Seconds + p.Seconds, Done: p.Done && last}
	if out.Seconds > 0 {
		out.FilesPerSecond = float64(out.Files) / out.Seconds
	}
	return out
}
