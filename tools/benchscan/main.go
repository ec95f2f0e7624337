// Command benchscan measures Steward's leak scanner against gitleaks on a
// generated corpus: `benchscan gen` writes the corpus, a git repository and
// a manifest of what was planted; `benchscan compare` times both scanners
// and scores what each found. scripts/bench-scan.sh runs both.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"time"

	"steward/backend/leakscan"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: benchscan gen|compare [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "gen":
		err = runGen(os.Args[2:])
	case "compare":
		err = runCompare(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchscan:", err)
		os.Exit(1)
	}
}

func runGen(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ExitOnError)
	dir := fs.String("dir", "", "folder to write the corpus into (created)")
	repo := fs.String("repo", "", "folder for the git repository with keys in its history")
	out := fs.String("manifest", "", "manifest file to write (outside -dir)")
	files := fs.Int("files", 52000, "number of files")
	mb := fs.Int("mb", 560, "total size in MB")
	commits := fs.Int("commits", 1500, "commits in the repository")
	seed := fs.Uint64("seed", 1, "seed for everything generated")
	fs.Parse(args)
	if *dir == "" || *repo == "" || *out == "" {
		return fmt.Errorf("gen needs -dir, -repo and -manifest")
	}
	start := time.Now()
	m, err := generate(*dir, *seed, *files, *mb)
	if err != nil {
		return fmt.Errorf("generate corpus: %w", err)
	}
	c := &corpus{m: m}
	c.g, c.r = newGen(*seed + 1)
	c.pools = fillerPools(c.r)
	if err := c.generateRepo(*repo, *commits); err != nil {
		return fmt.Errorf("generate repository: %w", err)
	}
	fmt.Printf("corpus: %d files, %.0f MB, %d keys, %d env literals, %d decoys; repository: %d commits, %d keys in history (%.1f s)\n",
		m.Files, float64(m.Bytes)/1e6, len(m.Planted), len(m.EnvPlanted), len(m.Decoys), m.HistoryCommits,
		len(m.HistoryPlanted), time.Since(start).Seconds())
	return m.write(*out)
}

// steward runs one Steward scan and returns it with the fingerprints it reported.
func steward(roots []string, history bool) (*leakscan.Result, map[string]bool, map[string]bool, error) {
	r, err := leakscan.Scan(context.Background(), leakscan.Options{Roots: roots, History: history, Workers: runtime.NumCPU()})
	if err != nil {
		return nil, nil, nil, err
	}
	keys, env := map[string]bool{}, map[string]bool{}
	for _, f := range r.Findings {
		switch {
		case f.Rule == leakscan.RuleEnvAssignment:
			env[f.Fingerprint] = true
		case !history || f.Commit != "":
			keys[f.Fingerprint] = true
		}
	}
	return r, keys, env, nil
}
