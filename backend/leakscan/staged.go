package leakscan

import (
	"context"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// ScanStaged scans the changes staged in repo for the next commit (what
// `git diff --cached` adds): each key or literal assignment a staged file
// holds that its committed version did not. It honours steward:allow and
// the repository's BaselineFile; the pre-commit hook runs it.
func ScanStaged(ctx context.Context, repo string) (*Result, error) {
	started := time.Now()
	res := &Result{StartedAt: started}
	c := &collector{}
	top, err := openRepo(ctx, repo)
	var base *Baseline
	if err == nil {
		res.Roots = []string{top}
		if base, err = ReadBaselineIfPresent(filepath.Join(top, BaselineFile)); err == nil {
			err = scanStagedChanges(ctx, top, c)
		}
	} else {
		res.Roots = []string{repo}
	}
	finishResult(res, c, Options{Now: time.Now}, map[string]*Baseline{top: base}, started, err)
	return res, err
}

// stagedChange is one file the index changes: its blob before and after.
type stagedChange struct {
	path, oldOid, newOid string
}

// scanStagedChanges scans the staged blobs, then the committed versions of
// those with hits, and keeps what is new.
func scanStagedChanges(ctx context.Context, repo string, c *collector) error {
	changes, err := stagedChanges(ctx, repo)
	if err != nil || len(changes) == 0 {
		return err
	}
	blobs := make([]blobRef, len(changes))
	for i, ch := range changes {
		blobs[i] = blobRef{oid: ch.newOid, path: ch.path}
	}
	hits, err := scanBlobs(ctx, repo, blobs, runtime.NumCPU(), c)
	if err != nil || len(hits) == 0 {
		return err
	}
	var olds []blobRef
	for _, ch := range changes {
		if _, ok := hits[ch.newOid]; ok && !isNullOid(ch.oldOid) {
			olds = append(olds, blobRef{oid: ch.oldOid, path: ch.path})
		}
	}
	// The committed versions only subtract keys; they do not count as scanned.
	oldHits, err := scanBlobs(ctx, repo, olds, runtime.NumCPU(), &collector{})
	if err != nil {
		return err
	}
	for oid, hs := range oldHits {
		if _, ok := hits[oid]; !ok {
			hits[oid] = hs
		}
	}
	a := &attributor{root: repo, hits: hits, c: c, seen: map[[3]string]bool{}, placed: map[string]bool{}}
	for _, ch := range changes {
		a.place(ch.path, commitInfo{}, ch.oldOid, ch.newOid)
	}
	return nil
}

// stagedChanges lists the files added or modified in the index, from
// `git diff --cached --raw -z` (against the empty tree before the first
// commit). Deletions and submodules are left out.
func stagedChanges(ctx context.Context, repo string) ([]stagedChange, error) {
	out, err := gitOutput(ctx, repo, "diff", "--cached", "--raw", "-z", "--no-abbrev", "--no-renames")
	if err != nil {
		return nil, err
	}
	tokens := strings.Split(string(out), "\x00")
	var changes []stagedChange
	for i := 0; i+1 < len(tokens); i += 2 {
		f := strings.Fields(tokens[i])
		if len(f) < 5 || f[4] == "D" || f[1] == "160000" {
			continue
		}
		changes = append(changes, stagedChange{path: tokens[i+1], oldOid: f[2], newOid: f[3]})
	}
	return changes, nil
}

// isNullOid reports whether oid is git's all-zero "no object".
func isNullOid(oid string) bool { return strings.Trim(oid, "0") == "" }
