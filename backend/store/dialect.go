package store

import "context"

// Dialect names the SQL engine behind a Store.
type Dialect int

// The engines a Store can be.
const (
	SQLite   Dialect = iota // the desktop's single file, the default
	Postgres                // a team's shared PostgreSQL database
)

// String is the engine's name.
func (d Dialect) String() string {
	if d == Postgres {
		return "postgres"
	}
	return "sqlite"
}

// Dialect is the engine behind s, for the few statements that differ.
func (s *Store) Dialect() Dialect { return s.dialect }

// Ping checks that the database answers, for readiness probes.
func (s *Store) Ping(ctx context.Context) error {
	if s.dialect == Postgres {
		return s.pool.Ping(ctx)
	}
	return s.read.PingContext(ctx)
}
