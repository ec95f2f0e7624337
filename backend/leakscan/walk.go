package leakscan

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// fileJob is one file for a worker to scan.
type fileJob struct {
	root string // the scanned root
	abs  string // the file's path on disk
	rel  string // slash-separated, relative to root
}

// walker lists the files under one root for the workers. It never follows
// a symlinked folder (so a symlink loop cannot trap it), never enters .git,
// and reports what it cannot read instead of failing.
type walker struct {
	root          string
	respectIgnore bool
	jobs          chan<- fileJob
	skip          func(Skipped)
}

// walk sends every file to scan, stopping early only when ctx ends.
func (w *walker) walk(ctx context.Context) error {
	fi, err := os.Stat(w.root)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return w.send(ctx, fileJob{root: w.root, abs: w.root, rel: filepath.Base(w.root)})
	}
	var stack ignoreStack
	if w.respectIgnore {
		if b, err := os.ReadFile(filepath.Join(w.root, ".git", "info", "exclude")); err == nil {
			stack = append(stack, parseIgnore("", b))
		}
	}
	return w.dir(ctx, w.root, "", stack)
}

func (w *walker) dir(ctx context.Context, abs, rel string, stack ignoreStack) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	entries, err := os.ReadDir(abs)
	if err != nil {
		w.skip(Skipped{Root: w.root, File: displayRel(rel), Reason: "folder not readable: " + reason(err)})
	}
	if w.respectIgnore {
		if b, err := os.ReadFile(filepath.Join(abs, ".gitignore")); err == nil {
			stack = append(stack[:len(stack):len(stack)], parseIgnore(rel, b))
		}
	}
	for _, e := range entries {
		if e.Name() == ".git" {
			continue
		}
		childRel := joinRel(rel, e.Name())
		childAbs := filepath.Join(abs, e.Name())
		isDir := e.IsDir()
		if w.respectIgnore && stack.ignored(childRel, isDir) {
			continue
		}
		var err error
		switch t := e.Type(); {
		case isDir:
			err = w.dir(ctx, childAbs, childRel, stack)
		case t&fs.ModeSymlink != 0:
			err = w.symlink(ctx, childAbs, childRel)
		case t.IsRegular():
			err = w.send(ctx, fileJob{root: w.root, abs: childAbs, rel: childRel})
		default:
			w.skip(Skipped{Root: w.root, File: childRel, Reason: "not a regular file"})
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// symlink scans a link to a file; a link to a folder is reported and not
// followed, a broken link reported.
func (w *walker) symlink(ctx context.Context, abs, rel string) error {
	fi, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		w.skip(Skipped{Root: w.root, File: rel, Reason: "broken symlink"})
	case errors.Is(err, syscall.ELOOP):
		w.skip(Skipped{Root: w.root, File: rel, Reason: "symlink loop"})
	case err != nil:
		w.skip(Skipped{Root: w.root, File: rel, Reason: "symlink not readable: " + reason(err)})
	case fi.IsDir():
		w.skip(Skipped{Root: w.root, File: rel, Reason: "symlink to a folder, not followed"})
	case fi.Mode().IsRegular():
		return w.send(ctx, fileJob{root: w.root, abs: abs, rel: rel})
	default:
		w.skip(Skipped{Root: w.root, File: rel, Reason: "not a regular file"})
	}
	return nil
}

func (w *walker) send(ctx context.Context, j fileJob) error {
	select {
	case w.jobs <- j:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// joinRel joins slash-separated relative paths.
func joinRel(dir, name string) string {
	if dir == "" {
		return name
	}
	return dir + "/" + name
}

// displayRel shows the root itself as ".".
func displayRel(rel string) string {
	if rel == "" {
		return "."
	}
	return rel
}

// reason is the cause of a file system error without the path it repeats.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
