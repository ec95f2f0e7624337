package main

import (
	"context"
	"net/url"
	"strings"

	"steward/backend/apperr"

	"steward/backend/keys"
)

// VaultStatus tells the Keys screen where keys are kept and whether that
// vault can be used now.
type VaultStatus struct {
	Kind    string     `json:"kind"`    // keychain or file
	Ready   bool       `json:"ready"`   // keys can be stored and read
	Exists  bool       `json:"exists"`  // the encrypted file vault has been created
	Problem *ErrorInfo `json:"problem"` // why it is not ready, and how to fix it
}

// openKeys builds the key register over the chosen vault. A file vault
// starts locked until the user gives its passphrase.
func (a *App) openKeys() {
	if a.vaultKind() == keys.VaultKeychain {
		a.vault.Use(keys.NewKeychainVault())
	}
	a.keys = keys.New(a.store, &a.vault, keys.Options{Log: a.log.Logger, Verifier: a.verifier(), Leaks: a.leaks})
	a.keysScreen = keys.NewScreen(a.keys, a.context)
}

func (a *App) vaultKind() string {
	v, _ := a.settings.Value(context.Background(), keys.SettingVault)
	if v == keys.VaultFile {
		return v
	}
	return keys.VaultKeychain
}

// VaultStatus reports the vault in use and any problem with it.
func (a *App) VaultStatus() (VaultStatus, error) {
	if err := a.ready(); err != nil {
		return VaultStatus{}, err
	}
	st := VaultStatus{Kind: a.vaultKind(), Exists: keys.FileVaultExists(a.dataDir)}
	var problem error
	switch {
	case st.Kind == keys.VaultFile && a.vault.Current() == nil:
		problem = keys.ErrLocked
	case st.Kind == keys.VaultKeychain:
		problem = keys.CheckKeychain()
	}
	st.Ready = problem == nil
	if problem != nil {
		e := a.errorInfo(problem)
		st.Problem = &e
	}
	return st, nil
}

// UnlockVault opens the encrypted file vault with its passphrase.
func (a *App) UnlockVault(passphrase string) (VaultStatus, error) {
	v, err := keys.OpenFileVault(a.dataDir, passphrase)
	if err != nil {
		return VaultStatus{}, err
	}
	a.vault.Use(v)
	return a.VaultStatus()
}

// UseVault switches where keys are kept ("keychain" or "file"), moving the
// current keys' secrets across. The passphrase is needed for the file vault.
func (a *App) UseVault(kind, passphrase string) (VaultStatus, error) {
	if err := a.ready(); err != nil {
		return VaultStatus{}, err
	}
	var next keys.Vault
	var err error
	if kind == keys.VaultFile {
		next, err = keys.OpenFileVault(a.dataDir, passphrase)
	} else {
		err = keys.CheckKeychain()
		next = keys.NewKeychainVault()
	}
	if err != nil {
		return VaultStatus{}, err
	}
	if old := a.vault.Current(); old != nil && kind != a.vaultKind() {
		if _, err := keys.MoveSecrets(context.Background(), a.keys, old, next); err != nil {
			return VaultStatus{}, err
		}
	}
	if err := a.settings.SetValue(context.Background(), keys.SettingVault, kind); err != nil {
		return VaultStatus{}, err
	}
	a.vault.Use(next)
	a.log.Info("key vault chosen", "kind", kind)
	return a.VaultStatus()
}

// context is the app's context once the window runs, for bound services.
func (a *App) context() context.Context {
	if a.ctx == nil {
		return context.Background()
	}
	return a.ctx
}

// verifier checks keys with GET /models at the configured base URL.
func (a *App) verifier() keys.Verifier { return liveVerifier{a} }

// SettingBaseURL is the settings key of the OpenAI-compatible base URL.
const SettingBaseURL = "openai_base_url"

// BaseURL is the OpenAI-compatible endpoint the app's own calls go to
// ("" means OpenAI's).
func (a *App) BaseURL() (string, error) {
	if err := a.ready(); err != nil {
		return "", err
	}
	return a.settings.Value(context.Background(), SettingBaseURL)
}

// SetBaseURL sets the endpoint for key checks and moderation runs: OpenAI's
// (""), Azure OpenAI or any compatible server.
func (a *App) SetBaseURL(raw string) (string, error) {
	if err := a.ready(); err != nil {
		return "", err
	}
	u := strings.TrimRight(strings.TrimSpace(raw), "/")
	if u != "" {
		parsed, err := url.Parse(u)
		if err != nil || (parsed.Scheme != "http" && parsed.Scheme != "https") || parsed.Host == "" {
			return "", apperr.Text(apperr.Invalid, "app.base_url",
				"The base URL must start with https:// (or http:// for a local server), e.g. https://api.openai.com/v1.",
				"基础 URL 必须以 https://（本地服务可用 http://）开头，例如 https://api.openai.com/v1。")
		}
	}
	return u, a.settings.SetValue(context.Background(), SettingBaseURL, u)
}

// liveVerifier verifies keys at the base URL set when the check runs.
type liveVerifier struct{ a *App }

func (v liveVerifier) Verify(ctx context.Context, apiKey string) (keys.Verification, error) {
	base, _ := v.a.settings.Value(ctx, SettingBaseURL)
	return keys.APIVerifier{BaseURL: base, Observer: v.a.observer()}.Verify(ctx, apiKey)
}
