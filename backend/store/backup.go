package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"steward/backend/apperr"
)

// Backup writes a consistent copy of the database to dest while the app keeps
// running (VACUUM INTO), via a temporary file renamed into place so a failed
// backup never leaves a half-written file at dest.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if s.dialect == Postgres {
		return apperr.Text(apperr.BackupFailed, "store.backup",
			"A PostgreSQL database is backed up with its own tools (pg_dump), not by Steward.",
			"PostgreSQL 数据库请使用其自带工具（pg_dump）备份，而不是通过 Steward。")
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return apperr.Wrap(err, apperr.BackupFailed, "store.backup", "path", dest)
	}
	tmp, err := os.CreateTemp(filepath.Dir(abs), ".steward-backup-*.db")
	if err != nil {
		return apperr.Wrap(err, apperr.BackupFailed, "store.backup", "path", dest)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	os.Remove(tmpPath) // VACUUM INTO wants to create the file itself
	defer os.Remove(tmpPath)
	if _, err := s.read.ExecContext(ctx, `VACUUM INTO ?`, tmpPath); err != nil {
		return apperr.Wrap(fmt.Errorf("vacuum into: %w", err), apperr.BackupFailed, "store.backup", "path", dest)
	}
	if err := os.Chmod(tmpPath, 0o600); err != nil {
		return apperr.Wrap(err, apperr.BackupFailed, "store.backup", "path", dest)
	}
	if err := os.Rename(tmpPath, abs); err != nil {
		return apperr.Wrap(err, apperr.BackupFailed, "store.backup", "path", dest)
	}
	return nil
}
