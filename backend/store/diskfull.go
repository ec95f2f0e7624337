package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"modernc.org/sqlite"

	"steward/backend/apperr"
)

// SQLite result codes the store tells apart (the primary code, the low byte).
const (
	sqliteCorrupt  = 11
	sqliteIOErr    = 10
	sqliteFull     = 13
	sqliteCantOpen = 14
	sqliteNotADB   = 26
)

// IsDiskFull reports whether err says the disk (or the database's page
// limit) is full: ENOSPC from the file system or SQLITE_FULL from SQLite.
func IsDiskFull(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, syscall.ENOSPC) {
		return true
	}
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code()&0xff == sqliteFull {
		return true
	}
	return strings.Contains(err.Error(), "database or disk is full") || strings.Contains(err.Error(), "no space left on device")
}

// isCorrupt reports whether err says the file itself is damaged or not a
// database, as opposed to a disk that is full or a file that cannot be opened.
func isCorrupt(err error) bool {
	var d *damaged
	if errors.As(err, &d) {
		return true
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		c := se.Code() & 0xff
		return c == sqliteCorrupt || c == sqliteNotADB
	}
	return false
}

// isIOError reports SQLITE_IOERR and SQLITE_CANTOPEN, which SQLite also
// answers when it cannot grow a file on a full disk.
func isIOError(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		c := se.Code() & 0xff
		return c == sqliteIOErr || c == sqliteCantOpen
	}
	return false
}

// classify gives err, from opening or writing the database at path, the
// code that names its cause: a full disk, a damaged file, or a data folder
// that cannot be used. A full disk is never called corruption.
func classify(err error, op, path string) error {
	switch {
	case err == nil:
		return nil
	case IsDiskFull(err), isIOError(err) && noRoom(filepath.Dir(path)):
		return apperr.Wrap(err, apperr.DiskFull, op, "path", path)
	case isCorrupt(err):
		return apperr.Wrap(err, apperr.DatabaseCorrupt, op, "path", path)
	}
	return apperr.Wrap(err, apperr.DataDirUnusable, op, "path", path)
}

// DiskFullError is the error a writer returns for a full disk under dir,
// for callers that detect it with IsDiskFull outside the store.
func DiskFullError(err error, op, dir string) error {
	return apperr.Wrap(err, apperr.DiskFull, op, "path", dir)
}

// probeSize is how much CheckRoom writes to see that the disk takes data;
// minRoomPages is the fewest pages the database must still be able to grow.
const (
	probeSize    = 64 << 10
	minRoomPages = 16
)

// CheckRoom tells whether the database can grow: it writes (and removes) a
// small file beside it and checks SQLite's page limit. A full disk is an
// apperr.DiskFull error, so a service refuses to start rather than lose
// what it records.
func (s *Store) CheckRoom(ctx context.Context) error {
	dir := filepath.Dir(s.path)
	f, err := os.CreateTemp(dir, ".steward-room-*")
	if err != nil {
		return classify(err, "store.check_room", dir)
	}
	name := f.Name()
	_, err = f.Write(make([]byte, probeSize))
	if err == nil {
		err = f.Sync()
	}
	f.Close()
	os.Remove(name)
	if err != nil {
		return classify(err, "store.check_room", dir)
	}
	var pages, limit, free int64
	for q, dst := range map[string]*int64{`PRAGMA page_count`: &pages, `PRAGMA max_page_count`: &limit, `PRAGMA freelist_count`: &free} {
		if err := s.write.QueryRowContext(ctx, q).Scan(dst); err != nil {
			return classify(err, "store.check_room", dir)
		}
	}
	if limit > 0 && limit-pages+free < minRoomPages {
		return DiskFullError(errors.New("the database reached its page limit"), "store.check_room", dir)
	}
	return nil
}
