package store

import (
	"context"
	"database/sql/driver"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
)

// pgConnector hands database/sql connections from a pgx pool, wrapped so
// that the portable SQL's ? placeholders become PostgreSQL's $n.
type pgConnector struct {
	inner driver.Connector
}

func newPGConnector(pool *pgxpool.Pool) *pgConnector {
	return &pgConnector{inner: stdlib.GetPoolConnector(pool)}
}

// Connect borrows a connection from the pool.
func (c *pgConnector) Connect(ctx context.Context) (driver.Conn, error) {
	dc, err := c.inner.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &pgConn{inner: dc.(*stdlib.Conn)}, nil
}

// Driver is pgx's driver.
func (c *pgConnector) Driver() driver.Driver { return c.inner.Driver() }

// pgConn is pgx's connection with every query rebound; every optional
// interface pgx implements is forwarded so behaviour and speed are pgx's.
type pgConn struct {
	inner *stdlib.Conn
}

var (
	_ driver.Conn               = (*pgConn)(nil)
	_ driver.ConnBeginTx        = (*pgConn)(nil)
	_ driver.ConnPrepareContext = (*pgConn)(nil)
	_ driver.ExecerContext      = (*pgConn)(nil)
	_ driver.QueryerContext     = (*pgConn)(nil)
	_ driver.Pinger             = (*pgConn)(nil)
	_ driver.NamedValueChecker  = (*pgConn)(nil)
	_ driver.SessionResetter    = (*pgConn)(nil)
	_ driver.Validator          = (*pgConn)(nil)
)

func (c *pgConn) Prepare(query string) (driver.Stmt, error) {
	return c.inner.Prepare(rebind(query))
}

func (c *pgConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.inner.PrepareContext(ctx, rebind(query))
}

func (c *pgConn) Close() error { return c.inner.Close() }

func (c *pgConn) Begin() (driver.Tx, error) { return c.inner.Begin() } //nolint:staticcheck // required by driver.Conn

func (c *pgConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.inner.BeginTx(ctx, opts)
}

func (c *pgConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	return c.inner.ExecContext(ctx, rebind(query), args)
}

func (c *pgConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	return c.inner.QueryContext(ctx, rebind(query), args)
}

func (c *pgConn) Ping(ctx context.Context) error { return c.inner.Ping(ctx) }

// CheckNamedValue passes a bool as the integer 1 or 0, as SQLite stores
// it: the shared schema keeps flags in BIGINT columns on both engines.
func (c *pgConn) CheckNamedValue(v *driver.NamedValue) error {
	if b, ok := v.Value.(bool); ok {
		v.Value = int64(0)
		if b {
			v.Value = int64(1)
		}
		return nil
	}
	return c.inner.CheckNamedValue(v)
}

func (c *pgConn) ResetSession(ctx context.Context) error { return c.inner.ResetSession(ctx) }

// IsValid reports whether the connection can be reused (pgx has no
// Validator of its own; a closed connection cannot).
func (c *pgConn) IsValid() bool { return !c.inner.Conn().IsClosed() }

// Raw is pgx's own connection, for COPY inside database/sql's Conn.Raw.
func (c *pgConn) Raw() *stdlib.Conn { return c.inner }
