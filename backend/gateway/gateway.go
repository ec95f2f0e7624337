package gateway

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"steward/backend/usage"
)

// Deps are the services a Gateway works with. Access is required; the rest
// are optional.
type Deps struct {
	// Access checks member tokens and holds members' policies.
	Access *Access
	// Keys hands out the upstream key for member-token calls. When nil,
	// Secret is asked for the key labelled Config.UpstreamKeyLabel.
	Keys   KeySource
	Secret SecretFunc
	// Lookup attributes calls made with a member's own key; without it
	// they are recorded by key fingerprint only.
	Lookup LookupFunc
	// Recorder receives one usage.Event per call; nil discards them.
	Recorder usage.Recorder
	// Overflow reports how many events the recorder could not keep.
	Overflow func() int64
	// LogBodies reports whether the team switched body logging on; when it
	// returns true, request and answer text go with each usage event (the
	// usage log redacts and prunes them by its policy). Nil means never.
	LogBodies func() bool
	// TokensSince seeds members' daily token budgets from the usage log.
	TokensSince TokensSinceFunc
	// Now is the clock; time.Now by default.
	Now func() time.Time
	// Log receives operational messages (never keys, tokens or prompts),
	// alerts among them.
	Log *slog.Logger
	// Fallbacks are the providers tried after the primary, in order
	// (Providers.Fallbacks); their keys are read through Secret.
	Fallbacks []Provider
	// OnAlert, when set, hears each new alert (to persist or notify).
	OnAlert func(Alert)
	// Guard holds what ban avoidance needs: the safety-identifier secret,
	// the end-user blocklist and the event log. Nil turns those features off.
	Guard *Guard
	// Calls, when set, hears of each finished call (telemetry export).
	Calls CallObserver
	// Shared, when set, makes members' limits hold across the replicas
	// serving from one database; nil keeps them per process.
	Shared *SharedLimits
}

// Gateway is the local OpenAI-compatible proxy. Build one with New, serve
// with Start, stop with Shutdown; a stopped gateway is not started again.
// It is also an http.Handler, for serving under another server.
type Gateway struct {
	cfg     Config
	ups     []*upstream // the primary, then the fallbacks
	access  *Access
	rec     usage.Recorder
	over    func() int64
	bodies  func() bool
	now     func() time.Time
	log     *slog.Logger
	keys    *keyCache
	owners  *owners
	limits  *limits
	shared  *SharedLimits
	tr      *http.Transport
	copyBuf *bufPool
	sniff   *bufPool
	stats   counters
	alerts  *alertBook
	room    headroomBook
	guard   *Guard
	calls   CallObserver
	bg      sync.WaitGroup // calls, and the last-used writes they start, still running

	noKey bool // no KeySource and no key label: member tokens cannot be served

	mu       sync.Mutex
	srv      *http.Server
	addr     string
	started  time.Time
	stopping bool
	done     chan struct{}
}

// New checks the configuration and builds a gateway; it does not listen yet.
func New(cfg Config, deps Deps) (*Gateway, error) {
	cfg = cfg.withDefaults()
	base, err := cfg.validate()
	if err != nil {
		return nil, err
	}
	if deps.Access == nil {
		return nil, errors.New("gateway: no access register")
	}
	if deps.Now == nil {
		deps.Now = time.Now
	}
	if deps.Log == nil {
		deps.Log = slog.New(slog.DiscardHandler)
	}
	if deps.Recorder == nil {
		deps.Recorder = usage.RecorderFunc(func(usage.Event) {})
	}
	noKey := deps.Keys == nil && (deps.Secret == nil || cfg.UpstreamKeyLabel == "")
	if deps.Keys == nil {
		deps.Keys = KeyFromVault(deps.Secret, cfg.UpstreamKeyLabel)
	}
	keys := &keyCache{src: deps.Keys, now: deps.Now}
	ups, err := newUpstreams(cfg, base, keys, deps.Fallbacks, deps)
	if err != nil {
		return nil, err
	}
	g := &Gateway{
		cfg: cfg, ups: ups, access: deps.Access, rec: deps.Recorder,
		over: deps.Overflow, bodies: deps.LogBodies, now: deps.Now, log: deps.Log,
		alerts:  &alertBook{log: deps.Log, hook: deps.OnAlert},
		guard:   deps.Guard,
		calls:   deps.Calls,
		keys:    keys,
		owners:  &owners{lookup: deps.Lookup, now: deps.Now, m: map[string]ownerEntry{}},
		limits:  newLimits(deps.Now, deps.TokensSince),
		shared:  deps.Shared,
		tr:      newTransport(cfg.ConnectTimeout),
		copyBuf: newBufPool(32 << 10),
		sniff:   newBufPool(4 << 10),
		done:    make(chan struct{}),
		noKey:   noKey,
	}
	if g.shared != nil {
		g.limits.shared, g.limits.share, g.limits.every = true, 1, g.shared.every
	}
	return g, nil
}

// newTransport is the one connection pool to the upstream: many idle
// connections kept, no transparent compression (answers are read for
// usage as they pass), HTTP/2 where the upstream offers it.
func newTransport(connect time.Duration) *http.Transport {
	return &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: connect, KeepAlive: 30 * time.Second}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          1024,
		MaxIdleConnsPerHost:   512,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
		DisableCompression:    true,
		WriteBufferSize:       32 << 10,
		ReadBufferSize:        32 << 10,
	}
}

// Start listens on Config.Listen and serves in the background until
// Shutdown, or until ctx ends. It returns once the address is bound.
func (g *Gateway) Start(ctx context.Context) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.srv != nil {
		return errors.New("gateway: already started")
	}
	if err := usage.CheckRoom(ctx, g.rec); err != nil { // a full disk would lose every usage row
		return err
	}
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", g.cfg.Listen)
	if err != nil {
		return fmt.Errorf("gateway: listen on %s: %w", g.cfg.Listen, err)
	}
	if g.shared != nil {
		if err := g.shared.start(ctx, g.limits, g.access); err != nil {
			ln.Close()
			return err
		}
	}
	g.addr, g.started = ln.Addr().String(), g.now()
	g.srv = &http.Server{
		Handler:           g,
		ReadHeaderTimeout: 30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(g.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	srv := g.srv
	go func() {
		defer close(g.done)
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			g.log.Error("gateway stopped", "err", err)
		}
	}()
	go func() {
		select {
		case <-ctx.Done():
			sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			_ = g.Shutdown(sctx)
		case <-g.done:
		}
	}()
	g.log.Info("gateway listening", "addr", g.addr, "upstream", g.ups[0].base.Redacted(), "fallbacks", len(g.ups)-1)
	return nil
}

// Shutdown stops accepting calls and waits for those in flight until ctx
// ends, then cuts the rest off.
func (g *Gateway) Shutdown(ctx context.Context) error {
	g.mu.Lock()
	srv, stopping := g.srv, g.stopping
	g.stopping = srv != nil
	g.mu.Unlock()
	if srv == nil || stopping {
		return nil
	}
	err := srv.Shutdown(ctx)
	if err != nil {
		err = errors.Join(err, srv.Close())
	}
	<-g.done
	g.bg.Wait()
	if g.shared != nil {
		g.shared.close(context.WithoutCancel(ctx), g.limits, g.access)
	}
	g.tr.CloseIdleConnections()
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return nil // calls were cut off, as asked
	}
	return err
}

// Done is closed once the gateway has stopped serving.
func (g *Gateway) Done() <-chan struct{} { return g.done }

// Addr is the address the gateway listens on ("127.0.0.1:8787"), or "" before Start.
func (g *Gateway) Addr() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.addr
}

// BaseURL is what apps put in OPENAI_BASE_URL, or "" before Start.
func (g *Gateway) BaseURL() string {
	if a := g.Addr(); a != "" {
		return "http://" + a + "/v1"
	}
	return ""
}

// Config is the configuration in use, defaults filled in.
func (g *Gateway) Config() Config { return g.cfg }

// Warnings lists what about the configuration deserves attention, such as
// a listen address other machines can reach, or no upstream key to serve
// member tokens with.
func (g *Gateway) Warnings() []string {
	w := g.cfg.Warnings()
	if g.noKey {
		w = append(w, "No upstream key is set, so member tokens are refused: choose which registered key "+
			"the gateway uses. Calls with members' own keys still pass through.")
	}
	return w
}

// Stats returns the live counters.
func (g *Gateway) Stats() Stats {
	s := g.stats.snapshot()
	g.mu.Lock()
	if g.srv != nil {
		s.StartedAt = g.started.UTC().Format(time.RFC3339)
		select {
		case <-g.done:
		default:
			s.Running = true
		}
	}
	g.mu.Unlock()
	if g.over != nil {
		s.QueueOverflow = g.over()
	}
	s.Providers, s.Alerts, s.Headroom = g.ProviderStates(), g.alerts.snapshot(), g.room.snapshot()
	return s
}

// ProviderStates lists the primary and the fallbacks, in order, with the
// state of their circuit breakers.
func (g *Gateway) ProviderStates() []ProviderState {
	out := make([]ProviderState, 0, len(g.ups))
	for _, u := range g.ups {
		s := ProviderState{Provider: u.Provider}
		s.BaseURL = u.base.Redacted()
		u.br.snapshot(&s)
		out = append(out, s)
	}
	return out
}

// record hands an event to the recorder. A recorder that panics loses the
// event, never the call.
func (g *Gateway) record(e usage.Event) {
	defer func() {
		if r := recover(); r != nil {
			g.stats.recorderFailures.Add(1)
			g.log.Warn("usage recorder failed", "panic", fmt.Sprint(r))
		}
	}()
	g.rec.Record(e)
}
