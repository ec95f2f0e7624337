package store

import (
	"context"
	"embed"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"steward/backend/apperr"
)

//go:embed migrations_pg/*.sql
var pgMigrationsFS embed.FS

// pgMigrationLock is the pg_advisory_lock key held while migrating, so
// replicas that start at once migrate one after the other ("stwd" in hex).
const pgMigrationLock = 0x73747764

// pgMigrationFiles lists the embedded PostgreSQL migrations in order. They
// carry the numbers of the SQLite migrations they translate.
func pgMigrationFiles() []migration { return readMigrations(pgMigrationsFS, "migrations_pg") }

// LatestPostgresVersion is the newest PostgreSQL migration this build knows.
func LatestPostgresVersion() int {
	m := pgMigrationFiles()
	if len(m) == 0 {
		return 0
	}
	return m[len(m)-1].version
}

// migratePG holds the advisory lock on one connection, refuses a database
// with migrations this build does not know, and applies the missing ones,
// each in a transaction that records it.
func (s *Store) migratePG(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", s.path, err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, pgMigrationLock); err != nil {
		return fmt.Errorf("migrate %s: lock: %w", s.path, err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, pgMigrationLock)
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("migrate %s: %w", s.path, err)
	}
	applied, err := pgApplied(ctx, conn.Conn())
	if err != nil {
		return fmt.Errorf("migrate %s: read applied migrations: %w", s.path, err)
	}
	if err := s.refuseNewer(applied); err != nil {
		return err
	}
	for _, m := range pgMigrationFiles() {
		if applied[m.version] {
			continue
		}
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations(version, name, applied_at) VALUES ($1, $2, $3)`,
				m.version, m.name, s.now().UTC().Format(time.RFC3339))
			return err
		})
		if err != nil {
			return fmt.Errorf("migration %04d %s: %w", m.version, m.name, err)
		}
	}
	return nil
}

// pgApplied reads the recorded migrations.
func pgApplied(ctx context.Context, conn *pgx.Conn) (map[int]bool, error) {
	rows, err := conn.Query(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, err
	}
	versions, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, err
	}
	out := map[int]bool{}
	for _, v := range versions {
		out[int(v)] = true
	}
	return out, nil
}

// refuseNewer fails when the database records a migration this build does
// not know: a newer Steward wrote it, and it is left untouched.
func (s *Store) refuseNewer(applied map[int]bool) error {
	known := map[int]bool{}
	for _, m := range pgMigrationFiles() {
		known[m.version] = true
	}
	found, unknown := 0, false
	for v := range applied {
		found = max(found, v)
		unknown = unknown || !known[v]
	}
	if !unknown {
		return nil
	}
	return apperr.New(apperr.DatabaseNewer, "store.migrate", "path", s.path,
		"found", strconv.Itoa(found), "known", strconv.Itoa(LatestPostgresVersion()))
}
