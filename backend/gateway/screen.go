package gateway

import (
	"context"
	"sync"
	"time"
)

// Status is the gateway as the GUI shows it.
type Status struct {
	Running bool `json:"running"`
	// BaseURL is what apps put in OPENAI_BASE_URL, e.g.
	// "http://127.0.0.1:8787/v1"; "" while stopped.
	BaseURL  string   `json:"base_url"`
	Listen   string   `json:"listen"`
	Upstream string   `json:"upstream"`
	Stats    Stats    `json:"stats"`
	Warnings []string `json:"warnings"`
}

// Screen is the gateway as the GUI's Gateway screen calls it: the same
// services without a context (Wails binds plain values). It starts and
// stops a Gateway with the saved settings and manages tokens and policies.
type Screen struct {
	deps      Deps
	ctx       func() context.Context
	providers *Providers // the fallbacks each Start reads; one over Access's store by default

	mu sync.Mutex
	gw *Gateway
}

// NewScreen wraps the gateway's services for binding; ctx supplies the
// context each call runs under (the app's, so the gateway stops at
// shutdown), or Background.
func NewScreen(deps Deps, ctx func() context.Context) *Screen {
	if ctx == nil {
		ctx = context.Background
	}
	return &Screen{deps: deps, ctx: ctx}
}

// UseProviders makes each Start, and the provider panel, use p.
func (s *Screen) UseProviders(p *Providers) {
	s.mu.Lock()
	s.providers = p
	s.mu.Unlock()
}

// Start starts the gateway with the saved settings; starting a running
// gateway changes nothing.
func (s *Screen) Start() (Status, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gw != nil && s.running() {
		return s.status(), nil
	}
	cfg, err := s.deps.Access.SavedConfig(s.ctx())
	if err != nil {
		return Status{}, err
	}
	deps := s.deps
	if s.providers == nil {
		s.providers = NewProviders(s.deps.Access.st, ProvidersOptions{Secret: s.deps.Secret, Now: s.deps.Now})
	}
	if deps.Fallbacks, err = s.providers.Fallbacks(s.ctx()); err != nil {
		return Status{}, err
	}
	gw, err := New(cfg, deps)
	if err != nil {
		return Status{}, err
	}
	if err := gw.Start(s.ctx()); err != nil {
		return Status{}, err
	}
	s.gw = gw
	return s.status(), nil
}

// Stop stops the gateway, giving calls in flight up to ten seconds.
func (s *Screen) Stop() error {
	s.mu.Lock()
	gw := s.gw
	s.mu.Unlock()
	if gw == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(s.ctx()), 10*time.Second)
	defer cancel()
	return gw.Shutdown(ctx)
}

// Status reports whether the gateway runs, where, and its counters.
func (s *Screen) Status() Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.status()
}

func (s *Screen) running() bool {
	select {
	case <-s.gw.Done():
		return false
	default:
		return s.gw.Addr() != ""
	}
}

func (s *Screen) status() Status {
	if s.gw == nil {
		cfg, err := s.deps.Access.SavedConfig(s.ctx())
		if err != nil {
			cfg = Config{}.withDefaults()
		}
		return Status{Listen: cfg.Listen, Upstream: cfg.Upstream, Warnings: nonNil(cfg.Warnings()), Stats: Stats{RecentErrors: []ErrorEntry{}}}
	}
	st := Status{
		Running: s.running(), Listen: s.gw.cfg.Listen, Upstream: s.gw.ups[0].base.Redacted(),
		Stats: s.gw.Stats(), Warnings: nonNil(s.gw.Warnings()),
	}
	if st.Running {
		st.BaseURL = s.gw.BaseURL()
	}
	return st
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Settings returns the saved settings.
func (s *Screen) Settings() (Config, error) { return s.deps.Access.SavedConfig(s.ctx()) }

// SaveSettings keeps new settings; a running gateway uses them once
// restarted.
func (s *Screen) SaveSettings(cfg Config) (Config, error) {
	return s.deps.Access.SaveConfig(s.ctx(), cfg)
}

// Tokens lists the member tokens (never the tokens themselves).
func (s *Screen) Tokens() ([]Token, error) { return s.deps.Access.Tokens(s.ctx()) }

// CreateToken makes a member token and returns it, the only time it is shown.
func (s *Screen) CreateToken(member string) (string, error) {
	return s.deps.Access.CreateToken(s.ctx(), member)
}

// RevokeToken withdraws a member token.
func (s *Screen) RevokeToken(id int64) error { return s.deps.Access.RevokeToken(s.ctx(), id) }

// Policies lists members' policies.
func (s *Screen) Policies() ([]Policy, error) { return s.deps.Access.Policies(s.ctx()) }

// SetPolicy sets a member's policy; one that enforces nothing removes it.
func (s *Screen) SetPolicy(p Policy) (Policy, error) { return s.deps.Access.SetPolicy(s.ctx(), p) }
