package gateway

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"
)

// answer is the upstream's answer on its way to the client, and what is
// being read off it.
type answer struct {
	resp    *http.Response
	sse     bool
	events  *sseReader   // for event streams
	body    *bodySniffer // for JSON
	written int64        // body bytes the client has been given
}

// sink is where the body's bytes are read for usage, or nil.
func (a *answer) sink() io.Writer {
	switch {
	case a.events != nil:
		return a.events
	case a.body != nil:
		return a.body
	}
	return nil
}

// complete reports whether the client already has the whole answer: all of
// a body of known length, a stream past its last event, or a whole JSON
// value. A client that hangs up then (many read exactly one JSON value and
// close) has not cut anything short.
func (a *answer) complete() bool {
	switch {
	case a.resp.ContentLength >= 0:
		return a.written == a.resp.ContentLength
	case a.events != nil:
		return a.events.finished
	case a.body != nil:
		return a.body.complete()
	}
	return false
}

// relay passes the upstream's answer to the client as it arrives: headers
// first, then each read of the body written (and, for event streams and
// answers of unknown length, flushed) before the next read, while usage is
// read off the bytes going by.
func (c *call) relay(ctx context.Context, resp *http.Response, idle *time.Timer) {
	g := c.g
	a := &answer{resp: resp}
	copyHeader(c.w.Header(), resp.Header)
	ct := resp.Header.Get("Content-Type")
	a.sse = strings.HasPrefix(ct, "text/event-stream")
	c.ev.Status, c.ev.RequestID = resp.StatusCode, resp.Header.Get("x-request-id")
	c.rate, c.hasRate = readRateHeaders(resp.Header)
	if c.moderatesOutput(resp) {
		c.relayModerated(ctx, resp)
		return
	}
	c.ev.Stream = c.ev.Stream || a.sse
	if resp.StatusCode == http.StatusUnauthorized && !c.own {
		c.up.keys.drop() // the key may have been rotated; read it again next time
	}
	switch enc := resp.Header.Get("Content-Encoding"); {
	case enc != "" && enc != "identity":
		// compressed despite our asking; passed through unread
	case a.sse:
		a.events = &sseReader{}
	case isJSON(ct):
		a.body = &bodySniffer{buf: g.sniff.get()}
		defer g.sniff.put(a.body.buf)
	}
	if _, ok := resp.Header["Content-Type"]; !ok {
		c.w.Header()["Content-Type"] = nil // no sniffed type: the answer goes as it came
	}
	c.w.WriteHeader(resp.StatusCode)
	// Streams, and any answer of unknown length, are flushed read by read,
	// as httputil.ReverseProxy does; answers of known length are buffered.
	flusher, _ := c.w.(http.Flusher)
	flush := flusher != nil && (a.sse || resp.ContentLength < 0)
	if flush {
		flusher.Flush() // the client sees the answer start at once
	}
	c.copyBody(ctx, a, idle, flusher, flush)
	switch {
	case a.events != nil:
		c.t = a.events.t
	case a.body != nil:
		a.body.read(&c.t)
	}
}

// copyBody copies the answer's body to the client read by read.
func (c *call) copyBody(ctx context.Context, a *answer, idle *time.Timer, flusher http.Flusher, flush bool) {
	g := c.g
	bp := g.copyBuf.get()
	defer g.copyBuf.put(bp)
	buf := (*bp)[:cap(*bp)]
	sink := a.sink()
	for first := true; ; first = false {
		n, rerr := a.resp.Body.Read(buf)
		if n > 0 {
			idle.Reset(g.cfg.IdleTimeout)
			if first && a.sse {
				c.ev.TimeToFirstByte = g.now().Sub(c.ev.Time)
			}
			if sink != nil {
				_, _ = sink.Write(buf[:n])
			}
			c.bodies.add(buf[:n])
			if _, werr := c.w.Write(buf[:n]); werr != nil {
				c.ev.ErrorType, c.msg = ReasonClientClosed, "the client went away mid-answer"
				return
			}
			a.written += int64(n)
			if flush {
				flusher.Flush()
			}
		}
		if rerr != nil {
			if !errors.Is(rerr, io.EOF) && !a.complete() {
				c.cutOff(ctx, rerr)
			}
			return
		}
	}
}

// cutOff records why the answer's body ended early. The client's
// connection is then cut as well, so it sees a truncated answer rather
// than a complete one.
func (c *call) cutOff(ctx context.Context, err error) {
	switch {
	case c.r.Context().Err() != nil:
		c.ev.ErrorType, c.msg = ReasonClientClosed, "the client went away mid-answer"
		return
	case errors.Is(context.Cause(ctx), errUpstreamTimeout):
		c.ev.ErrorType, c.msg = ReasonUpstreamTimeout, "the upstream sent nothing for "+c.g.cfg.IdleTimeout.String()+" mid-answer"
	default:
		c.ev.ErrorType, c.msg = ReasonUpstreamClosed, "the upstream closed the connection mid-answer: "+err.Error()
	}
	c.abort = true
}

// complete reports whether the JSON seen so far is a whole value: the
// head holds a whole object, or the tail of a large one ends as one does.
func (s *bodySniffer) complete() bool {
	if !s.over {
		return scanObject(*s.buf, func(_, _ []byte, _ int) bool { return true }) == nil
	}
	b := bytes.TrimRight(*s.buf, " \r\n\t")
	return len(b) > 0 && (b[len(b)-1] == '}' || b[len(b)-1] == ']')
}
