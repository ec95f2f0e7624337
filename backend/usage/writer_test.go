package usage

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// recordingInserter keeps every batch; it can fail a number of times first,
// and block every insert until released.
type recordingInserter struct {
	mu      sync.Mutex
	batches [][]Event
	fails   int           // inserts to fail before succeeding; <0 fails forever
	err     error         // the failure
	entered chan struct{} // receives once per insert call, when set
	gate    chan struct{} // inserts wait until it is closed, when set
}

func (r *recordingInserter) Insert(ctx context.Context, events []Event) error {
	if r.entered != nil {
		r.entered <- struct{}{}
	}
	if r.gate != nil {
		select {
		case <-r.gate:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fails != 0 {
		if r.fails > 0 {
			r.fails--
		}
		return r.err
	}
	r.batches = append(r.batches, append([]Event(nil), events...))
	return nil
}

func (r *recordingInserter) sizes() []int {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []int
	for _, b := range r.batches {
		out = append(out, len(b))
	}
	return out
}

// within fails the test if fn does not return in time: a guard against a
// deadlock, not a timing assertion.
func within(t *testing.T, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		fn()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("%s blocked", what)
	}
}

func numbered(i int) Event {
	return Event{Source: SourceGateway, RequestID: fmt.Sprint("req_", i), Status: 200}
}

func TestWriterBatches(t *testing.T) {
	for _, tc := range []struct {
		name      string
		events    int
		batchSize int
		want      []int
	}{
		{"FullBatchesThenRemainder", 7, 3, []int{3, 3, 1}},
		{"OneBatchWhenSmall", 4, 10, []int{4}},
		{"NothingToWrite", 0, 5, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dst := &recordingInserter{}
			w := NewWriter(dst, WriterOptions{BatchSize: tc.batchSize, FlushEvery: time.Hour})
			defer w.Close(context.Background())
			for i := range tc.events {
				w.Record(numbered(i))
			}
			if err := w.Flush(context.Background()); err != nil {
				t.Fatal(err)
			}
			if got := dst.sizes(); fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Fatalf("batch sizes = %v, want %v", got, tc.want)
			}
			if st := w.Stats(); st.Written != int64(tc.events) || st.Queued != 0 || st.Dropped != 0 {
				t.Fatalf("stats = %+v", st)
			}
		})
	}
}

func TestWriterFlushesOnTimer(t *testing.T) {
	dst := &recordingInserter{entered: make(chan struct{}, 1)}
	w := NewWriter(dst, WriterOptions{BatchSize: 100, FlushEvery: 5 * time.Millisecond})
	defer w.Close(context.Background())
	w.Record(numbered(1))
	within(t, "timer flush", func() { <-dst.entered })
}

func TestWriterOverflowIsCounted(t *testing.T) {
	dst := &recordingInserter{entered: make(chan struct{}, 1), gate: make(chan struct{})}
	w := NewWriter(dst, WriterOptions{Capacity: 2, BatchSize: 1, FlushEvery: time.Hour})
	w.Record(numbered(0))
	within(t, "first insert", func() { <-dst.entered }) // the writer now holds event 0
	within(t, "Record while the database is stuck", func() {
		for i := 1; i <= 10; i++ {
			w.Record(numbered(i))
		}
	})
	st := w.Stats()
	if st.Queued != 3 || st.Dropped != 8 || st.Capacity != 2 {
		t.Fatalf("stats = %+v, want 3 queued (1 writing, 2 waiting) and 8 dropped", st)
	}
	close(dst.gate)
	go func() {
		for range dst.entered {
		}
	}()
	if err := w.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if st := w.Stats(); st.Written != 3 || st.Dropped != 8 || st.Queued != 0 {
		t.Fatalf("after close stats = %+v", st)
	}
}

func TestWriterCloseDrains(t *testing.T) {
	dst := &recordingInserter{}
	w := NewWriter(dst, WriterOptions{BatchSize: 40, FlushEvery: time.Hour})
	for i := range 100 {
		w.Record(numbered(i))
	}
	if err := w.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := dst.sizes(); fmt.Sprint(got) != "[40 40 20]" {
		t.Fatalf("batches = %v", got)
	}
	w.Record(numbered(100))
	if st := w.Stats(); st.Written != 100 || st.Dropped != 1 {
		t.Fatalf("stats = %+v, want 100 written and the event after Close dropped", st)
	}
	if err := w.Close(context.Background()); err != nil {
		t.Fatalf("second Close: %v", err)
	}
}

func TestWriterFailingStore(t *testing.T) {
	diskFull := errors.New("database or disk is full (SQLITE_FULL)")
	t.Run("CountedAndDroppedAfterRetries", func(t *testing.T) {
		dst := &recordingInserter{fails: -1, err: diskFull}
		w := NewWriter(dst, WriterOptions{Retries: 2, RetryDelay: time.Millisecond, FlushEvery: time.Hour})
		defer w.Close(context.Background())
		for i := range 5 {
			w.Record(numbered(i))
		}
		if err := w.Flush(context.Background()); err != nil {
			t.Fatal(err)
		}
		st := w.Stats()
		if st.Failures != 3 || st.Dropped != 5 || st.Written != 0 || st.Queued != 0 || !strings.Contains(st.LastError, "disk is full") {
			t.Fatalf("stats = %+v, want 3 failed attempts and 5 dropped", st)
		}
		w.Record(numbered(5)) // still failing: one attempt, no more waiting
		if err := w.Flush(context.Background()); err != nil {
			t.Fatal(err)
		}
		if st := w.Stats(); st.Failures != 4 || st.Dropped != 6 {
			t.Fatalf("stats = %+v, want one more attempt and one more dropped", st)
		}
		dst.mu.Lock()
		dst.fails = 0 // the disk has room again
		dst.mu.Unlock()
		w.Record(numbered(6))
		if err := w.Flush(context.Background()); err != nil {
			t.Fatal(err)
		}
		if st := w.Stats(); st.Written != 1 || st.Dropped != 6 {
			t.Fatalf("stats = %+v, want the writer back to writing", st)
		}
	})
	t.Run("RecoversWithinRetries", func(t *testing.T) {
		dst := &recordingInserter{fails: 2, err: diskFull}
		w := NewWriter(dst, WriterOptions{Retries: 3, RetryDelay: time.Millisecond, FlushEvery: time.Hour})
		for i := range 5 {
			w.Record(numbered(i))
		}
		if err := w.Close(context.Background()); err != nil {
			t.Fatal(err)
		}
		if st := w.Stats(); st.Failures != 2 || st.Written != 5 || st.Dropped != 0 {
			t.Fatalf("stats = %+v", st)
		}
	})
	t.Run("RecordNeverBlocks", func(t *testing.T) {
		dst := &recordingInserter{fails: -1, err: diskFull, gate: make(chan struct{})} // stuck, then failing
		w := NewWriter(dst, WriterOptions{Capacity: 100, BatchSize: 10, Retries: 1000, RetryDelay: time.Hour})
		within(t, "Record", func() {
			for i := range 50_000 {
				w.Record(numbered(i))
			}
		})
		if st := w.Stats(); st.Dropped < 50_000-110 {
			t.Fatalf("stats = %+v, want all but the queue and one batch dropped", st)
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		within(t, "Close with an expired context", func() {
			if err := w.Close(ctx); !errors.Is(err, context.Canceled) {
				t.Errorf("Close = %v, want context.Canceled", err)
			}
		})
		within(t, "writer exit", func() { <-w.done })
		if st := w.Stats(); st.Dropped != 50_000 || st.Queued != 0 || st.Written != 0 {
			t.Fatalf("after abort stats = %+v, want every event dropped", st)
		}
	})
}

func TestWriterIntoSQLite(t *testing.T) {
	svc, _, _ := newTestService(t)
	w := NewWriter(svc, WriterOptions{BatchSize: 7})
	for i := range 50 {
		w.Record(ev(testNow.Add(-time.Duration(i)*time.Minute), "mei", "gpt-4o-mini", 1000, 0, 100))
	}
	if err := w.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	rep, err := svc.Report(context.Background(), Query{By: ByMember})
	if err != nil {
		t.Fatal(err)
	}
	// 50 × (1000 × 0.15 + 100 × 0.60) / 1e6
	if len(rep.Rows) != 1 || rep.Totals.Requests != 50 || rep.Totals.CostUSD != 0.0105 {
		t.Fatalf("report = %+v", rep)
	}
}

func TestWriterLosesNothingUnderConcurrentClose(t *testing.T) {
	dst := &recordingInserter{}
	w := NewWriter(dst, WriterOptions{Capacity: 500, BatchSize: 50, FlushEvery: time.Millisecond})
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 2000 {
				w.Record(numbered(g*10_000 + i))
				if g == 0 && i == 1000 {
					go w.Close(context.Background())
				}
			}
		}()
	}
	wg.Wait()
	if err := w.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	written := 0
	for _, n := range dst.sizes() {
		written += n
	}
	st := w.Stats()
	if st.Written+st.Dropped != 16_000 || st.Queued != 0 || int64(written) != st.Written {
		t.Fatalf("stats = %+v, store has %d: events went missing", st, written)
	}
}
