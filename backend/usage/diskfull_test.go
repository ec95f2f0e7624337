package usage

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"testing"
	"time"

	"steward/backend/apperr"
)

// setPageLimit caps the usage database at its size plus extra pages (a
// real SQLite file meeting SQLITE_FULL, as on a full disk).
func setPageLimit(t *testing.T, db *SQLite, extra int) {
	t.Helper()
	err := db.st.Write(context.Background(), func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRow(`PRAGMA page_count`).Scan(&n); err != nil {
			return err
		}
		_, err := tx.Exec(`PRAGMA max_page_count = ` + strconv.Itoa(n+extra))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestWriterOnFullDisk: on a full disk every lost row is counted, the
// error names the full disk, CheckRoom refuses, WatchLost says so, and
// writing resumes when space returns.
func TestWriterOnFullDisk(t *testing.T) {
	sqliteOnly(t, "a page limit stands in for the full disk")
	svc, db, _ := newTestService(t)
	ctx := context.Background()
	w := NewWriter(svc, WriterOptions{BatchSize: 50, Retries: -1, FlushEvery: time.Millisecond})
	defer w.Close(ctx)
	setPageLimit(t, db, 2)
	var watch LostWatch
	for i := range 2000 {
		e := ev(testNow.Add(-time.Duration(i)*time.Second), "mei", "gpt-4o-mini", 10, 0, 10)
		e.Endpoint = strings.Repeat("/v1/chat/completions", 250) // every row needs a new page
		w.Record(e)
	}
	if err := w.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	st := w.Stats()
	if st.Dropped == 0 || st.Dropped+st.Written != 2000 || !strings.Contains(st.LastError, "is full") ||
		!strings.Contains(st.LastErrorZh, "已满") || !st.DiskFull {
		t.Fatalf("stats = %+v", st)
	}
	if msg, ok := watch.Look(st); !ok || !strings.Contains(msg, "could not be saved") || !strings.Contains(msg, "is full") {
		t.Fatalf("the watcher said %q", msg)
	}
	if err := CheckRoom(ctx, w); !apperr.Is(err, apperr.DiskFull) {
		t.Fatalf("CheckRoom = %v", err)
	}
	setPageLimit(t, db, 100000)
	w.Record(ev(testNow, "mei", "gpt-4o-mini", 1, 0, 1))
	if err := w.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if after := w.Stats(); after.Written != st.Written+1 || after.DiskFull {
		t.Fatalf("writing did not resume: %+v", after)
	}
	if msg, ok := watch.Look(w.Stats()); !ok || !strings.Contains(msg, "saved again") {
		t.Fatalf("the watcher said %q after writing resumed", msg)
	}
}
