// Package storetest is the contract every Steward store meets, SQLite or
// PostgreSQL: exported functions that take a way to open a store and run
// the same behaviour tests against it, one file per domain. The package's
// own test runs them against both engines.
package storetest

import (
	"testing"

	"steward/backend/store"
)

// Opener opens a fresh, empty store for t, closed when t ends.
type Opener func(t *testing.T) *store.Store

// Reopener opens the database of an open store again, as a second process
// or a restarted one would.
type Reopener func(t *testing.T, s *store.Store) (*store.Store, error)

// Run runs every contract case against the stores open and reopen make.
func Run(t *testing.T, open Opener, reopen Reopener) {
	t.Run("Store", func(t *testing.T) { RunStore(t, open, reopen) })
	t.Run("Usage", func(t *testing.T) { RunUsage(t, open, reopen) })
}
