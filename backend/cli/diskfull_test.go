package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestFullDiskIsNamed: on a real full file system (a tiny tmpfs; needs
// root), `steward usage report` never calls the healthy database corrupt
// and `steward gateway` refuses to start, both naming the full disk.
func TestFullDiskIsNamed(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a tiny tmpfs to fill needs root; backend/store covers SQLITE_FULL unprivileged")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s)", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	if code, _, errOut := run(t, dir, "usage", "report"); code != ExitOK {
		t.Fatalf("usage report on an empty disk: %d %s", code, errOut)
	}
	fillDisk(t, filepath.Join(dir, "ballast"))
	code, _, errOut := run(t, dir, "usage", "report")
	if strings.Contains(strings.ToLower(errOut), "corrupt") || (code != ExitOK && !strings.Contains(errOut, "is full")) {
		t.Fatalf("usage report on a full disk: %d %s", code, errOut)
	}
	var out, gwErr bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &gwErr, Version: "test",
		Getenv: func(string) string { return "" }, DataDir: dir}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second) // a gateway that starts would serve until then
	defer cancel()
	code = Run(ctx, env, []string{"gateway", "--listen", "127.0.0.1:0", "--upstream", "http://127.0.0.1:1/v1"})
	if code != ExitError || !strings.Contains(gwErr.String(), "is full") || strings.Contains(out.String(), "Steward gateway on") {
		t.Fatalf("gateway on a full disk: exit %d, stdout %q, stderr %q", code, out.String(), gwErr.String())
	}
}

// fillDisk writes path until the file system is full.
func fillDisk(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 4096)
	for {
		if _, err := f.Write(buf); err != nil {
			if errors.Is(err, syscall.ENOSPC) {
				return
			}
			t.Fatalf("filling the disk: %v", err)
		}
	}
}
