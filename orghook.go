package main

import (
	"context"

	"steward/backend/openai"
	"steward/backend/org"
	"steward/backend/usage"
)

// openOrg builds the organization service over the key register and its
// vault (which also keeps the admin key); admin calls go to the base URL
// set in Settings at the time of the call. The one hook the Organization
// screen needs; it moves into the application layer at merge.
func (a *App) openOrg() {
	svc := org.New(a.store, a.keys, &a.vault, org.Options{
		BaseURLOf: func(ctx context.Context) string { v, _ := a.settings.Value(ctx, SettingBaseURL); return v },
		Client:    []openai.Option{openai.WithObserver(a.observer())},
		Usage:     usage.NewSQLite(a.store),
		Log:       a.log.Logger,
	})
	a.orgScreen = org.NewScreen(svc, a.context)
}
