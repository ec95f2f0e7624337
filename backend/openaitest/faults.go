package openaitest

import (
	"context"
	"net/http"
	"time"
)

// Fault is a failure to inject into upcoming requests.
type Fault struct {
	// Path limits the fault to one API path such as "/chat/completions";
	// empty matches every request.
	Path string
	// Delay stalls the answer (or the failure) this long, or until the
	// client gives up.
	Delay time.Duration
	// Status answers with this status and the API's error body for it:
	// 500, 502 and 503 server errors, 403 region not supported, 429
	// insufficient_quota.
	Status int
	// Drop closes the connection without answering.
	Drop bool
	// DropAfterEvents lets a streamed answer send this many SSE events and
	// then closes the connection mid-stream. Non-streamed requests are not
	// affected.
	DropAfterEvents int
}

type pendingFault struct {
	fault Fault
	left  int
}

// Inject applies f to the next n requests that match its Path.
func (s *Server) Inject(n int, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, pendingFault{fault: f, left: n})
}

// FailNext answers the next n requests with status (e.g. 500 or 503).
func (s *Server) FailNext(n, status int) { s.Inject(n, Fault{Status: status}) }

// takeFault returns the first pending fault matching path, using one of its
// turns.
func (s *Server) takeFault(path string) *Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.faults {
		pf := &s.faults[i]
		if pf.left > 0 && (pf.fault.Path == "" || pf.fault.Path == path) {
			pf.left--
			f := pf.fault
			return &f
		}
	}
	return nil
}

// applyFault delays, drops or fails the exchange; it returns true if the
// request should go on to be answered normally.
func (s *Server) applyFault(x *exchange) bool {
	f := x.fault
	if f.Delay > 0 && !sleep(x.r.Context(), f.Delay) {
		panic(http.ErrAbortHandler) // the client went away
	}
	if f.Drop {
		panic(http.ErrAbortHandler)
	}
	if f.Status == 0 {
		return true
	}
	if f.Status == statusRateLimited {
		writeRateLimited(x.w)
		return false
	}
	writeError(x.w, f.Status, faultError(f.Status))
	return false
}

// faultError is the error body the API sends with status.
func faultError(status int) apiError {
	if e, ok := accountFaultError(status); ok {
		return e
	}
	switch status {
	case http.StatusForbidden:
		return apiError{Message: "Country, region, or territory not supported", Type: "request_forbidden", Code: "unsupported_country_region_territory"}
	case http.StatusTooManyRequests:
		return apiError{Message: "You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.", Type: "insufficient_quota", Code: "insufficient_quota"}
	case http.StatusBadGateway:
		return apiError{Message: "Bad gateway.", Type: "server_error", Code: ""}
	case http.StatusServiceUnavailable:
		return apiError{Message: "The server is overloaded or not ready yet.", Type: "server_error"}
	case http.StatusNotFound:
		return apiError{Message: "Not found.", Type: "invalid_request_error"}
	}
	return apiError{Message: "The server had an error while processing your request. Sorry about that!", Type: "server_error"}
}

// sleep waits d or until ctx ends; it reports whether d passed.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
