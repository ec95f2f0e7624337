package app

import (
	"os"
	"testing"

	"steward/backend/store/pgtest"
)

// TestMain stops the tests' private PostgreSQL server when they end.
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
