package gateway

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// AdminOptions are what the admin listener reports on besides the gateway.
type AdminOptions struct {
	// Ping asks the database for an answer; /readyz fails while it errs.
	Ping func(ctx context.Context) error
	// Queue is the usage log writer's state, for /metrics; nil leaves the
	// queue's metrics out.
	Queue func() QueueStats
	// Log receives the admin server's own errors.
	Log *slog.Logger
}

// readyTimeout bounds one readiness check.
const readyTimeout = 5 * time.Second

// AdminHandler serves the admin endpoints of a headless gateway, meant for a
// listener apart from the API's (never exposed with it): /healthz answers
// 200 while the process serves; /readyz 200 only while the gateway takes
// calls, the database answers and the upstream key can be read, else 503
// with a short reason; /metrics the counters in Prometheus text format.
func (g *Gateway) AdminHandler(opts AdminOptions) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		plain(w, http.StatusOK, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
		defer cancel()
		if err := g.ready(ctx, opts.Ping); err != nil {
			plain(w, http.StatusServiceUnavailable, "not ready: "+scrubSecrets(err.Error()))
			return
		}
		plain(w, http.StatusOK, "ready")
	})
	mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, _ *http.Request) {
		var buf bytes.Buffer
		if err := g.WriteMetrics(&buf, opts.Queue); err != nil {
			plain(w, http.StatusInternalServerError, "metrics: "+err.Error())
			return
		}
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		w.Write(buf.Bytes())
	})
	return mux
}

// ready says why the gateway should not be sent calls, or nil.
func (g *Gateway) ready(ctx context.Context, ping func(context.Context) error) error {
	g.mu.Lock()
	stopping, started := g.stopping, g.srv != nil
	g.mu.Unlock()
	switch {
	case !started:
		return errors.New("the gateway has not started")
	case stopping:
		return errors.New("the gateway is shutting down")
	}
	if ping != nil {
		if err := ping(ctx); err != nil {
			return fmt.Errorf("the database does not answer: %w", err)
		}
	}
	if g.noKey {
		return errors.New("no upstream key is set (--key, or " + EnvUpstreamKeyFile + ")")
	}
	if _, err := g.keys.src.UpstreamKey(ctx); err != nil {
		return fmt.Errorf("the upstream key cannot be read: %w", err)
	}
	return nil
}

// plain writes a one-line plain-text answer.
func plain(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	fmt.Fprintln(w, msg)
}

// AdminServer is the admin listener of a headless gateway.
type AdminServer struct {
	srv  *http.Server
	addr string
	done chan struct{}
}

// ServeAdmin listens on addr and serves AdminHandler in the background
// until Close.
func (g *Gateway) ServeAdmin(ctx context.Context, addr string, opts AdminOptions) (*AdminServer, error) {
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("gateway: admin listener on %s: %w", addr, err)
	}
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	a := &AdminServer{addr: ln.Addr().String(), done: make(chan struct{}), srv: &http.Server{
		Handler:           g.AdminHandler(opts),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}}
	go func() {
		defer close(a.done)
		if err := a.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("admin listener stopped", "err", err)
		}
	}()
	return a, nil
}

// Addr is the address the admin listener is bound to.
func (a *AdminServer) Addr() string { return a.addr }

// Close stops the admin listener, letting a scrape in progress finish
// until ctx ends.
func (a *AdminServer) Close(ctx context.Context) error {
	err := a.srv.Shutdown(ctx)
	if err != nil {
		err = errors.Join(err, a.srv.Close())
	}
	<-a.done
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return nil // a slow scrape was cut off, as asked
	}
	return err
}
