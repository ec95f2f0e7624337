package leakscan

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"steward/backend/apperr"
)

// scanHistory scans every blob reachable from any ref of the repository at
// root, once each, then reads the commits' file changes to name the commits
// that added each key. A folder that is no repository, or a machine without
// git, is reported as skipped; a repository in done is not scanned again.
func scanHistory(ctx context.Context, root string, workers int, c *collector, done map[string]bool) error {
	repo, err := openRepo(ctx, root)
	if apperr.Is(err, CodeGitMissing) || apperr.Is(err, CodeNotRepository) {
		_, msg := apperr.Describe(err, "en")
		c.skip(Skipped{Root: root, File: ".", Reason: "history not scanned: " + msg})
		return nil
	}
	if err != nil || done[repo] {
		return err
	}
	done[repo] = true
	out, err := gitOutput(ctx, repo, "rev-list", "--all", "--count")
	if err != nil {
		return err
	}
	n, _ := strconv.ParseInt(string(bytes.TrimSpace(out)), 10, 64)
	c.commits.Add(n)
	blobs, err := listBlobs(ctx, repo)
	if err != nil {
		return err
	}
	hits, err := scanBlobs(ctx, repo, blobs, workers, c)
	if err != nil || len(hits) == 0 {
		return err
	}
	return attributeHits(ctx, repo, root, blobs, hits, c)
}

// listBlobs lists every blob reachable from all refs, with a path it has.
func listBlobs(ctx context.Context, repo string) ([]blobRef, error) {
	out, err := gitOutput(ctx, repo, "rev-list", "--objects", "--all", "--filter=object:type=blob")
	if err != nil {
		return nil, err
	}
	var blobs []blobRef
	for line := range bytes.Lines(out) {
		oid, path, ok := strings.Cut(strings.TrimRight(string(line), "\n"), " ")
		if ok {
			blobs = append(blobs, blobRef{oid: oid, path: path})
		}
	}
	return blobs, nil
}

// scanBlobs scans blobs through `workers` cat-file processes and returns
// the hits of each blob that has any.
func scanBlobs(ctx context.Context, repo string, blobs []blobRef, workers int, c *collector) (map[string][]hit, error) {
	if len(blobs) == 0 {
		return map[string][]hit{}, nil
	}
	workers = max(1, min(workers, len(blobs)))
	var (
		mu    sync.Mutex
		found = map[string][]hit{}
		errs  = make([]error, workers)
		wg    sync.WaitGroup
	)
	for w := range workers {
		var part []blobRef
		for i := w; i < len(blobs); i += workers {
			part = append(part, blobs[i])
		}
		wg.Go(func() {
			errs[w] = scanBlobPart(ctx, repo, part, c, func(oid string, hs []hit) {
				mu.Lock()
				found[oid] = hs
				mu.Unlock()
			})
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return found, err
	}
	return found, errors.Join(errs...)
}

// scanBlobPart scans blobs through one cat-file process.
func scanBlobPart(ctx context.Context, repo string, blobs []blobRef, c *collector, record func(string, []hit)) error {
	oids := make([]string, len(blobs))
	for i, b := range blobs {
		oids[i] = b.oid
	}
	cf, err := startCatFile(ctx, repo, oids)
	if err != nil {
		return err
	}
	s := newStreamScanner(c.lookup)
	for _, b := range blobs {
		if err := scanOneBlob(ctx, cf, s, b, c, record); err != nil {
			cf.close(true)
			return err
		}
	}
	return cf.close(false)
}

func scanOneBlob(ctx context.Context, cf *catFile, s *streamScanner, b blobRef, c *collector, record func(string, []hit)) error {
	oid, typ, size, ok, err := cf.next()
	if err != nil || !ok {
		return err
	}
	body := cf.body(size)
	if typ == "blob" {
		out, err := s.scan(ctx, body, b.path)
		if err != nil {
			return err
		}
		if out.binary {
			c.binary.Add(1)
		}
		c.files.Add(1)
		c.bytes.Add(out.bytes)
		if len(out.hits) > 0 {
			record(oid, out.hits)
		}
	}
	return cf.done(body)
}

// attributeHits reads every commit's file changes and places each key
// found in a blob in the commits that added it. Blobs no plain commit
// introduces (an evil merge, a tag on a tree) are looked up by object.
func attributeHits(ctx context.Context, repo, root string, blobs []blobRef, hits map[string][]hit, c *collector) error {
	a := &attributor{root: root, hits: hits, c: c, seen: map[[3]string]bool{}, placed: map[string]bool{}}
	if err := a.readLog(ctx, repo, "--all"); err != nil {
		return err
	}
	for _, b := range blobs {
		if _, ok := hits[b.oid]; !ok || a.placed[b.oid] {
			continue
		}
		if err := a.readLog(ctx, repo, "--all", "-m", "--find-object="+b.oid); err != nil {
			return err
		}
		if !a.placed[b.oid] {
			a.place(b.path, commitInfo{}, "", b.oid)
		}
	}
	return nil
}

// attributor turns blob hits into findings, once per (key, file, commit).
type attributor struct {
	root   string
	hits   map[string][]hit
	c      *collector
	seen   map[[3]string]bool
	placed map[string]bool
}

// readLog streams `git log --raw` and places every change whose new blob
// has hits.
func (a *attributor) readLog(ctx context.Context, repo string, args ...string) error {
	args = append(append([]string{"log"}, args...),
		"--root", "--raw", "--no-abbrev", "--no-renames", "-z", "--format=%x01%H%x00%an <%ae>%x00%aI")
	cmd := gitCmd(ctx, repo, args...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("git log: %w", err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("git log: %w", err)
	}
	perr := a.parseLog(bufio.NewReaderSize(stdout, 256<<10))
	if perr != nil {
		cmd.Process.Kill()
	}
	if err := cmd.Wait(); err != nil && perr == nil {
		return fmt.Errorf("git log: %w: %s", err, firstLine(stderr.String()))
	}
	return perr
}

// parseLog reads NUL-separated tokens: "\x01hash", author, date for each
// commit, then ":modes old new status", path for each changed file.
func (a *attributor) parseLog(r *bufio.Reader) error {
	token := func() (string, error) {
		t, err := r.ReadString(0)
		return strings.TrimLeft(strings.TrimSuffix(t, "\x00"), "\n"), err
	}
	var ci commitInfo
	for {
		t, err := token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("git log: %w", err)
		}
		switch {
		case strings.HasPrefix(t, "\x01"):
			ci = commitInfo{hash: t[1:]}
			if ci.author, err = token(); err == nil {
				ci.date, err = token()
			}
		case strings.HasPrefix(t, ":"):
			var path string
			path, err = token()
			if f := strings.Fields(t); len(f) >= 5 && err == nil {
				a.place(path, ci, f[2], f[3])
			}
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("git log: %w", err)
		}
	}
}

// place records the hits of newOid that oldOid, the file's previous
// content, did not already hold.
func (a *attributor) place(path string, ci commitInfo, oldOid, newOid string) {
	hs, ok := a.hits[newOid]
	if !ok {
		return
	}
	a.placed[newOid] = true
	old := a.hits[oldOid]
	var add []hit
	for _, h := range hs {
		if slices.ContainsFunc(old, func(o hit) bool { return o.fingerprint == h.fingerprint }) {
			continue
		}
		k := [3]string{h.fingerprint, path, ci.hash}
		if a.seen[k] {
			continue
		}
		if !h.allowed {
			a.seen[k] = true
		}
		add = append(add, h)
	}
	a.c.addHits(a.root, path, ci, add)
}
