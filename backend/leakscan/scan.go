package leakscan

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"steward/backend/apperr"
)

// Scan looks for leaked keys under opts.Roots: every file of the working
// tree and, with opts.History, every commit of the git repositories among
// them. A cancelled scan returns what it found so far with ctx's error;
// unreadable files are reported in Result.Skipped, not as errors.
func Scan(ctx context.Context, opts Options) (*Result, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Workers <= 0 {
		// Twice the cores keeps the disk busy on a cold cache; 4 MB each.
		opts.Workers = min(2*runtime.NumCPU(), 16)
	}
	res := &Result{History: opts.History, StartedAt: opts.Now()}
	started := time.Now()
	c := &collector{lookup: opts.Lookup, maxFileSize: opts.MaxFileSize}
	roots, baselines, err := prepareRoots(opts)
	res.Roots = roots
	if err == nil {
		stop := c.reportProgress(opts.Progress, started)
		err = scanRoots(ctx, opts, roots, c)
		stop()
	}
	finishResult(res, c, opts, baselines, started, err)
	if opts.Progress != nil {
		opts.Progress(c.progress(time.Since(started), true))
	}
	return res, err
}

// prepareRoots makes the roots absolute, checks they exist and reads
// their baselines.
func prepareRoots(opts Options) ([]string, map[string]*Baseline, error) {
	roots := make([]string, 0, len(opts.Roots))
	baselines := map[string]*Baseline{}
	for _, r := range opts.Roots {
		abs, err := filepath.Abs(r)
		if err != nil {
			return roots, nil, fmt.Errorf("resolve %s: %w", r, err)
		}
		roots = append(roots, abs)
		fi, err := os.Stat(abs)
		if err != nil {
			e := apperr.Text(CodeRootMissing, "leakscan.scan",
				fmt.Sprintf("Cannot scan %s: it does not exist or cannot be read.", abs),
				fmt.Sprintf("无法扫描 %s：该路径不存在或无法读取。", abs))
			e.Err = err
			return roots, nil, e
		}
		b := opts.Baseline
		if b == nil && fi.IsDir() {
			if b, err = ReadBaselineIfPresent(filepath.Join(abs, BaselineFile)); err != nil {
				return roots, nil, err
			}
		}
		baselines[abs] = b
	}
	return roots, baselines, nil
}

// scanRoots scans the working trees, then the histories.
func scanRoots(ctx context.Context, opts Options, roots []string, c *collector) error {
	if err := scanTrees(ctx, opts, roots, c); err != nil {
		return err
	}
	if !opts.History {
		return nil
	}
	done := map[string]bool{} // repositories already scanned, for roots inside one repository
	for _, root := range roots {
		if err := scanHistory(ctx, root, opts.Workers, c, done); err != nil {
			return err
		}
	}
	return nil
}

// scanTrees walks the roots one after another while opts.Workers workers
// scan the files.
func scanTrees(ctx context.Context, opts Options, roots []string, c *collector) error {
	jobs := make(chan fileJob, 256)
	var wg sync.WaitGroup
	for range opts.Workers {
		wg.Go(func() { scanFiles(ctx, jobs, c) })
	}
	var err error
	for _, root := range roots {
		w := &walker{root: root, respectIgnore: opts.RespectGitignore, jobs: jobs, skip: c.skip}
		if err = w.walk(ctx); err != nil {
			break
		}
	}
	close(jobs)
	wg.Wait()
	if err == nil {
		err = ctx.Err()
	}
	return err
}

// scanFiles is one worker: it scans files until jobs closes or ctx ends.
func scanFiles(ctx context.Context, jobs <-chan fileJob, c *collector) {
	s := newStreamScanner(c.lookup)
	for j := range jobs {
		if ctx.Err() != nil {
			continue
		}
		scanFile(ctx, s, j, c)
	}
}

func scanFile(ctx context.Context, s *streamScanner, j fileJob, c *collector) {
	if c.maxFileSize > 0 {
		if fi, err := os.Stat(j.abs); err == nil && fi.Size() > c.maxFileSize {
			c.skip(Skipped{Root: j.root, File: j.rel, Reason: tooLarge(fi.Size(), c.maxFileSize)})
			return
		}
	}
	if isArchive(j.rel) {
		scanArchive(ctx, s, j, c)
		return
	}
	f, err := openForScan(j.abs)
	if err != nil {
		c.skip(Skipped{Root: j.root, File: j.rel, Reason: "not readable: " + reason(err)})
		return
	}
	defer f.Close()
	out, err := s.scan(ctx, f, j.rel)
	if out.binary {
		c.binary.Add(1)
	}
	c.files.Add(1)
	c.bytes.Add(out.bytes)
	c.addHits(j.root, j.rel, commitInfo{}, out.hits)
	if err != nil && !errors.Is(err, ctx.Err()) {
		c.skip(Skipped{Root: j.root, File: j.rel, Reason: "read failed part way: " + reason(err)})
	}
}

// finishResult fills res from what c collected and how the scan ended.
func finishResult(res *Result, c *collector, opts Options, baselines map[string]*Baseline, started time.Time, err error) {
	accepted := func(root, fp string) bool { return baselines[root].Accepts(fp) }
	res.Findings, res.Skipped, res.Stats.Suppressed = c.finish(opts.Lookup, accepted)
	res.Stats.Files, res.Stats.Bytes = c.files.Load(), c.bytes.Load()
	res.Stats.Commits, res.Stats.BinaryFiles = c.commits.Load(), c.binary.Load()
	res.Stats.Seconds = time.Since(started).Seconds()
	res.FinishedAt = opts.Now()
	res.Status = statusOf(err)
	if err != nil {
		res.Error = err.Error()
	}
}

// statusOf names how a scan that returned err ended.
func statusOf(err error) string {
	switch {
	case err == nil:
		return StatusCompleted
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return StatusCancelled
	}
	return StatusFailed
}
