// Package store opens Steward's database: the desktop's single SQLite file
// (Open) or a team's PostgreSQL database (OpenPostgres). It refuses corrupt
// databases and databases from a newer Steward without touching them,
// applies the embedded migrations, and hands out a writer and a read pool.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"steward/backend/apperr"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// FileName is the database's name inside the data directory.
const FileName = "steward.db"

// Store is the opened database.
type Store struct {
	path    string // the file, or the PostgreSQL URL without its password
	dialect Dialect
	write   *sql.DB // SQLite: one connection (one writer at a time); PostgreSQL: the pool
	read    *sql.DB // SQLite: read-only connections; PostgreSQL: the same pool as write
	pool    *pgxpool.Pool
	now     func() time.Time
}

// Options adjusts Open; the zero value is the production setting.
type Options struct {
	Now func() time.Time // clock for migration records; time.Now by default
}

// Open opens (creating if needed) the database in dir.
func Open(ctx context.Context, dir string, opts Options) (*Store, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	path := filepath.Join(dir, FileName)
	if err := prepareFiles(dir, path); err != nil {
		return nil, err
	}
	if err := inspect(ctx, path); err != nil {
		return nil, err
	}
	s := &Store{path: path, now: opts.Now}
	var err error
	if s.write, err = sql.Open("sqlite", dsn(path, false)); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s.write.SetMaxOpenConns(1)
	if s.read, err = sql.Open("sqlite", dsn(path, true)); err != nil {
		s.write.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s.read.SetMaxOpenConns(4)
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// dsn builds a modernc DSN whose pragmas apply to every pooled connection;
// busy_timeout comes first so the others wait rather than fail.
func dsn(path string, readOnly bool) string {
	q := "_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)"
	if readOnly {
		return "file:" + path + "?mode=ro&" + q
	}
	return "file:" + path + "?_txlock=immediate&" + q
}

// prepareFiles creates the directory (0700) and an empty database file (0600)
// so SQLite never creates them with looser permissions.
func prepareFiles(dir, path string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return apperr.Wrap(err, apperr.DataDirUnusable, "store.open", "path", dir)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return apperr.Wrap(err, apperr.DataDirUnusable, "store.open", "path", dir)
	}
	return f.Close()
}

// Path is the database file's path; on PostgreSQL, the URL without its
// password.
func (s *Store) Path() string { return s.path }

// Read is the read-only pool, for queries.
func (s *Store) Read() *sql.DB { return s.read }

// Write runs fn in one write transaction, committing when fn returns nil.
func (s *Store) Write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return s.diskFull(fmt.Errorf("begin: %w", err))
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return s.diskFull(err)
	}
	if err := tx.Commit(); err != nil {
		return s.diskFull(fmt.Errorf("commit: %w", err))
	}
	return nil
}

// diskFull names a full disk as such; other errors pass unchanged.
func (s *Store) diskFull(err error) error {
	if s.dialect == SQLite && IsDiskFull(err) && !apperr.Is(err, apperr.DiskFull) {
		return DiskFullError(err, "store.write", filepath.Dir(s.path))
	}
	return err
}

// Close closes both pools.
func (s *Store) Close() error {
	var errs []error
	if s.read != nil {
		errs = append(errs, s.read.Close())
	}
	if s.write != nil && s.write != s.read {
		errs = append(errs, s.write.Close())
	}
	if s.pool != nil {
		s.pool.Close()
	}
	return errors.Join(errs...)
}

// DefaultDir is where Steward keeps its data unless told otherwise:
// the override if set, else $STEWARD_DATA_DIR, else the OS config folder.
func DefaultDir(override string, getenv func(string) string) (string, error) {
	if override != "" {
		return override, nil
	}
	if d := getenv("STEWARD_DATA_DIR"); d != "" {
		return d, nil
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", apperr.Wrap(err, apperr.DataDirUnusable, "store.dir", "path", "(no config folder)")
	}
	return filepath.Join(base, "steward"), nil
}
