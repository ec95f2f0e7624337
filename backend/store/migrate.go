package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations/*.sql
var migrationsFS embed.FS

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// migrationFiles lists the embedded migrations in order. Files are named
// NNNN_description.sql; each package's tables come in their own numbered file.
func migrationFiles() []migration { return readMigrations(migrationsFS, "migrations") }

// readMigrations lists the NNNN_name.sql files of dir in fsys, in order.
func readMigrations(fsys embed.FS, dir string) []migration {
	entries, _ := fs.ReadDir(fsys, dir)
	var out []migration
	for _, e := range entries {
		num, name, _ := strings.Cut(strings.TrimSuffix(e.Name(), ".sql"), "_")
		v, err := strconv.Atoi(num)
		if err != nil {
			continue
		}
		b, _ := fsys.ReadFile(dir + "/" + e.Name())
		out = append(out, migration{version: v, name: name, sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out
}

// migrate applies every embedded migration the database has not recorded,
// in order, each in its own transaction that also records it, so a failure
// leaves the database as it was before that migration.
func (s *Store) migrate(ctx context.Context) error {
	applied, err := appliedVersions(ctx, s.write)
	if err != nil {
		return fmt.Errorf("read applied migrations: %w", err)
	}
	for _, m := range migrationFiles() {
		if applied[m.version] {
			continue
		}
		if err := s.apply(ctx, m); err != nil {
			return fmt.Errorf("migration %04d %s: %w", m.version, m.name, err)
		}
	}
	return nil
}

// appliedVersions reads the recorded migrations; a new database has none.
func appliedVersions(ctx context.Context, db *sql.DB) (map[int]bool, error) {
	out := map[int]bool{}
	rows, err := db.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		if strings.Contains(err.Error(), "no such table") {
			return out, nil
		}
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out[v] = true
	}
	return out, rows.Err()
}

func (s *Store) apply(ctx context.Context, m migration) error {
	return s.Write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)`,
			m.version, m.name, s.now().UTC().Format(time.RFC3339)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, max(m.version, LatestApplied(ctx, tx))))
		return err
	})
}

// LatestVersion is the number of the newest SQLite migration this build knows.
func LatestVersion() int {
	m := migrationFiles()
	if len(m) == 0 {
		return 0
	}
	return m[len(m)-1].version
}

// LatestApplied is the highest recorded migration inside tx.
func LatestApplied(ctx context.Context, tx *sql.Tx) int {
	var v int
	tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	return v
}

// SchemaVersion is the number of the last applied migration.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	q := `PRAGMA user_version`
	if s.dialect == Postgres {
		q = `SELECT coalesce(max(version), 0) FROM schema_migrations`
	}
	err := s.read.QueryRowContext(ctx, q).Scan(&v)
	return v, err
}
