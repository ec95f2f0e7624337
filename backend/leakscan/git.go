package leakscan

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"steward/backend/apperr"
)

// gitCmd prepares git with args in repo, with no prompts, no optional
// locks and paths printed as they are.
func gitCmd(ctx context.Context, repo string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", repo, "-c", "core.quotepath=off"}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0")
	return cmd
}

// gitOutput runs git and returns its standard output; a failure carries
// git's own message.
func gitOutput(ctx context.Context, repo string, args ...string) ([]byte, error) {
	cmd := gitCmd(ctx, repo, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return out, fmt.Errorf("git %s: %w: %s", args[0], err, firstLine(msg))
		}
		return out, fmt.Errorf("git %s: %w", args[0], err)
	}
	return out, nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// openRepo checks that repo is inside a git repository and returns its top
// folder (the repository itself when bare).
func openRepo(ctx context.Context, repo string) (string, error) {
	out, err := gitOutput(ctx, repo, "rev-parse", "--show-toplevel")
	if errors.Is(err, exec.ErrNotFound) {
		e := apperr.Text(CodeGitMissing, "leakscan.git",
			"Scanning git history needs git, which is not installed or not on the PATH.",
			"扫描 git 历史需要 git，但未安装或不在 PATH 中。")
		e.Err = err
		return "", e
	}
	if err != nil || len(bytes.TrimSpace(out)) == 0 {
		if _, berr := gitOutput(ctx, repo, "rev-parse", "--git-dir"); berr == nil {
			return repo, nil // a bare repository
		}
		e := apperr.Text(CodeNotRepository, "leakscan.git",
			fmt.Sprintf("%s is not a git repository.", repo),
			fmt.Sprintf("%s 不是 git 仓库。", repo))
		e.Err = err
		return "", e
	}
	return string(bytes.TrimSpace(out)), nil
}

// blobRef is a blob and a path it was seen at.
type blobRef struct {
	oid, path string
}

// catFile reads blobs from one `git cat-file --batch` process.
type catFile struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	out   *bufio.Reader
	wait  func() error
}

// startCatFile starts `git cat-file --batch` in repo and feeds it oids from
// a goroutine, so reading and writing never deadlock.
func startCatFile(ctx context.Context, repo string, oids []string) (*catFile, error) {
	cmd := gitCmd(ctx, repo, "cat-file", "--batch")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	go func() {
		w := bufio.NewWriterSize(stdin, 64<<10)
		for _, oid := range oids {
			if _, err := w.WriteString(oid + "\n"); err != nil {
				break
			}
		}
		w.Flush()
		stdin.Close()
	}()
	wait := func() error {
		if err := cmd.Wait(); err != nil {
			return fmt.Errorf("git cat-file: %w: %s", err, firstLine(stderr.String()))
		}
		return nil
	}
	return &catFile{cmd: cmd, stdin: stdin, out: bufio.NewReaderSize(stdout, 1<<20), wait: wait}, nil
}

// next reads the next object's header; ok is false for a missing object.
func (c *catFile) next() (oid, typ string, size int64, ok bool, err error) {
	line, err := c.out.ReadString('\n')
	if err != nil {
		return "", "", 0, false, fmt.Errorf("git cat-file: %w", err)
	}
	f := strings.Fields(line)
	if len(f) == 2 && f[1] == "missing" {
		return f[0], "", 0, false, nil
	}
	// The line is never quoted in errors: out of step, it could be a file's content.
	if len(f) != 3 {
		return "", "", 0, false, errors.New("git cat-file: unexpected output")
	}
	if size, err = strconv.ParseInt(f[2], 10, 64); err != nil || size < 0 {
		return "", "", 0, false, errors.New("git cat-file: unexpected object size")
	}
	return f[0], f[1], size, true, nil
}

// body is the reader of the current object's content; call done after.
func (c *catFile) body(size int64) *io.LimitedReader {
	return &io.LimitedReader{R: c.out, N: size}
}

// done skips what is left of the object's content and its newline.
func (c *catFile) done(body *io.LimitedReader) error {
	if _, err := io.Copy(io.Discard, body); err != nil {
		return fmt.Errorf("git cat-file: %w", err)
	}
	if _, err := c.out.ReadByte(); err != nil {
		return fmt.Errorf("git cat-file: %w", err)
	}
	return nil
}

// close collects the process's exit; abort kills it first, for a reader
// that stops before the end of the output.
func (c *catFile) close(abort bool) error {
	if abort {
		c.cmd.Process.Kill()
		c.wait()
		return nil
	}
	return c.wait()
}
