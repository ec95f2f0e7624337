package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"io"
	"os"
	"strconv"

	"steward/backend/apperr"
)

// sqliteHeader opens every SQLite 3 database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// inspect checks an existing file before anything writes to it: it must be
// SQLite, readable, and not from a newer schema. An empty file is new.
func inspect(ctx context.Context, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return apperr.Wrap(err, apperr.DataDirUnusable, "store.inspect", "path", path)
	}
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	f.Close()
	if n == 0 && (err == io.EOF) {
		return nil
	}
	if err != nil || !bytes.Equal(head, sqliteHeader) {
		return apperr.Wrap(errors.New("no SQLite header"), apperr.DatabaseCorrupt, "store.inspect", "path", path)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return classify(err, "store.inspect", path)
	}
	defer db.Close()
	found, err := schemaVersion(ctx, db)
	if err != nil {
		return classify(err, "store.inspect", path)
	}
	applied, err := appliedVersions(ctx, db)
	if err != nil {
		return classify(err, "store.inspect", path)
	}
	known := map[int]bool{}
	for _, m := range migrationFiles() {
		known[m.version] = true
	}
	for v := range applied {
		found = max(found, v)
		if !known[v] {
			return apperr.New(apperr.DatabaseNewer, "store.inspect", "path", path,
				"found", strconv.Itoa(found), "known", strconv.Itoa(LatestVersion()))
		}
	}
	if found > LatestVersion() {
		return apperr.New(apperr.DatabaseNewer, "store.inspect", "path", path,
			"found", strconv.Itoa(found), "known", strconv.Itoa(LatestVersion()))
	}
	return nil
}

// schemaVersion reads the highest applied migration, reading the whole
// schema on the way so a damaged first page or catalogue is caught.
func schemaVersion(ctx context.Context, db *sql.DB) (int, error) {
	var tables int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master`).Scan(&tables); err != nil {
		return 0, err
	}
	var version int
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return 0, err
	}
	var ok string
	if err := db.QueryRowContext(ctx, `PRAGMA quick_check(1)`).Scan(&ok); err != nil {
		return 0, err
	}
	if ok != "ok" {
		return 0, &damaged{ok}
	}
	return version, nil
}

// damaged is quick_check's report of a damaged database.
type damaged struct{ report string }

func (d *damaged) Error() string { return d.report }
