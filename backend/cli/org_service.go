package cli

import (
	"context"

	"steward/backend/keys"
	"steward/backend/leakscan"
	"steward/backend/openai"
	"steward/backend/org"
	"steward/backend/usage"
)

// orgService builds the organization service over the opened services:
// the chosen vault (which also keeps the admin key), the key register, the
// usage log for the shared-key finding, and the configured base URL
// (OPENAI_BASE_URL). All construction of org lives here, to move into the
// application layer as one piece.
func orgService(ctx context.Context, svc *services) (*org.Service, error) {
	v, err := keys.OpenVault(svc.vaultKind(ctx), svc.dir, vaultPassphrase(svc.env))
	if err != nil {
		return nil, err
	}
	reg := keys.New(svc.store, v, keys.Options{Verifier: svc.verifier(), Leaks: leakscan.NewStore(svc.store, nil)})
	return org.New(svc.store, reg, v, org.Options{
		BaseURL: openai.FromEnv(svc.env.Getenv).BaseURL,
		Client:  []openai.Option{openai.WithObserver(svc.observer())},
		Usage:   usage.NewSQLite(svc.store),
	}), nil
}

// withOrg opens the data folder and runs fn with the organization service.
func withOrg(ctx context.Context, env *Env, fn func(*org.Service) error) error {
	svc, err := open(ctx, env)
	if err != nil {
		return err
	}
	defer svc.Close()
	o, err := orgService(ctx, svc)
	if err != nil {
		return err
	}
	return fn(o)
}
