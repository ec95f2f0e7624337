package app

import (
	"context"
	"fmt"
)

// Ping reports whether the database answers a query: a headless gateway's
// readiness check.
func (s *Services) Ping(ctx context.Context) error { return s.c.ping(ctx) }

// ping runs SELECT 1 on the store holding the team's shared state (the
// team database when one is set, else the data folder's).
func (c *core) ping(ctx context.Context) error {
	var n int
	if err := c.shared().Read().QueryRowContext(ctx, "SELECT 1").Scan(&n); err != nil {
		return fmt.Errorf("ping the database: %w", err)
	}
	return nil
}
