//go:build unix

package pgtest

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// ownerFile is the lock a live harness holds in its server's folder.
const ownerFile = ".owner"

// lockOwner takes the folder's owner lock, held until the process exits.
func lockOwner(base string) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(base, ownerFile), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// sweep removes the folders of earlier test binaries that died without
// stopping their server (killed, or no TestMain): their owner lock is free
// and no postmaster runs there.
func sweep() {
	dirs, _ := filepath.Glob(filepath.Join(tempRoot(), "steward-pgtest-*"))
	for _, d := range dirs {
		f, err := os.OpenFile(filepath.Join(d, ownerFile), os.O_RDWR, 0)
		if err != nil {
			continue // being set up, or not ours
		}
		if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil && !postmasterAlive(d) {
			os.RemoveAll(d)
		}
		f.Close()
	}
}

// postmasterAlive reports whether the server of folder d still runs.
func postmasterAlive(d string) bool {
	b, err := os.ReadFile(filepath.Join(d, "data", "postmaster.pid"))
	if err != nil {
		return false
	}
	first, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil || pid <= 0 {
		return false
	}
	return syscall.Kill(pid, 0) == nil
}
