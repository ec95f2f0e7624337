package cli

import (
	"context"
	"fmt"
	"time"

	"steward/backend/checklist"
	"steward/backend/keys"
	"steward/backend/leakscan"
	"steward/backend/openai"
	"steward/backend/settings"
	"steward/backend/store"
	"steward/backend/usage"
)

// services are the opened store and the services commands use.
type services struct {
	env       *Env
	dir       string
	store     *store.Store
	settings  *settings.Service
	checklist *checklist.Service
	usage     *usage.Service
	writer    *usage.Writer // started on first use; Close drains it
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

// Close drains the usage log's queue and closes the database.
func (s *services) Close() error {
	if s.writer != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		s.writer.Close(ctx)
	}
	return s.store.Close()
}

// usageLog returns the usage service and starts its writer on first use.
func (s *services) usageLog() (*usage.Service, *usage.Writer) {
	if s.usage == nil {
		reg := keys.New(s.store, &keys.VaultSwitch{}, keys.Options{})
		s.usage = usage.New(usage.NewSQLite(s.store), usage.Options{KeyLabels: reg.Labels})
		s.writer = usage.NewWriter(s.usage, usage.WriterOptions{})
	}
	return s.usage, s.writer
}

// observer records the app's own API calls in the usage log.
func (s *services) observer() openai.CallObserver {
	_, w := s.usageLog()
	return usage.Observer(w, "")
}
