package openaitest

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// sseWriter writes Server-Sent Events and, when a fault asks for it,
// closes the connection after a number of events.
type sseWriter struct {
	w         http.ResponseWriter
	sent      int
	dropAfter int
}

func (s *Server) startSSE(x *exchange) *sseWriter {
	h := x.w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	x.w.WriteHeader(http.StatusOK)
	e := &sseWriter{w: x.w}
	if x.fault != nil {
		e.dropAfter = x.fault.DropAfterEvents
	}
	return e
}

// data writes "data: <v as JSON>\n\n"; a string is written as is.
func (e *sseWriter) data(v any) { e.write("", v) }

// event writes "event: <name>\ndata: <v as JSON>\n\n".
func (e *sseWriter) event(name string, v any) { e.write(name, v) }

func (e *sseWriter) write(name string, v any) {
	payload, ok := v.(string)
	if !ok {
		b, err := json.Marshal(v)
		if err != nil {
			panic(http.ErrAbortHandler)
		}
		payload = string(b)
	}
	if name != "" {
		fmt.Fprintf(e.w, "event: %s\n", name)
	}
	fmt.Fprintf(e.w, "data: %s\n\n", payload)
	if f, ok := e.w.(http.Flusher); ok {
		f.Flush()
	}
	e.sent++
	if e.dropAfter > 0 && e.sent >= e.dropAfter {
		panic(http.ErrAbortHandler) // close the connection mid-stream
	}
}
