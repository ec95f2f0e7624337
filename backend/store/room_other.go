//go:build !unix

package store

// noRoom cannot tell on this system; ENOSPC and SQLITE_FULL still can.
func noRoom(string) bool { return false }
