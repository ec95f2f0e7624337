package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// steward runs the Steward CLI with env added to the bench's environment.
type steward struct {
	bin string
	env []string
}

// run runs one command to the end and returns its standard output.
func (s steward) run(ctx context.Context, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, s.bin, args...)
	cmd.Env = append(os.Environ(), s.env...)
	var errOut strings.Builder
	cmd.Stderr = &errOut
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("steward %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(errOut.String()))
	}
	return string(out), nil
}

// replica is one `steward gateway` process.
type replica struct {
	cmd   *exec.Cmd
	base  string // its OpenAI-compatible base URL
	admin string // its admin listener, http://host:port
	done  chan error
}

// startReplica starts `steward gateway` on a free loopback port in its own
// data folder, forwarding to upstream, and waits until it listens.
func (s steward) startReplica(dataDir, upstream string) (*replica, error) {
	cmd := exec.Command(s.bin, "gateway", "--listen", "127.0.0.1:0", "--admin-listen", "127.0.0.1:0", "--upstream", upstream)
	cmd.Env = append(os.Environ(), append(s.env, "STEWARD_DATA_DIR="+dataDir)...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start steward gateway: %w", err)
	}
	r := &replica{cmd: cmd, done: make(chan error, 1)}
	lines := bufio.NewScanner(out)
	deadline := time.AfterFunc(60*time.Second, func() { _ = cmd.Process.Kill() })
	defer deadline.Stop()
	for lines.Scan() {
		line := lines.Text()
		if v, ok := strings.CutPrefix(line, "Point your apps at it: OPENAI_BASE_URL="); ok {
			r.base = v
		}
		if v, ok := strings.CutPrefix(line, "Admin endpoints on "); ok {
			r.admin, _, _ = strings.Cut(v, " ")
		}
		if r.base != "" && r.admin != "" {
			break
		}
	}
	go func() {
		_, _ = io.Copy(io.Discard, out)
		r.done <- cmd.Wait()
	}()
	if r.base == "" || r.admin == "" {
		return nil, fmt.Errorf("steward gateway did not say where it listens: %v", <-r.done)
	}
	return r, nil
}

// stop sends SIGTERM, as an orchestrator does, and waits for the drain.
func (r *replica) stop() error {
	_ = r.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-r.done:
		return err
	case <-time.After(60 * time.Second):
		_ = r.cmd.Process.Kill()
		return fmt.Errorf("steward gateway did not stop within 60 s of SIGTERM")
	}
}
