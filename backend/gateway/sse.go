package gateway

import (
	"bytes"
)

// maxEventLine is the longest SSE line the usage reader keeps across reads;
// a longer one (a huge response.completed) is skipped and its usage lost.
const maxEventLine = 8 << 20

// sseReader watches a server-sent event stream go by and keeps what the
// usage log needs: the model, the usage of a chat stream's last chunk or of
// a Responses stream's response.completed event, and any error event. It
// copies nothing but a line split across reads, and decodes only the few
// events that carry those fields.
type sseReader struct {
	t        tally
	partial  []byte // the start of a line whose end has not arrived
	skip     bool   // the current line is too long to keep; drop it
	finished bool   // the stream's last event was seen: "[DONE]", or a Responses response.completed/incomplete/failed
	events   int    // data lines seen
}

// Write feeds the next piece of the stream. It never fails.
func (s *sseReader) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			s.keep(p)
			break
		}
		line := p[:i]
		p = p[i+1:]
		switch {
		case s.skip || len(s.partial)+len(line) > maxEventLine:
			s.skip, s.partial = false, nil
			continue
		case len(s.partial) > 0:
			s.partial = append(s.partial, line...)
			line = s.partial
		}
		s.line(line)
		s.partial = s.partial[:0]
	}
	return n, nil
}

// keep holds the unfinished end of a line until the rest arrives.
func (s *sseReader) keep(p []byte) {
	if s.skip {
		return
	}
	if len(s.partial)+len(p) > maxEventLine {
		s.skip, s.partial = true, nil // and let the memory go
		return
	}
	s.partial = append(s.partial, p...)
}

// line handles one complete line of the stream.
func (s *sseReader) line(l []byte) {
	l = bytes.TrimSuffix(l, []byte{'\r'})
	data, ok := bytes.CutPrefix(l, []byte("data:"))
	if !ok {
		return // "event:", "id:", comments and blank lines carry nothing we need
	}
	data = bytes.TrimLeft(data, " ")
	s.events++
	if len(data) == 0 || data[0] != '{' {
		if bytes.Equal(data, []byte("[DONE]")) {
			s.finished = true
		}
		return
	}
	s.data(data)
}

// data inspects one event's JSON: a chat chunk, or a Responses event whose
// "response" holds the model and, once complete, the usage.
func (s *sseReader) data(d []byte) {
	wantModel := s.t.model == "" && bytes.Contains(d, []byte(`"model"`))
	hasUsage := memberIsObject(d, "usage")
	hasError := memberIsObject(d, "error") || bytes.Contains(d, []byte(`"type":"error"`))
	if !wantModel && !hasUsage && !hasError {
		return
	}
	var typ []byte
	_ = scanObject(d, func(k, v []byte, _ int) bool {
		switch string(k) {
		case "type":
			typ = v
		case "model":
			s.t.setModel(v)
		case "id":
			s.t.setID(v)
		case "usage":
			s.t.setUsage(v)
		case "error":
			s.t.setError(v)
		case "response":
			s.t.readObject(v)
		}
		return true
	})
	switch string(typ) {
	case `"error"`: // a Responses error event: its fields sit at the top level
		s.t.setError(d)
	case `"response.completed"`, `"response.incomplete"`, `"response.failed"`:
		s.finished = true
	}
}
