package cli

import (
	"context"
	"fmt"

	"steward/backend/checklist"
	"steward/backend/keys"
	"steward/backend/leakscan"
	"steward/backend/openai"
	"steward/backend/settings"
	"steward/backend/store"
)

// services are the opened store and the services commands use.
type services struct {
	env       *Env
	dir       string
	store     *store.Store
	settings  *settings.Service
	checklist *checklist.Service
}

// open opens the data directory's database and builds the services.
func open(ctx context.Context, env *Env) (*services, error) {
	dir, err := store.DefaultDir(env.DataDir, env.Getenv)
	if err != nil {
		return nil, err
	}
	st, err := store.Open(ctx, dir, store.Options{})
	if err != nil {
		return nil, err
	}
	cat, err := checklist.LoadCatalogue()
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("load catalogue: %w", err)
	}
	return &services{
		env: env, dir: dir, store: st,
		settings:  settings.New(st, nil),
		checklist: checklist.New(st, cat, checklist.Options{Source: "cli"}),
	}, nil
}

// vaultKind is the vault the team chose: the keychain unless they opted
// into the encrypted file.
func (s *services) vaultKind(ctx context.Context) string {
	v, _ := s.settings.Value(ctx, keys.SettingVault)
	if v == keys.VaultFile {
		return v
	}
	return keys.VaultKeychain
}

// register builds the key register over the chosen vault.
func (s *services) register(ctx context.Context) (*keys.Register, error) {
	v, err := keys.OpenVault(s.vaultKind(ctx), s.dir, vaultPassphrase(s.env))
	if err != nil {
		return nil, err
	}
	return keys.New(s.store, v, keys.Options{Verifier: s.verifier(), Leaks: leakscan.NewStore(s.store, nil)}), nil
}

func (s *services) Close() error { return s.store.Close() }

// observer records the app's own API calls in the usage log; none yet.
func (s *services) observer() openai.CallObserver { return nil }
