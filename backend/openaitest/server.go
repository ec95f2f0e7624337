// Package openaitest is an in-process stand-in for the OpenAI HTTP API, for
// tests: no network is reachable where Steward is built and tested. It
// answers as openai/openai-openapi describes — response shapes, error
// bodies, SSE framing, rate-limit headers — for the endpoints Steward uses:
// /models, /moderations, /chat/completions, /responses, /embeddings and
// /organization/usage/completions. Knobs make it refuse keys, run out of
// rate limit, fail, stall or drop the connection, and it records every
// request it saw.
package openaitest

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"steward/backend/secret"
)

// Server is a running stand-in. Give URL to the client under test as its
// base URL; Root is the same server without "/v1", for Azure-style clients
// (which call /openai/deployments/{name}/... with an api-version).
type Server struct {
	URL  string
	Root string

	ts  *httptest.Server
	cfg config

	mu     sync.Mutex
	seq    int
	log    []Request
	counts Counts
	faults []pendingFault
	budget *budget
	usage  []UsageRecord
	org    *orgState // the Administration API's organization (org.go)
}

// New starts a server that is closed when the test ends.
func New(t testing.TB, opts ...Option) *Server {
	t.Helper()
	cfg := defaultConfig()
	for _, o := range opts {
		o(&cfg)
	}
	s := &Server{cfg: cfg, usage: append([]UsageRecord(nil), cfg.usage...), org: newOrgState(cfg.org)}
	if cfg.limits.RequestsPerMinute > 0 || cfg.limits.TokensPerMinute > 0 {
		s.budget = newBudget(cfg.limits, cfg.now())
	}
	s.ts = httptest.NewServer(http.HandlerFunc(s.serve))
	s.Root = s.ts.URL
	s.URL = s.ts.URL + "/v1"
	t.Cleanup(s.ts.Close)
	return s
}

// Client returns an HTTP client for the server.
func (s *Server) Client() *http.Client { return s.ts.Client() }

// exchange is one request on its way through the server.
type exchange struct {
	w     http.ResponseWriter
	r     *http.Request
	body  []byte
	path  string // the API path without "/v1", e.g. "/chat/completions"
	key   string // the API key the request carried
	entry int    // index in the request log
	fault *Fault
}

// serve is the pipeline every request takes: log it, apply any injected
// fault, check the key and the request budget, then route.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	body, _ := io.ReadAll(io.LimitReader(r.Body, 64<<20))
	rw := &headerWriter{ResponseWriter: w, start: start}
	x := &exchange{w: rw, r: r, body: body}
	x.path, x.body = s.apiPath(r, body)
	s.begin(x, rw)
	defer func() { s.finish(x.entry, rw.status) }()

	if f := s.takeFault(x.path); f != nil {
		x.fault = f
		if !s.applyFault(x) {
			return
		}
	}
	if x.path == "" {
		writeError(x.w, http.StatusNotFound, apiError{
			Message: fmt.Sprintf("Invalid URL (%s %s)", r.Method, r.URL.Path), Type: "invalid_request_error"})
		return
	}
	if !s.authorize(x) {
		return
	}
	if !s.takeRequest(x) {
		return
	}
	s.route(x)
}

// apiPath maps an OpenAI ("/v1/...") or Azure ("/openai/...") path to the
// API path, or "" if it is neither. Azure deployment paths put the
// deployment name into the body's model when it has none.
func (s *Server) apiPath(r *http.Request, body []byte) (string, []byte) {
	p := r.URL.Path
	if rest, ok := strings.CutPrefix(p, "/v1/"); ok {
		return "/" + rest, body
	}
	rest, ok := strings.CutPrefix(p, "/openai/")
	if !ok || r.URL.Query().Get("api-version") == "" {
		return "", body
	}
	if dep, ok := strings.CutPrefix(rest, "deployments/"); ok {
		name, op, found := strings.Cut(dep, "/")
		if !found {
			return "", body
		}
		return "/" + op, withDefaultModel(body, name)
	}
	return "/" + rest, body
}

// begin assigns a request id, sets the headers the real API always sends
// and records the request.
func (s *Server) begin(x *exchange, rw *headerWriter) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	s.counts.Requests++
	h := x.r.Header.Clone()
	h.Del("Authorization")
	h.Del("Api-Key")
	x.entry = len(s.log)
	s.log = append(s.log, Request{
		Method: x.r.Method, Path: x.r.URL.Path, Query: x.r.URL.RawQuery,
		Header: h, BodySize: len(x.body), Time: s.cfg.now(),
	})
	rw.Header().Set("x-request-id", fmt.Sprintf("req_%032x", s.seq))
	rw.Header().Set("openai-version", "2020-10-01")
}

// finish records the status a request was answered with.
func (s *Server) finish(entry, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log[entry].Status = status
	if status == http.StatusTooManyRequests {
		s.counts.RateLimited++
	}
	if status >= 500 {
		s.counts.ServerErrors++
	}
}

// authorize checks the Bearer token or Azure's api-key header.
func (s *Server) authorize(x *exchange) bool {
	key := x.r.Header.Get("api-key")
	if auth := x.r.Header.Get("Authorization"); auth != "" {
		key, _ = strings.CutPrefix(auth, "Bearer ")
		key = strings.TrimSpace(key)
	}
	x.key = key
	switch {
	case key == "":
		writeError(x.w, http.StatusUnauthorized, apiError{
			Message: "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
			Type:    "invalid_request_error"})
		return false
	case s.cfg.revoked[key]:
		writeError(x.w, http.StatusUnauthorized, apiError{
			Message: "Your authentication token has been invalidated. Please try signing in again.",
			Type:    "invalid_request_error", Code: "invalid_authentication"})
		return false
	case s.cfg.keys != nil && !s.cfg.keys[key]:
		writeError(x.w, http.StatusUnauthorized, apiError{
			Message: fmt.Sprintf("Incorrect API key provided: %s. You can find your API key at https://platform.openai.com/account/api-keys.", maskKey(key)),
			Type:    "invalid_request_error", Code: "invalid_api_key"})
		return false
	}
	s.mu.Lock()
	s.log[x.entry].KeyFingerprint = secret.Fingerprint(key)
	s.mu.Unlock()
	return true
}

// maskKey shows a key the way the API does in its 401 message: the kind
// prefix, stars, and the last four characters.
func maskKey(key string) string {
	p := secret.Prefix(key)
	if len(key)-len(p) < 12 {
		return p + strings.Repeat("*", 8)
	}
	return p + strings.Repeat("*", len(key)-len(p)-4) + key[len(key)-4:]
}

// route dispatches to the endpoint handlers.
func (s *Server) route(x *exchange) {
	m, p := x.r.Method, x.path
	switch {
	case p == "/models" && m == http.MethodGet:
		s.listModels(x)
	case strings.HasPrefix(p, "/models/") && m == http.MethodGet:
		s.getModel(x, strings.TrimPrefix(p, "/models/"))
	case p == "/moderations" && m == http.MethodPost:
		s.moderate(x)
	case p == "/chat/completions" && m == http.MethodPost:
		s.chat(x)
	case p == "/responses" && m == http.MethodPost:
		s.respond(x)
	case p == "/embeddings" && m == http.MethodPost:
		s.embed(x)
	case p == "/organization/usage/completions" && m == http.MethodGet:
		s.usageCompletions(x)
	case isAdminPath(p):
		s.routeAdmin(x)
	default:
		writeError(x.w, http.StatusNotFound, apiError{
			Message: fmt.Sprintf("Invalid URL (%s %s)", m, x.r.URL.Path), Type: "invalid_request_error"})
	}
}

// headerWriter adds openai-processing-ms when the status is written and
// remembers the status.
type headerWriter struct {
	http.ResponseWriter
	start  time.Time
	status int
}

func (w *headerWriter) WriteHeader(code int) {
	if w.status != 0 {
		return
	}
	w.status = code
	w.Header().Set("openai-processing-ms", fmt.Sprint(time.Since(w.start).Milliseconds()))
	w.ResponseWriter.WriteHeader(code)
}

func (w *headerWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Flush passes flushes through, for SSE.
func (w *headerWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// withDefaultModel sets "model" in a JSON object body if it has none.
func withDefaultModel(body []byte, model string) []byte {
	if bytes.Contains(body, []byte(`"model"`)) {
		return body
	}
	b := bytes.TrimSpace(body)
	if len(b) < 2 || b[0] != '{' {
		return body
	}
	inner := bytes.TrimSpace(b[1:])
	sep := ","
	if len(inner) == 1 { // "{}"
		sep = ""
	}
	return []byte(fmt.Sprintf(`{"model":%q%s%s`, model, sep, inner))
}
