package openaitest

import (
	"net/http"
	"time"
)

// Request is one request the server saw. Header has the Authorization and
// api-key headers removed; KeyFingerprint identifies the key instead.
type Request struct {
	Method         string
	Path           string
	Query          string
	Header         http.Header
	BodySize       int
	Status         int
	KeyFingerprint string
	Time           time.Time
}

// Counts are running totals over all requests.
type Counts struct {
	Requests     int
	RateLimited  int // answered 429
	ServerErrors int // answered 5xx
}

// Requests returns a copy of the request log, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.log))
	for i, r := range s.log {
		r.Header = r.Header.Clone()
		out[i] = r
	}
	return out
}

// Counts returns the running totals.
func (s *Server) Counts() Counts {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts
}
