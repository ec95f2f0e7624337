package usage

import (
	"context"
	"fmt"
	"time"
)

// roomChecker is a usage store (or what wraps one) that can tell whether
// it has room to write.
type roomChecker interface {
	CheckRoom(ctx context.Context) error
}

// CheckRoom tells whether rec can keep what it records: a Writer over a
// store on a full disk answers an apperr.DiskFull error. Recorders that
// cannot tell answer nil. The gateway calls it before it starts.
func CheckRoom(ctx context.Context, rec any) error {
	if rc, ok := rec.(roomChecker); ok {
		return rc.CheckRoom(ctx)
	}
	return nil
}

// CheckRoom asks the SQLite file's disk.
func (s *SQLite) CheckRoom(ctx context.Context) error { return s.st.CheckRoom(ctx) }

// CheckRoom asks the service's store.
func (s *Service) CheckRoom(ctx context.Context) error { return CheckRoom(ctx, s.st) }

// CheckRoom asks the writer's destination.
func (w *Writer) CheckRoom(ctx context.Context) error { return CheckRoom(ctx, w.dst) }

// WatchLost calls notify with a message whenever rows were lost since the
// last look (every period, until ctx ends), and once when writing resumes
// after a loss, so a headless gateway says on stderr what the screens show.
func WatchLost(ctx context.Context, w *Writer, every time.Duration, notify func(msg string)) {
	t := time.NewTicker(every)
	defer t.Stop()
	var lw LostWatch
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if msg, ok := lw.Look(w.Stats()); ok {
				notify(msg)
			}
		}
	}
}

// LostWatch remembers what a watcher last saw of a writer's losses.
type LostWatch struct {
	seen, writtenAtLoss int64
	losing              bool
}

// Look returns what to say about st since the last look: rows lost, or
// writing resumed after a loss; ok is false when there is nothing new.
func (lw *LostWatch) Look(st Stats) (string, bool) {
	switch {
	case st.Dropped > lw.seen:
		msg := LostMessage(st.Dropped-lw.seen, st)
		lw.seen, lw.losing, lw.writtenAtLoss = st.Dropped, true, st.Written
		return msg, true
	case lw.losing && st.Written > lw.writtenAtLoss:
		lw.losing = false
		return fmt.Sprintf("usage rows are being saved again (%d lost in all)", st.Dropped), true
	}
	return "", false
}

// LostMessage says that n usage rows were lost, and why if known.
func LostMessage(n int64, st Stats) string {
	msg := fmt.Sprintf("%d usage row(s) could not be saved (%d lost in all)", n, st.Dropped)
	if st.LastError != "" {
		msg += ": " + st.LastError
	}
	return msg
}
