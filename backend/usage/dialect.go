package usage

import (
	"fmt"

	"steward/backend/store"
)

// The few SQL fragments that differ between SQLite and PostgreSQL; every
// other statement of the usage store is portable.

// greatest and least are the scalar max and min of two values.
func greatest(d store.Dialect, a, b string) string {
	if d == store.Postgres {
		return "greatest(" + a + ", " + b + ")"
	}
	return "max(" + a + ", " + b + ")"
}

func least(d store.Dialect, a, b string) string {
	if d == store.Postgres {
		return "least(" + a + ", " + b + ")"
	}
	return "min(" + a + ", " + b + ")"
}

// dayExpr is the UTC day (YYYY-MM-DD) of a Unix-milliseconds column.
func dayExpr(d store.Dialect, col string) string {
	if d == store.Postgres {
		return fmt.Sprintf(`to_char(to_timestamp(%s / 1000) AT TIME ZONE 'UTC', 'YYYY-MM-DD')`, col)
	}
	return fmt.Sprintf(`strftime('%%Y-%%m-%%d', %s / 1000, 'unixepoch')`, col)
}

// repriceTable names the temporary price table; createReprice makes it
// (on PostgreSQL it lives until the transaction ends).
func repriceTable(d store.Dialect) string {
	if d == store.Postgres {
		return "pg_temp.usage_reprice"
	}
	return "temp.usage_reprice"
}

func createReprice(d store.Dialect) string {
	const cols = `(m TEXT PRIMARY KEY, pin DOUBLE PRECISION NOT NULL, pcached DOUBLE PRECISION NOT NULL, pout DOUBLE PRECISION NOT NULL)`
	if d == store.Postgres {
		return `CREATE TEMP TABLE IF NOT EXISTS usage_reprice ` + cols + ` ON COMMIT DROP`
	}
	return `CREATE TEMP TABLE IF NOT EXISTS usage_reprice ` + cols
}

// boolInt stores a flag as the 0/1 integer both schemas use.
func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
