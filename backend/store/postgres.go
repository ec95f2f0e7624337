package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Defaults of OpenPostgres that the URL can override (pool_max_conns,
// connect_timeout).
const (
	defaultMaxConns       = 16
	defaultConnectTimeout = 10 * time.Second
)

// OpenPostgres opens a team's PostgreSQL database at databaseURL (postgres://… or
// key=value form), refuses one written by a newer Steward, and applies the
// embedded PostgreSQL migrations under an advisory lock, so replicas that
// start together migrate once. Read and Write share one pgx pool.
func OpenPostgres(ctx context.Context, databaseURL string, opts Options) (*Store, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	cfg, err := pgxpool.ParseConfig(databaseURL)
	if err != nil {
		return nil, badURL(err, databaseURL)
	}
	target := describe(cfg)
	if !strings.Contains(databaseURL, "pool_max_conns") {
		cfg.MaxConns = defaultMaxConns
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = defaultConnectTimeout
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, connectError(err, cfg, target)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, connectError(err, cfg, target)
	}
	db := sql.OpenDB(newPGConnector(pool))
	db.SetMaxIdleConns(0) // idle connections belong to the pgx pool
	s := &Store{path: target, dialect: Postgres, write: db, read: db, pool: pool, now: opts.Now}
	if err := s.migratePG(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Pool is the pgx pool behind a PostgreSQL store (for COPY), nil on SQLite.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// describe names the database without its password:
// postgres://user@host:port/db.
func describe(cfg *pgxpool.Config) string {
	c := cfg.ConnConfig
	user := ""
	if c.User != "" {
		user = url.PathEscape(c.User) + "@"
	}
	return "postgres://" + user + hostPort(c.Host, c.Port) + "/" + c.Database
}

// hostPort joins a host (or a socket folder) and port for messages.
func hostPort(host string, port uint16) string {
	if host == "" {
		host = "localhost"
	}
	if len(host) > 0 && host[0] == '/' {
		return fmt.Sprintf("[%s]:%d", host, port)
	}
	return host + ":" + strconv.Itoa(int(port))
}
