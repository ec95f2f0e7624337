//go:build unix

package store

import "syscall"

// noRoom reports whether the file system holding dir has (next to) no
// space left for an unprivileged writer.
func noRoom(dir string) bool {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return false
	}
	return uint64(st.Bavail)*uint64(st.Bsize) < probeSize
}
