package gateway

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"testing"

	"steward/backend/apperr"
	"steward/backend/usage"
)

// TestGatewayRefusesToStartOnFullDisk: with the usage database unable to
// grow (SQLITE_FULL on a real file), Start refuses with the disk-full
// message instead of answering calls whose usage rows would all be lost.
func TestGatewayRefusesToStartOnFullDisk(t *testing.T) {
	e := newEnv(t, envOpts{noStart: true})
	w := usage.NewWriter(usage.New(usage.NewSQLite(e.st), usage.Options{}), usage.WriterOptions{})
	defer w.Close(context.Background())
	err := e.st.Write(bg, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRow(`PRAGMA page_count`).Scan(&n); err != nil {
			return err
		}
		_, err := tx.Exec(`PRAGMA max_page_count = ` + strconv.Itoa(n))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	gw, err := New(Config{Listen: "127.0.0.1:0", Upstream: e.up.URL, UpstreamKeyLabel: "team"},
		Deps{Access: e.access, Secret: e.reg.Secret, Recorder: w})
	if err != nil {
		t.Fatal(err)
	}
	err = gw.Start(bg)
	if !apperr.Is(err, apperr.DiskFull) {
		t.Fatalf("Start = %v, want %s", err, apperr.DiskFull)
	}
	if _, msg := apperr.Describe(err, "en"); !strings.Contains(msg, "is full") {
		t.Fatalf("message: %s", msg)
	}
}
