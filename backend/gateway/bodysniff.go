package gateway

import "sync"

// A JSON answer up to sniffHead bytes is kept whole and its top level
// scanned; of a larger one (embeddings, big Responses) only the last
// sniffTail bytes are kept, where the API writes model and usage.
const (
	sniffHead = 256 << 10
	sniffTail = 16 << 10
	poolCap   = 64 << 10 // larger buffers are left to the collector
)

// bufPool holds the byte slices the gateway reuses: copy buffers and body
// windows. Pooling pointers avoids an allocation per Put.
type bufPool struct{ p sync.Pool }

func newBufPool(size int) *bufPool {
	bp := &bufPool{}
	bp.p.New = func() any { b := make([]byte, 0, size); return &b }
	return bp
}

func (bp *bufPool) get() *[]byte { return bp.p.Get().(*[]byte) }

func (bp *bufPool) put(b *[]byte) {
	if cap(*b) > poolCap {
		return
	}
	*b = (*b)[:0]
	bp.p.Put(b)
}

// bodySniffer watches a JSON answer go by.
type bodySniffer struct {
	buf  *[]byte
	over bool // the body outgrew sniffHead; buf holds its tail
}

// Write keeps the head of the body, or once it is too long, its tail.
func (s *bodySniffer) Write(p []byte) (int, error) {
	b := *s.buf
	if !s.over && len(b)+len(p) <= sniffHead {
		*s.buf = append(b, p...)
		return len(p), nil
	}
	s.over = true
	if len(p) >= sniffTail {
		*s.buf = append(b[:0], p[len(p)-sniffTail:]...)
		return len(p), nil
	}
	if keep := sniffTail - len(p); len(b) > keep {
		b = b[:copy(b, b[len(b)-keep:])]
	}
	*s.buf = append(b, p...)
	return len(p), nil
}

// read adds what the body says to t.
func (s *bodySniffer) read(t *tally) {
	if s.over {
		t.readTail(*s.buf)
		return
	}
	t.readObject(*s.buf)
}
