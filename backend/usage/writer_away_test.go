package usage

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"steward/backend/store"
	"steward/backend/store/pgtest"
)

// awayInserter is a database that can go away: while down, inserts and
// pings fail.
type awayInserter struct {
	recordingInserter
	mu   sync.Mutex
	down bool
}

func (a *awayInserter) setDown(down bool) {
	a.mu.Lock()
	a.down = down
	a.mu.Unlock()
}

func (a *awayInserter) isDown() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.down
}

var errAway = errors.New("dial tcp 127.0.0.1:5432: connect: connection refused")

func (a *awayInserter) Insert(ctx context.Context, events []Event) error {
	if a.isDown() {
		return errAway
	}
	return a.recordingInserter.Insert(ctx, events)
}

func (a *awayInserter) Ping(context.Context) error {
	if a.isDown() {
		return errAway
	}
	return nil
}

// waitFor polls cond: a guard against hanging, not a timing assertion.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting: %s", what)
		}
	}
}

// While the database is away, a failed batch is kept and retried rather
// than dropped; the queue fills to its bound, what does not fit is counted
// as dropped, and when the database answers again every kept row is
// written.
func TestWriterKeepsRowsWhileDatabaseAway(t *testing.T) {
	dst := &awayInserter{down: true}
	w := NewWriter(dst, WriterOptions{Capacity: 10, BatchSize: 5, FlushEvery: time.Hour,
		Retries: 1, RetryDelay: time.Millisecond})
	defer w.Close(context.Background())
	for i := range 5 {
		w.Record(numbered(i))
	}
	waitFor(t, "the batch to fail past its retries", func() bool { return w.Stats().Failures >= 4 })
	if st := w.Stats(); st.Dropped != 0 || st.Queued != 5 || st.Written != 0 {
		t.Fatalf("database away: stats = %+v, want the batch kept, nothing dropped", st)
	}
	for i := 5; i < 25; i++ { // 10 fit in the queue, 10 do not
		w.Record(numbered(i))
	}
	if st := w.Stats(); st.Dropped != 10 || st.Queued != 15 {
		t.Fatalf("queue full: stats = %+v, want 15 queued and 10 dropped", st)
	}
	dst.setDown(false)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := w.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	st := w.Stats()
	if st.Written != 15 || st.Dropped != 10 || st.Queued != 0 {
		t.Fatalf("database back: stats = %+v, want the 15 kept rows written", st)
	}
	n := 0
	for _, s := range dst.sizes() {
		n += s
	}
	if n != 15 {
		t.Fatalf("the database holds %d rows, want 15", n)
	}
}

// A database that answers but refuses a batch still gets it dropped after
// its retries, so one bad batch cannot stop the log.
func TestWriterDropsBatchTheAnsweringDatabaseRefuses(t *testing.T) {
	dst := &awayInserter{recordingInserter: recordingInserter{fails: 3, err: errors.New("value too long")}}
	w := NewWriter(dst, WriterOptions{FlushEvery: time.Hour, Retries: 2, RetryDelay: time.Millisecond})
	w.Record(numbered(0))
	if err := w.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	w.Record(numbered(1))
	if err := w.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if st := w.Stats(); st.Dropped != 1 || st.Written != 1 || st.Failures != 3 {
		t.Fatalf("stats = %+v, want the refused row dropped and the next written", st)
	}
}

// Close gives up on a database that stays away: the kept rows are dropped
// and counted, not lost silently, and Close returns.
func TestWriterCloseWhileDatabaseAway(t *testing.T) {
	dst := &awayInserter{down: true}
	w := NewWriter(dst, WriterOptions{FlushEvery: time.Millisecond, Retries: -1, RetryDelay: time.Millisecond})
	for i := range 7 {
		w.Record(numbered(i))
	}
	waitFor(t, "a failed attempt", func() bool { return w.Stats().Failures >= 2 })
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	within(t, "Close", func() { w.Close(ctx) })
	within(t, "writer exit", func() { <-w.done })
	if st := w.Stats(); st.Dropped != 7 || st.Queued != 0 || st.Written != 0 {
		t.Fatalf("stats = %+v, want all 7 counted as dropped", st)
	}
}

// On a real PostgreSQL server that stops and starts again: rows recorded
// while it is down wait in the queue (beyond the bound they are counted as
// dropped) and are in the database once it is back; rows recorded after
// the restart are written too.
func TestWriterAcrossPostgresRestart(t *testing.T) {
	if onPostgres() {
		t.Skip("runs once, on its own server")
	}
	srv := pgtest.NewServer(t)
	ctx := context.Background()
	st, err := store.OpenPostgres(ctx, srv.URL(t), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc := New(NewSQLite(st), Options{})
	w := NewWriter(svc, WriterOptions{Capacity: 50, BatchSize: 20, FlushEvery: time.Millisecond,
		Retries: 1, RetryDelay: 10 * time.Millisecond})
	defer w.Close(ctx)
	count := func() int {
		var n int
		if err := st.Read().QueryRowContext(ctx, "SELECT count(*) FROM usage_events").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for range 10 {
		w.Record(ev(testNow, "mei", "gpt-4o-mini", 10, 0, 5))
	}
	if err := w.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if err := srv.Stop(); err != nil {
		t.Fatal(err)
	}
	const during = 200
	for range during {
		w.Record(ev(testNow, "mei", "gpt-4o-mini", 10, 0, 5))
	}
	waitFor(t, "a failed write while the server is down", func() bool { return w.Stats().Failures > 0 })
	down := w.Stats()
	if down.Dropped == 0 || down.Queued == 0 || down.Queued > 50+20 || down.Written != 10 ||
		down.Queued+down.Dropped != during {
		t.Fatalf("server down: stats = %+v, want the queue full to its bound and the rest dropped", down)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	// the queue is still full until the kept batch's next attempt (2 s at
	// most): wait for it to empty, then record more
	waitFor(t, "the queued rows written", func() bool { return w.Stats().Queued == 0 })
	if st := w.Stats(); st.Dropped != down.Dropped || st.Written != 10+down.Queued {
		t.Fatalf("server back: stats = %+v; want the %d queued rows written", st, down.Queued)
	}
	for range 5 {
		w.Record(ev(testNow, "mei", "gpt-4o-mini", 10, 0, 5))
	}
	fctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := w.Flush(fctx); err != nil {
		t.Fatal(err)
	}
	after := w.Stats()
	want := 10 + during - int(down.Dropped) + 5
	if after.Dropped != down.Dropped || after.Queued != 0 || int(after.Written) != want || count() != want {
		t.Fatalf("server back: stats = %+v, %d rows; want %d written and no more dropped", after, count(), want)
	}
}
