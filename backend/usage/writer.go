package usage

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"steward/backend/apperr"
)

// WriterOptions tune a Writer; zero fields take the defaults.
type WriterOptions struct {
	Capacity   int           // events the queue holds before Record drops; 10,000
	BatchSize  int           // most events per transaction; 500
	FlushEvery time.Duration // longest an event waits for its batch; 100 ms
	Retries    int           // further attempts after a failed batch; 3 (negative: none)
	RetryDelay time.Duration // wait before the first retry, doubled after each; 250 ms
	Log        *slog.Logger  // failures and overflow; discarded when nil
}

func (o WriterOptions) withDefaults() WriterOptions {
	if o.Capacity <= 0 {
		o.Capacity = 10_000
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 500
	}
	if o.FlushEvery <= 0 {
		o.FlushEvery = 100 * time.Millisecond
	}
	if o.Retries < 0 {
		o.Retries = 0
	} else if o.Retries == 0 {
		o.Retries = 3
	}
	if o.RetryDelay <= 0 {
		o.RetryDelay = 250 * time.Millisecond
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	return o
}

// Stats says what a Writer did: events waiting now, written, dropped (the
// queue was full, the writer was closed, or an answering database refused
// a batch every retry),
// and failed write attempts with the last error.
type Stats struct {
	Queued      int64  `json:"queued"`
	Written     int64  `json:"written"`
	Dropped     int64  `json:"dropped"`
	Failures    int64  `json:"failures"`
	LastError   string `json:"last_error"`    // the last failed write, in English
	LastErrorZh string `json:"last_error_zh"` // the same in Simplified Chinese
	DiskFull    bool   `json:"disk_full"`     // the last write failed on a full disk; false once one succeeds
	Capacity    int    `json:"capacity"`
}

// Writer is the Recorder the gateway and the app's own client use: Record
// puts an event on a bounded queue and returns at once; one goroutine
// drains the queue into its Inserter in batched transactions. Nothing is
// lost silently: every event that cannot be kept is counted in Stats.
type Writer struct {
	dst  Inserter
	opts WriterOptions

	queue  chan Event
	flush  chan chan struct{}
	stop   chan struct{}   // closed by Close: drain and exit
	abort  chan struct{}   // closed when Close gives up: drop what is left
	done   chan struct{}   // closed when the goroutine has exited
	ctx    context.Context // for inserts; cancelled when Close gives up
	cancel context.CancelFunc

	mu        sync.RWMutex // Record holds it shared; Close exclusively to set closed
	closed    bool
	closeOnce sync.Once
	abortOnce sync.Once

	pending, written, dropped, failures atomic.Int64
	lastErr                             atomic.Value // [2]string: English, Chinese
	diskFull                            atomic.Bool
	logged                              int64 // dropped count last logged; writer goroutine only
	failing                             bool  // the last batch was dropped; writer goroutine only
}

// NewWriter starts a writer into dst (normally the Service, which prices
// events and applies the body policy). Close it to drain the queue.
func NewWriter(dst Inserter, opts WriterOptions) *Writer {
	opts = opts.withDefaults()
	w := &Writer{
		dst: dst, opts: opts,
		queue: make(chan Event, opts.Capacity),
		flush: make(chan chan struct{}),
		stop:  make(chan struct{}), abort: make(chan struct{}), done: make(chan struct{}),
	}
	w.ctx, w.cancel = context.WithCancel(context.Background())
	w.lastErr.Store([2]string{})
	go w.run()
	return w
}

var _ Recorder = (*Writer)(nil)

// Record queues e without ever blocking on the database: when the queue
// is full, or the writer is closed, e is dropped and counted.
func (w *Writer) Record(e Event) {
	w.mu.RLock()
	defer w.mu.RUnlock()
	if w.closed {
		w.dropped.Add(1)
		return
	}
	w.pending.Add(1)
	select {
	case w.queue <- e:
	default:
		w.pending.Add(-1)
		w.dropped.Add(1)
	}
}

// Stats reports the writer's counters.
func (w *Writer) Stats() Stats {
	last := w.lastErr.Load().([2]string)
	return Stats{
		Queued: w.pending.Load(), Written: w.written.Load(), Dropped: w.dropped.Load(),
		Failures: w.failures.Load(), LastError: last[0], LastErrorZh: last[1], DiskFull: w.diskFull.Load(),
		Capacity: w.opts.Capacity,
	}
}

// Flush waits until every event recorded before it was written (or
// dropped), or until ctx ends.
func (w *Writer) Flush(ctx context.Context) error {
	reply := make(chan struct{})
	select {
	case w.flush <- reply:
	case <-w.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case <-reply:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Close stops taking events and writes everything queued. If ctx ends
// first, Close returns ctx's error at once and the writer drops (and
// counts) what is left without writing it.
func (w *Writer) Close(ctx context.Context) error {
	w.closeOnce.Do(func() {
		w.mu.Lock()
		w.closed = true
		w.mu.Unlock()
		close(w.stop)
	})
	select {
	case <-w.done:
		w.cancel()
		return nil
	case <-ctx.Done():
		w.abortOnce.Do(func() {
			close(w.abort)
			w.cancel()
		})
		return ctx.Err()
	}
}

// run is the one goroutine that writes.
func (w *Writer) run() {
	defer close(w.done)
	batch := make([]Event, 0, w.opts.BatchSize)
	timer := time.NewTimer(w.opts.FlushEvery)
	timer.Stop()
	for {
		select {
		case e := <-w.queue:
			if len(batch) == 0 {
				timer.Reset(w.opts.FlushEvery)
			}
			if batch = append(batch, e); len(batch) >= w.opts.BatchSize {
				timer.Stop()
				batch = w.write(batch)
			}
		case <-timer.C:
			batch = w.write(batch)
		case reply := <-w.flush:
			timer.Stop()
			batch = w.drain(batch)
			close(reply)
		case <-w.stop:
			timer.Stop()
			w.drain(batch)
			return
		}
	}
}

// drain writes batch and everything queued now, in batches.
func (w *Writer) drain(batch []Event) []Event {
	for {
		select {
		case e := <-w.queue:
			if batch = append(batch, e); len(batch) >= w.opts.BatchSize {
				batch = w.write(batch)
			}
		default:
			return w.write(batch)
		}
	}
}

// write inserts batch, retrying a failed insert up to Retries times with a
// doubling delay. Callers keep recording meanwhile. When every attempt
// failed and the database is away (the error is about the connection, or
// the Inserter is a Pinger whose Ping fails), the rows are fine: the batch
// is kept and tried again, every maxAwayDelay at most, while the queue
// fills up to its bound (Record drops and counts beyond it), until the
// database answers (the batch then gets a fresh round of retries) or Close
// gives up. A batch the answering database refuses every time is dropped
// and counted, and until an insert succeeds again later batches get one
// attempt each. It returns a fresh, empty batch.
func (w *Writer) write(batch []Event) []Event {
	n := int64(len(batch))
	if n == 0 {
		return batch
	}
	if w.aborted() {
		w.pending.Add(-n)
		w.dropped.Add(n)
		return batch[:0]
	}
	delay, retries := w.opts.RetryDelay, w.opts.Retries
	if w.failing {
		retries = 0 // still failing: one attempt per batch until one succeeds, so a full disk cannot stall a drain
	}
	away := false // the database did not answer: keep the batch until it does
write:
	for attempt := 0; ; attempt++ {
		err := w.dst.Insert(w.ctx, batch)
		if err == nil {
			w.written.Add(n)
			w.pending.Add(-n)
			w.failing = false
			w.diskFull.Store(false)
			w.noteDrops()
			return make([]Event, 0, w.opts.BatchSize)
		}
		w.failures.Add(1)
		_, en := apperr.Describe(err, "en")
		_, zh := apperr.Describe(err, "zh-CN")
		w.lastErr.Store([2]string{en, zh})
		w.diskFull.Store(apperr.Is(err, apperr.DiskFull))
		switch {
		case attempt < retries:
			w.opts.Log.Warn("usage write failed; retrying", "events", n, "attempt", attempt+1, "error", err)
		case w.unreachable(err):
			if !away {
				w.opts.Log.Warn("usage database unreachable; keeping the rows queued and retrying", "events", n, "error", err)
				away = true
			}
			delay = max(min(delay, maxAwayDelay), w.opts.RetryDelay)
		case away:
			// The database answers again, perhaps still starting up: the
			// batch gets a fresh round of attempts before it counts as refused.
			w.opts.Log.Info("usage database answers again; retrying the kept rows", "events", n)
			away = false
			attempt, retries, delay = -1, max(w.opts.Retries, 1), w.opts.RetryDelay
		default:
			w.opts.Log.Error("usage events dropped: writing them failed", "events", n, "attempts", attempt+1, "error", err)
			break write
		}
		if !w.sleep(delay) {
			break
		}
		delay *= 2
	}
	w.pending.Add(-n)
	w.dropped.Add(n)
	w.failing = true
	w.noteDrops()
	return make([]Event, 0, w.opts.BatchSize)
}

// maxAwayDelay is the longest wait between attempts while the database is
// away.
const maxAwayDelay = 2 * time.Second

// Pinger is an Inserter that can tell whether its database answers at all
// (the Service does), so a Writer keeps rows while the database is away
// instead of dropping them.
type Pinger interface {
	Ping(ctx context.Context) error
}

// unreachable reports whether err says the connection to the database was
// lost or refused, or dst is a Pinger whose database does not answer now.
func (w *Writer) unreachable(err error) bool {
	if w.aborted() {
		return false
	}
	if connectionLost(err) {
		return true
	}
	p, ok := w.dst.(Pinger)
	if !ok {
		return false
	}
	ctx, cancel := context.WithTimeout(w.ctx, pingTimeout)
	defer cancel()
	return p.Ping(ctx) != nil && !w.aborted()
}

// connectionLost reports a PostgreSQL error about the connection, not the
// rows: none could be made, it broke, or the server is starting or
// stopping.
func connectionLost(err error) bool {
	var ce *pgconn.ConnectError
	var pe *pgconn.PgError
	var ne net.Error
	switch {
	case errors.As(err, &ce), errors.As(err, &ne), errors.Is(err, io.ErrUnexpectedEOF):
		return true
	case errors.As(err, &pe):
		return strings.HasPrefix(pe.Code, "08") || pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03"
	}
	return false
}

// pingTimeout bounds the writer's check that the database answers.
const pingTimeout = 5 * time.Second

// aborted reports whether Close has given up waiting.
func (w *Writer) aborted() bool {
	select {
	case <-w.abort:
		return true
	default:
		return false
	}
}

// sleep waits d, or returns false at once when Close has given up.
func (w *Writer) sleep(d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-w.abort:
		return false
	}
}

// noteDrops logs events dropped since the last note, so overflow shows in
// the log as well as in Stats without Record ever doing I/O.
func (w *Writer) noteDrops() {
	if d := w.dropped.Load(); d > w.logged {
		w.opts.Log.Warn("usage events dropped", "since_last_note", d-w.logged, "total", d,
			"capacity", w.opts.Capacity)
		w.logged = d
	}
}
