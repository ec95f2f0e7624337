package openaitest

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
)

// Listen starts a server on addr (e.g. "127.0.0.1:0") outside a test, for
// end-to-end runs of the desktop app; Close stops it.
func Listen(addr string, opts ...Option) (*Server, error) {
	cfg := defaultConfig()
	for _, o := range opts {
		o(&cfg)
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", addr, err)
	}
	s := &Server{cfg: cfg, usage: append([]UsageRecord(nil), cfg.usage...)}
	if cfg.limits.RequestsPerMinute > 0 || cfg.limits.TokensPerMinute > 0 {
		s.budget = newBudget(cfg.limits, cfg.now())
	}
	s.ts = httptest.NewUnstartedServer(http.HandlerFunc(s.serve))
	s.ts.Listener.Close()
	s.ts.Listener = l
	s.ts.Start()
	s.Root = s.ts.URL
	s.URL = s.ts.URL + "/v1"
	return s, nil
}

// Close stops a server started with Listen.
func (s *Server) Close() { s.ts.Close() }
