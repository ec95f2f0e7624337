package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"steward/backend/app"
	"steward/backend/export"
	"steward/backend/leakscan"
)

func runScan(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("scan", env.Stderr)
	history := fs.Bool("history", false, "also scan every commit reachable from all refs")
	format := fs.String("format", "text", "text, json or sarif")
	out := fs.String("out", "", "write the report to FILE instead of standard output")
	baseline := fs.String("baseline", "", "a baseline file of accepted fingerprints")
	writeBaseline := fs.String("write-baseline", "", "write the findings' fingerprints to FILE as a baseline")
	gitignore := fs.Bool("respect-gitignore", false, "skip what .gitignore files exclude")
	staged := fs.Bool("staged", false, "scan the changes staged in the git repository PATH (the pre-commit hook)")
	hook := fs.String("install-hook", "", "install a git pre-commit hook in REPO that blocks commits adding a key")
	maxSize := fs.String("max-file-size", "", "skip (and list) files larger than SIZE, e.g. 500MB; every file is scanned by default")
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *hook != "" {
		return installHook(env, *hook)
	}
	maxFileSize, err := parseSize(*maxSize)
	if err != nil {
		return usageErr("--max-file-size: %v", err)
	}
	if len(paths) == 0 || !slices.Contains(leakscan.Formats(), *format) {
		return usageErr("usage: steward scan PATH... [--history] [--format text|json|sarif] [--out FILE] [--baseline FILE] [--max-file-size SIZE]")
	}
	var res *leakscan.Result
	if *staged {
		res, err = leakscan.ScanStaged(ctx, paths[0])
	} else {
		res, err = scanAndSave(ctx, env, paths, scanFlags{*history, *gitignore, *baseline, maxFileSize})
	}
	if res == nil {
		return err
	}
	if werr := writeScanReport(env, res, *format, *out); werr != nil {
		return werr
	}
	if err != nil {
		return err
	}
	if *writeBaseline != "" {
		if err := leakscan.WriteBaseline(*writeBaseline, res.Findings); err != nil {
			return err
		}
		fmt.Fprintf(env.Stderr, "Wrote a baseline of %d accepted finding(s) to %s\n", len(res.Findings), *writeBaseline)
		return nil
	}
	if len(res.Findings) > 0 {
		return errFinding
	}
	return nil
}

// scanFlags are the scan command's options for scanAndSave.
type scanFlags struct {
	history, gitignore bool
	baselinePath       string
	maxFileSize        int64
}

// scanAndSave scans with the key register as lookup and saves each
// folder's scan on its own, so the Keys dashboard and the checklist can
// show it; a folder that fails never replaces another folder's last scan.
func scanAndSave(ctx context.Context, env *Env, paths []string, f scanFlags) (*leakscan.Result, error) {
	var res *leakscan.Result
	err := withServices(ctx, env, func(svc *app.Services) error {
		var err error
		res, err = svc.LeakScan.ScanFolders(ctx, app.ScanRequest{Paths: paths, History: f.history,
			RespectGitignore: f.gitignore, Baseline: f.baselinePath, MaxFileSize: f.maxFileSize})
		return err
	})
	return res, err
}

func writeScanReport(env *Env, res *leakscan.Result, format, out string) error {
	write := func(w io.Writer) error { return leakscan.WriteReport(w, res, format) }
	if out == "" || out == "-" {
		return write(env.Stdout)
	}
	if err := export.WriteFile(out, write); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "Wrote %s (%d finding(s))\n", out, len(res.Findings))
	return nil
}

func installHook(env *Env, repo string) error {
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find the steward binary: %w", err)
	}
	if err := leakscan.InstallHook(repo, self); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Installed a pre-commit hook in %s: commits that add an API key are blocked.\n", strings.TrimSuffix(repo, "/"))
	return nil
}
