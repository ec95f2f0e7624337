//go:build unix

package leakscan

import (
	"path/filepath"
	"syscall"
	"testing"
)

// TestSpecialFileIsSkipped never opens a FIFO, which would block.
func TestSpecialFileIsSkipped(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Skip(err)
	}
	r := scanDir(t, dir, Options{})
	if len(r.Skipped) != 1 || r.Skipped[0].Reason != "not a regular file" {
		t.Errorf("skipped = %+v", r.Skipped)
	}
}
