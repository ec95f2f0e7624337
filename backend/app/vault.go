package app

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"steward/backend/apperr"
	"steward/backend/keys"
	"steward/backend/org"
)

// VaultStatus tells where keys are kept and whether that vault can be used now.
type VaultStatus struct {
	Kind    string     `json:"kind"`    // keychain or file
	Ready   bool       `json:"ready"`   // keys can be stored and read
	Exists  bool       `json:"exists"`  // the encrypted file vault has been created
	Problem *ErrorInfo `json:"problem"` // why it is not ready, and how to fix it
}

// ErrorInfo is an error's stable code and its message in the user's language.
type ErrorInfo struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Describe is err's code and message in lang.
func Describe(err error, lang string) ErrorInfo {
	code, msg := apperr.Describe(err, lang)
	return ErrorInfo{Code: string(code), Message: msg}
}

// lazyVault is the vault in use. A chosen but locked file vault is opened
// with the passphrase the first time a secret is needed, when the front
// can ask for one (the CLI); otherwise it stays locked until unlocked.
type lazyVault struct {
	keys.VaultSwitch
	mu   sync.Mutex
	open func() (keys.Vault, error) // nil result: no passphrase source
}

func (v *lazyVault) ready() error {
	if v.Current() != nil {
		return nil
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.Current() != nil {
		return nil
	}
	opened, err := v.open()
	if err != nil {
		return err
	}
	if opened == nil {
		return keys.ErrLocked
	}
	v.Use(opened)
	return nil
}

// Set stores a secret, unlocking the file vault first when it can.
func (v *lazyVault) Set(account, secret string) error {
	if err := v.ready(); err != nil {
		return err
	}
	return v.VaultSwitch.Set(account, secret)
}

// Get reads a secret, unlocking the file vault first when it can.
func (v *lazyVault) Get(account string) (string, error) {
	if err := v.ready(); err != nil {
		return "", err
	}
	return v.VaultSwitch.Get(account)
}

// Delete removes a secret, unlocking the file vault first when it can.
func (v *lazyVault) Delete(account string) error {
	if err := v.ready(); err != nil {
		return err
	}
	return v.VaultSwitch.Delete(account)
}

// openChosenVault opens the file vault with the front's passphrase source.
func (c *core) openChosenVault() (keys.Vault, error) {
	if c.opts.Passphrase == nil {
		return nil, nil
	}
	return keys.OpenVault(c.vaultKind(context.Background()), c.dir, c.opts.Passphrase)
}

// vaultKind is the vault the team chose: the keychain unless they opted
// into the encrypted file.
func (c *core) vaultKind(ctx context.Context) string {
	v, _ := c.settings.Value(ctx, keys.SettingVault)
	if v == keys.VaultFile {
		return v
	}
	return keys.VaultKeychain
}

// VaultStatus reports the vault in use and any problem with it.
func (k *Keys) VaultStatus(ctx context.Context) (VaultStatus, error) {
	c := k.c
	st := VaultStatus{Kind: c.vaultKind(ctx), Exists: keys.FileVaultExists(c.dir)}
	var problem error
	switch {
	case st.Kind == keys.VaultFile && c.vault.Current() == nil:
		problem = keys.ErrLocked
	case st.Kind == keys.VaultKeychain:
		problem = keys.CheckKeychain()
	}
	st.Ready = problem == nil
	if problem != nil {
		e := Describe(problem, c.settings.Language())
		st.Problem = &e
	}
	return st, nil
}

// UnlockVault opens the encrypted file vault with its passphrase.
func (k *Keys) UnlockVault(ctx context.Context, passphrase string) (VaultStatus, error) {
	v, err := keys.OpenFileVault(k.c.dir, passphrase)
	if err != nil {
		return VaultStatus{}, err
	}
	k.c.vault.Use(v)
	return k.VaultStatus(ctx)
}

// UseVault switches where keys are kept ("keychain" or "file"), moving the
// current keys' secrets across. The file vault needs its passphrase; ""
// asks the front's passphrase source (the CLI's).
func (k *Keys) UseVault(ctx context.Context, kind, passphrase string) (VaultStatus, error) {
	c := k.c
	if kind != keys.VaultKeychain && kind != keys.VaultFile {
		return VaultStatus{}, apperr.New(apperr.Invalid, "app.vault", "what", kind, "why", "use keychain or file")
	}
	next, err := c.openVault(kind, passphrase)
	if err != nil {
		return VaultStatus{}, err
	}
	if kind != c.vaultKind(ctx) {
		if err := c.vault.ready(); err == nil {
			if _, err := keys.MoveSecrets(ctx, c.keys, c.vault.Current(), next); err != nil {
				return VaultStatus{}, err
			}
			if err := moveAdminKey(c.vault.Current(), next); err != nil {
				return VaultStatus{}, err
			}
		}
	}
	if err := c.settings.SetValue(ctx, keys.SettingVault, kind); err != nil {
		return VaultStatus{}, err
	}
	c.vault.Use(next)
	c.log.Info("key vault chosen", "kind", kind)
	return k.VaultStatus(ctx)
}

// openVault opens the vault of kind, for a switch.
func (c *core) openVault(kind, passphrase string) (keys.Vault, error) {
	if kind == keys.VaultKeychain {
		if err := keys.CheckKeychain(); err != nil {
			return nil, err
		}
		return keys.NewKeychainVault(), nil
	}
	if passphrase == "" && c.opts.Passphrase != nil {
		return keys.OpenVault(kind, c.dir, c.opts.Passphrase)
	}
	return keys.OpenFileVault(c.dir, passphrase)
}

// KeychainStatus reports whether the OS keychain can keep keys: nil, or an
// error saying why not and how to fix it.
func (k *Keys) KeychainStatus(context.Context) error { return keys.CheckKeychain() }

// moveAdminKey moves the organization's admin key, when there is one, to
// the new vault with the register's keys.
func moveAdminKey(from, to keys.Vault) error {
	v, err := from.Get(org.VaultAccount)
	if errors.Is(err, keys.ErrNotFound) {
		return nil // none kept: Steward is not connected
	}
	if err != nil {
		return fmt.Errorf("read the organization's admin key from the old vault: %w", err)
	}
	if err := to.Set(org.VaultAccount, v); err != nil {
		return fmt.Errorf("write the organization's admin key to the new vault: %w", err)
	}
	from.Delete(org.VaultAccount)
	return nil
}
