package leakscan

import (
	"cmp"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// commitInfo places findings in a commit; zero for the working tree.
type commitInfo struct {
	hash, author, date string
}

// collector gathers what concurrent workers find and measure.
type collector struct {
	files, bytes, commits, binary atomic.Int64
	lookup                        Lookup // the key register for the workers; may be nil
	maxFileSize                   int64  // files larger are skipped with a reason; 0 for no cap

	mu         sync.Mutex
	findings   []LeakFinding
	skipped    []Skipped
	suppressed int64
}

// addHits records the hits of one file; lines marked steward:allow are
// counted as suppressed.
func (c *collector) addHits(root, file string, ci commitInfo, hits []hit) {
	if len(hits) == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, h := range hits {
		if h.allowed {
			c.suppressed++
			continue
		}
		c.findings = append(c.findings, LeakFinding{
			Rule: h.rule, Severity: ruleSeverity(h.rule), Root: root, File: file,
			Line: h.line, Column: h.column, Commit: ci.hash, Author: ci.author, Date: ci.date,
			Redacted: h.redacted, Fingerprint: h.fingerprint,
		})
	}
}

func (c *collector) skip(s Skipped) {
	c.mu.Lock()
	c.skipped = append(c.skipped, s)
	c.mu.Unlock()
}

// progress is a snapshot of the counters.
func (c *collector) progress(elapsed time.Duration, done bool) Progress {
	p := Progress{Files: c.files.Load(), Bytes: c.bytes.Load(), Commits: c.commits.Load(),
		Seconds: elapsed.Seconds(), Done: done}
	if s := elapsed.Seconds(); s > 0 {
		p.FilesPerSecond = float64(p.Files) / s
	}
	return p
}

// reportProgress calls report every 100 ms until the returned stop is
// called; stop waits for the reporting goroutine, so calls never overlap.
func (c *collector) reportProgress(report func(Progress), started time.Time) (stop func()) {
	if report == nil {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				report(c.progress(time.Since(started), false))
			case <-done:
				return
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
	}
}

// finish places the findings in the register, drops those the baseline
// accepts, and sorts them most urgent first.
func (c *collector) finish(lookup Lookup, accepted func(root, fingerprint string) bool) ([]LeakFinding, []Skipped, int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]LeakFinding, 0, len(c.findings))
	for _, f := range c.findings {
		if accepted != nil && accepted(f.Root, f.Fingerprint) {
			c.suppressed++
			continue
		}
		if lookup != nil {
			if member, label, ok := lookup(f.Fingerprint); ok {
				f.Member, f.Label, f.Severity = member, label, SeverityCritical
			}
		}
		out = append(out, f)
	}
	sortFindings(out)
	skipped := slices.Clone(c.skipped)
	slices.SortFunc(skipped, func(a, b Skipped) int {
		return cmp.Or(cmp.Compare(a.Root, b.Root), cmp.Compare(a.File, b.File))
	})
	if skipped == nil {
		skipped = []Skipped{}
	}
	return out, skipped, c.suppressed
}

// sortFindings orders by severity, then place: working tree before history.
func sortFindings(fs []LeakFinding) {
	slices.SortFunc(fs, func(a, b LeakFinding) int {
		return cmp.Or(
			cmp.Compare(severityRank(a.Severity), severityRank(b.Severity)),
			cmp.Compare(a.Root, b.Root),
			cmp.Compare(len(a.Commit), len(b.Commit)),
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Date, b.Date),
			cmp.Compare(a.Commit, b.Commit),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
		)
	})
}

// ruleSeverity is a rule's severity before the register is consulted.
func ruleSeverity(rule string) string {
	if rule == RuleEnvAssignment {
		return SeverityMedium
	}
	return SeverityHigh
}

func severityRank(s string) int {
	switch s {
	case SeverityCritical:
		return 0
	case SeverityHigh:
		return 1
	case SeverityMedium:
		return 2
	}
	return 3
}
