package app

import (
	"cmp"
	"context"
	"errors"
	"log/slog"
	"time"

	"steward/backend/apperr"
	"steward/backend/gateway"
	"steward/backend/moderation"
	"steward/backend/openai"
	"steward/backend/usage"
)

// The methods here serve the CLI only: they run to the end in the
// foreground or hand back configuration that holds a key, so the window
// never binds them.

// DefaultDrainTimeout is how long a stopping gateway lets calls in flight
// finish before cutting them off.
const DefaultDrainTimeout = 30 * time.Second

// ServeOptions configure ServeGateway.
type ServeOptions struct {
	Config gateway.Config
	// Log receives the gateway's operational lines (alerts among them);
	// the app log when nil.
	Log *slog.Logger
	// Started is called once the gateway listens, with the admin
	// listener's address ("" without one).
	Started func(gw *gateway.Gateway, admin string)
	// Lost is told whenever usage rows could not be saved (and when saving
	// resumes), and once more at the end with the total lost; may be nil.
	Lost func(msg string)
	// AdminListen is the address of the admin listener (/healthz, /readyz,
	// /metrics); "" for none.
	AdminListen string
	// DrainTimeout bounds how long calls in flight may finish once ctx
	// ends; DefaultDrainTimeout when zero.
	DrainTimeout time.Duration
	// UpstreamKeyFile, when set, is the file the upstream key is read from
	// (gateway.KeyFromFile) instead of the registered key Config names.
	UpstreamKeyFile string
}

// ServeGateway runs a gateway until ctx ends (the CLI's `steward gateway`),
// with the saved fallbacks, holding the data folder's gateway lock. A
// gateway on a full disk, or with an upstream key file it cannot use, does
// not start. When ctx ends it stops accepting calls, lets those in flight
// finish (up to DrainTimeout), writes the usage rows still queued (up to
// ten seconds; Close writes any left) and returns.
func (s *Services) ServeGateway(ctx context.Context, o ServeOptions) (gateway.Stats, error) {
	lock, err := gateway.LockDataDir(s.c.dir, o.Config.Listen)
	if err != nil {
		return gateway.Stats{}, err
	}
	defer lock.Release()
	deps := s.Gateway.deps
	if deps.Fallbacks, err = s.Gateway.providers.Fallbacks(ctx); err != nil {
		return gateway.Stats{}, err
	}
	if o.Log != nil {
		deps.Log = o.Log
	}
	if o.UpstreamKeyFile != "" {
		deps.Keys = gateway.KeyFromFile(o.UpstreamKeyFile)
		if _, err := deps.Keys.UpstreamKey(ctx); err != nil {
			return gateway.Stats{}, err
		}
	}
	gw, err := gateway.New(o.Config, deps)
	if err != nil {
		return gateway.Stats{}, err
	}
	// The gateway stops below, draining; not on its own when ctx ends.
	if err := gw.Start(context.WithoutCancel(ctx)); err != nil {
		return gateway.Stats{}, err
	}
	var admin *gateway.AdminServer
	if o.AdminListen != "" {
		admin, err = gw.ServeAdmin(ctx, o.AdminListen, gateway.AdminOptions{Ping: s.Ping, Queue: s.c.writer.Stats, Log: deps.Log})
		if err != nil {
			return gateway.Stats{}, errors.Join(err, gw.Shutdown(ctx))
		}
	}
	if o.Started != nil {
		addr := ""
		if admin != nil {
			addr = admin.Addr()
		}
		o.Started(gw, addr)
	}
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		if o.Lost != nil {
			usage.WatchLost(ctx, s.c.writer, time.Second, o.Lost)
		}
	}()
	<-ctx.Done()
	<-watched // lost is never called from two goroutines at once
	drain := cmp.Or(o.DrainTimeout, DefaultDrainTimeout)
	shutdown, cancel := context.WithTimeout(context.Background(), drain)
	defer cancel()
	err = gw.Shutdown(shutdown) // /readyz answers 503 meanwhile
	if admin != nil {
		err = errors.Join(err, admin.Close(shutdown))
	}
	flush, cancelFlush := context.WithTimeout(context.Background(), 10*time.Second) // as closeUsage
	defer cancelFlush()
	if ferr := s.c.writer.Flush(flush); ferr != nil {
		deps.Log.Warn("usage rows still queued at exit", "err", ferr)
	}
	if ws := s.c.writer.Stats(); o.Lost != nil && ws.Dropped > 0 {
		o.Lost(usage.LostMessage(ws.Dropped, ws))
	}
	return gw.Stats(), err
}

// RunModerationFile imports a prompt file as a new suite and runs it to
// the end with client, reporting progress to the front's events. It is the
// CLI's run. The report it returns reads its items from the data folder as
// it is written (in constant memory, for any number of prompts): write it
// before the Services close.
func (s *Services) RunModerationFile(ctx context.Context, cfg moderation.RunFileConfig) (moderation.RunReport, error) {
	cfg.Store = s.c.store
	cfg.Observer = s.c.observer()
	if cfg.Progress == nil {
		cfg.Progress = moderation.ProgressFunc(func(p moderation.Progress) { s.c.opts.Events.Emit(EventModerationProgress, p) })
	}
	return moderation.RunFile(ctx, cfg)
}

// ClientConfig is the API configuration for a CLI run: keyLabel's key from
// the vault, or OPENAI_API_KEY; baseURL, or the configured base URL.
func (s *Services) ModerationClient(ctx context.Context, keyLabel, baseURL string) (openai.Config, error) {
	cfg := openai.FromEnv(s.c.opts.Getenv)
	cfg.BaseURL = s.c.baseURL(ctx)
	if baseURL != "" {
		cfg.BaseURL = baseURL
	}
	if keyLabel != "" {
		key, err := s.c.keys.Secret(ctx, keyLabel)
		if err != nil {
			return cfg, err
		}
		cfg.APIKey = key
	}
	if cfg.APIKey == "" {
		return cfg, apperr.Text(apperr.Invalid, "app.moderation_key",
			"No API key: pass --key LABEL for a registered key, or set OPENAI_API_KEY.",
			"没有 API 密钥：请用 --key 标签 指定已登记的密钥，或设置 OPENAI_API_KEY。")
	}
	return cfg, nil
}
