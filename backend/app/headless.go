package app

import (
	"context"
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

// ServeGateway runs a gateway with cfg until ctx ends (the CLI's `steward
// gateway`), with the saved fallbacks, holding the data folder's gateway
// lock; log receives its operational lines (alerts among them) when not
// nil, and started is called once it listens. A gateway on a full disk
// does not start (the error names the full disk). While it serves, lost
// is told whenever usage rows could not be saved (and when saving resumes),
// and once more at the end with the total lost, so a headless gateway says
// what the Usage screen shows; lost may be nil.
func (s *Services) ServeGateway(ctx context.Context, cfg gateway.Config, log *slog.Logger, started func(*gateway.Gateway), lost func(msg string)) (gateway.Stats, error) {
	lock, err := gateway.LockDataDir(s.c.dir, cfg.Listen)
	if err != nil {
		return gateway.Stats{}, err
	}
	defer lock.Release()
	deps := s.Gateway.deps
	if deps.Fallbacks, err = s.Gateway.providers.Fallbacks(ctx); err != nil {
		return gateway.Stats{}, err
	}
	if log != nil {
		deps.Log = log
	}
	gw, err := gateway.New(cfg, deps)
	if err != nil {
		return gateway.Stats{}, err
	}
	if err := gw.Start(ctx); err != nil {
		return gateway.Stats{}, err
	}
	started(gw)
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		if lost != nil {
			usage.WatchLost(ctx, s.c.writer, time.Second, lost)
		}
	}()
	<-ctx.Done()
	<-watched // lost is never called from two goroutines at once
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = gw.Shutdown(shutdown)
	if ws := s.c.writer.Stats(); lost != nil && ws.Dropped > 0 {
		lost(usage.LostMessage(ws.Dropped, ws))
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
