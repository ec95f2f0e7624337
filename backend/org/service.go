// Package org is the team's OpenAI organization as the Administration API
// shows it: connecting an admin key (kept in the vault, used for nothing
// else), a snapshot of projects, keys, service accounts, users, invites,
// admin keys and per-project settings; matching the organization's keys to
// the key register; findings; revocation in OpenAI; and the imported audit
// log. It owns the org_* tables.
package org

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"steward/backend/keys"
	"steward/backend/openai"
	"steward/backend/store"
)

// VaultAccount is the vault account the admin key is kept under.
const VaultAccount = "org-admin"

// Register is what org needs of the key register.
type Register interface {
	Keys(ctx context.Context) ([]keys.Key, error)
	Members(ctx context.Context) ([]keys.Member, error)
	Findings(ctx context.Context) ([]keys.Finding, error)
	RevokedInOpenAI(ctx context.Context, id int64, at time.Time, answer string) (keys.Key, error)
}

// KeyUsage tells which members used which key (by fingerprint), from the
// usage log.
type KeyUsage interface {
	MembersByKey(ctx context.Context) (map[string][]string, error)
}

// Options adjusts New. BaseURL is the API root every admin call goes to
// (OPENAI_BASE_URL on the CLI); empty means OpenAI's.
type Options struct {
	BaseURL string
	// BaseURLOf, when set, is asked for the base URL at every call instead
	// (the GUI's setting can change while the app runs); "" means BaseURL.
	BaseURLOf  func(ctx context.Context) string
	HTTPClient *http.Client
	Client     []openai.Option // retry policy, observer, sleep, ...
	Usage      KeyUsage        // feeds the shared-key finding; none when nil
	Log        *slog.Logger
	Now        func() time.Time
}

// Service is the organization service, shared by the GUI and the CLI.
type Service struct {
	st    *store.Store
	reg   Register
	vault keys.Vault
	opts  Options
}

// New returns the service over the store, the key register and the vault
// that holds the admin key.
func New(st *store.Store, reg Register, vault keys.Vault, opts Options) *Service {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	if opts.BaseURL == "" {
		opts.BaseURL = openai.DefaultBaseURL
	}
	return &Service{st: st, reg: reg, vault: vault, opts: opts}
}

func (s *Service) now() time.Time { return s.opts.Now().UTC() }

func (s *Service) stamp() string { return s.now().Format(time.RFC3339) }

// baseURL is where admin calls go now.
func (s *Service) baseURL(ctx context.Context) string {
	if s.opts.BaseURLOf != nil {
		if u := s.opts.BaseURLOf(ctx); u != "" {
			return u
		}
	}
	return s.opts.BaseURL
}

// client builds an API client for adminKey.
func (s *Service) client(ctx context.Context, adminKey string) (*openai.Client, error) {
	return openai.New(openai.Config{BaseURL: s.baseURL(ctx), APIKey: adminKey, HTTPClient: s.opts.HTTPClient}, s.opts.Client...)
}

// connected returns a client with the stored admin key, or errNotConnected.
func (s *Service) connected(ctx context.Context) (*openai.Client, Connection, error) {
	c, err := s.Connection(ctx)
	if err != nil {
		return nil, c, err
	}
	if !c.Connected {
		return nil, c, errNotConnected()
	}
	key, err := s.vault.Get(VaultAccount)
	if err != nil {
		return nil, c, errAdminKeyMissing(err)
	}
	cl, err := s.client(ctx, key)
	return cl, c, err
}
