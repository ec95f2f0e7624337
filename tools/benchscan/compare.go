package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"steward/backend/secret"
	"steward/backend/secret/fakekey"
)

func newGen(seed uint64) (*fakekey.Generator, *rand.Rand) {
	g := fakekey.New(seed)
	return g, g.Rand()
}

// row is one scanner's line in the results table.
type row struct {
	name    string
	seconds float64
	keys    score
	env     *score
	note    string
}

// compareRun is what one compare needs: the corpus, the plan and gitleaks.
type compareRun struct {
	dir, repo, gitleaks, config, tmp string
	runs                             int
	m                                *manifest
	decoys                           map[string]string
}

func runCompare(args []string) error {
	fs := flag.NewFlagSet("compare", flag.ExitOnError)
	var c compareRun
	fs.StringVar(&c.dir, "dir", "", "the corpus folder")
	fs.StringVar(&c.repo, "repo", "", "the generated git repository")
	mpath := fs.String("manifest", "", "the manifest gen wrote")
	fs.StringVar(&c.gitleaks, "gitleaks", "", "the gitleaks binary (empty: Steward only)")
	fs.StringVar(&c.config, "config", "", "gitleaks config holding only its OpenAI rule")
	fs.IntVar(&c.runs, "runs", 3, "timed Steward runs (the best is reported)")
	fs.StringVar(&c.tmp, "tmp", os.TempDir(), "folder for gitleaks reports")
	fs.Parse(args)
	var err error
	if c.m, err = readManifest(*mpath); err != nil {
		return err
	}
	c.decoys = decoyContexts(c.m.Decoys)
	if err := c.tree(); err != nil {
		return err
	}
	return c.history()
}

// tree times both scanners on the working-tree corpus.
func (c *compareRun) tree() error {
	m := c.m
	mb := float64(m.Bytes) / 1e6
	fmt.Printf("Working tree: %d files, %.1f MB; warm page cache; %d CPU cores\n", m.Files, mb, runtime.NumCPU())
	if _, _, _, err := steward([]string{c.dir}, false); err != nil { // warms the cache
		return err
	}
	allowed := fingerprints(m.Planted)
	var times []float64
	var best row
	for range c.runs {
		r, keys, env, err := steward([]string{c.dir}, false)
		if err != nil {
			return err
		}
		times = append(times, r.Stats.Seconds)
		envScore := scoreOf(env, m.EnvPlanted, fingerprints(m.EnvPlanted), c.decoys)
		cur := row{name: "steward", seconds: r.Stats.Seconds, keys: scoreOf(keys, m.Planted, allowed, c.decoys), env: &envScore,
			note: fmt.Sprintf("steward read %d text files (%.1f MB) and skipped %d binary files",
				r.Stats.Files, float64(r.Stats.Bytes)/1e6, r.Stats.BinaryFiles)}
		if best.name == "" || cur.seconds < best.seconds {
			best = cur
		}
	}
	slices.Sort(times)
	best.name = fmt.Sprintf("steward (best of %d; median %.2f s)", c.runs, times[len(times)/2])
	rows := []row{best}
	if c.gitleaks != "" {
		for _, variant := range []struct {
			name  string
			extra []string
		}{
			{"gitleaks, OpenAI rule only (defaults)", nil},
			{"gitleaks, OpenAI rule only, --max-decode-depth=0", []string{"--max-decode-depth=0"}},
		} {
			args := append([]string{"dir", "--config", c.config}, variant.extra...)
			secs, found, err := runGitleaks(c.gitleaks, c.tmp, append(args, c.dir))
			if err != nil {
				return err
			}
			rows = append(rows, row{name: variant.name, seconds: secs, keys: scoreOf(found, m.Planted, allowed, c.decoys)})
		}
	}
	printRows(rows, mb)
	return nil
}

// history times both scanners on the repository's history.
func (c *compareRun) history() error {
	m := c.m
	fmt.Printf("\nHistory: %d commits, %d keys planted in files later deleted or on a side branch\n", m.HistoryCommits, len(m.HistoryPlanted))
	allowed := fingerprints(m.HistoryPlanted)
	r, keys, _, err := steward([]string{c.repo}, true)
	if err != nil {
		return err
	}
	rows := []row{{name: "steward (working tree + history)", seconds: r.Stats.Seconds, keys: scoreOf(keys, m.HistoryPlanted, allowed, c.decoys)}}
	if c.gitleaks != "" {
		secs, found, err := runGitleaks(c.gitleaks, c.tmp, []string{"git", "--config", c.config, c.repo})
		if err != nil {
			return err
		}
		rows = append(rows, row{name: "gitleaks git, OpenAI rule only", seconds: secs, keys: scoreOf(found, m.HistoryPlanted, allowed, c.decoys)})
	}
	printRows(rows, 0)
	return nil
}

// runGitleaks times one gitleaks run and returns the fingerprints it reported.
func runGitleaks(bin, tmp string, args []string) (float64, map[string]bool, error) {
	report := filepath.Join(tmp, fmt.Sprintf("gitleaks-report-%d.json", time.Now().UnixNano()))
	defer os.Remove(report)
	full := append([]string{args[0], "--report-format", "json", "--report-path", report, "--no-banner",
		"--exit-code", "0", "--log-level", "error"}, args[1:]...)
	cmd := exec.Command(bin, full...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return 0, nil, fmt.Errorf("gitleaks %v: %w", args, err)
	}
	secs := time.Since(start).Seconds()
	b, err := os.ReadFile(report)
	if err != nil {
		return 0, nil, fmt.Errorf("gitleaks report: %w", err)
	}
	var findings []struct{ Secret string }
	if err := json.Unmarshal(b, &findings); err != nil {
		return 0, nil, fmt.Errorf("gitleaks report: %w", err)
	}
	found := map[string]bool{}
	for _, f := range findings {
		found[secret.Fingerprint(f.Secret)] = true
	}
	return secs, found, nil
}

// printRows prints the table; mb > 0 adds throughput and the ratio to the first row.
func printRows(rows []row, mb float64) {
	fmt.Printf("  %-58s %9s %9s %13s %10s %22s\n", "scanner", "seconds", "MB/s", "keys found", "env found", "false alarms (decoys)")
	for _, r := range rows {
		rate := "-"
		if mb > 0 {
			rate = fmt.Sprintf("%.0f", mb/r.seconds)
		}
		env := "-"
		if r.env != nil {
			env = fmt.Sprintf("%d/%d", r.env.Found, r.env.Planted)
		}
		extra := r.keys.Extra
		decoys := r.keys.DecoysReported
		if r.env != nil {
			extra += r.env.Extra
			decoys += r.env.DecoysReported
		}
		fmt.Printf("  %-58s %9.2f %9s %13s %10s %22s\n", r.name, r.seconds, rate,
			fmt.Sprintf("%d/%d", r.keys.Found, r.keys.Planted), env, fmt.Sprintf("%d (%d)", extra, decoys))
	}
	for _, r := range rows {
		if r.note != "" {
			fmt.Printf("  %s\n", r.note)
		}
		if len(r.keys.Missed) > 0 {
			fmt.Printf("  %s missed: %s\n", r.name, counts(r.keys.Missed))
		}
		if len(r.keys.Reported) > 0 {
			fmt.Printf("  %s reported decoys: %s\n", r.name, counts(r.keys.Reported))
		}
	}
	for _, r := range rows[1:] {
		fmt.Printf("  throughput ratio steward / %s: %.1f×\n", r.name, r.seconds/rows[0].seconds)
	}
}

// counts shows a tally as "a ×2, b ×1", by name.
func counts(m map[string]int) string {
	var names []string
	for k := range m {
		names = append(names, k)
	}
	slices.Sort(names)
	var parts []string
	for _, n := range names {
		parts = append(parts, fmt.Sprintf("%s ×%d", n, m[n]))
	}
	return strings.Join(parts, ", ")
}
