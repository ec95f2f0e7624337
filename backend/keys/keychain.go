package keys

import (
	"errors"
	"time"

	"github.com/zalando/go-keyring"
)

// KeychainService is the service name Steward's secrets carry in the OS keychain.
const KeychainService = "steward"

// probeAccount is read (never written) to check the keychain answers.
const probeAccount = "steward-keychain-probe"

// Timeouts for keychain calls. An operation may wait on an unlock prompt the
// user answers; a probe must not.
const (
	keychainOpTimeout    = 2 * time.Minute
	keychainProbeTimeout = 5 * time.Second
)

// KeychainVault keeps secrets in the operating system's keychain: the Secret
// Service (gnome-keyring, KWallet, KeePassXC) on Linux, Keychain on macOS,
// Credential Manager on Windows.
type KeychainVault struct {
	// Service names Steward's entries; KeychainService when empty. Tests use
	// their own so they never touch a user's real entries.
	Service string
}

// NewKeychainVault returns the vault over the OS keychain under "steward".
func NewKeychainVault() KeychainVault { return KeychainVault{Service: KeychainService} }

func (v KeychainVault) service() string {
	if v.Service == "" {
		return KeychainService
	}
	return v.Service
}

// Set stores secret under account, replacing what was there.
func (v KeychainVault) Set(account, secret string) error {
	err := callKeychain(keychainOpTimeout, func() error { return keyring.Set(v.service(), account, secret) })
	if err != nil {
		return scrubErr(keychainErr(err), secret)
	}
	// A dismissed unlock prompt leaves Set without an error but stores
	// nothing, so read the secret back.
	got, err := v.Get(account)
	if err != nil {
		return scrubErr(err, secret)
	}
	if got != secret {
		return unavailable("The keychain did not keep the secret (was an unlock prompt dismissed?).",
			"钥匙串没有保存该密钥（解锁提示是否被关闭了？）。", nil)
	}
	return nil
}

// Get returns the secret stored under account, or ErrNotFound.
func (v KeychainVault) Get(account string) (string, error) {
	return v.getWithin(keychainOpTimeout, account)
}

// Delete removes the secret stored under account, or returns ErrNotFound.
func (v KeychainVault) Delete(account string) error {
	err := callKeychain(keychainOpTimeout, func() error { return keyring.Delete(v.service(), account) })
	if err != nil {
		return keychainErr(err)
	}
	return nil
}

// CheckKeychain tells whether the OS keychain can keep Steward's keys now.
// It returns nil, or ErrUnavailable saying why (no Secret Service, locked,
// access denied) and how to fix it. It never shows a prompt.
func CheckKeychain() error { return NewKeychainVault().Check() }

// Check is CheckKeychain for this vault's service.
func (v KeychainVault) Check() error {
	if err := probeKeychain(); err != nil {
		return err
	}
	_, err := v.getWithin(keychainProbeTimeout, probeAccount)
	if err == nil || errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

func (v KeychainVault) getWithin(d time.Duration, account string) (string, error) {
	var out string
	err := callKeychain(d, func() error {
		s, err := keyring.Get(v.service(), account)
		out = s
		return err
	})
	if err != nil {
		return "", keychainErr(err)
	}
	return out, nil
}

// keychainErr maps go-keyring's errors onto the Vault errors.
func keychainErr(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, keyring.ErrNotFound):
		return ErrNotFound
	case errors.Is(err, keyring.ErrSetDataTooBig):
		return errors.New("the keychain refused the secret as too large")
	case errors.Is(err, ErrUnavailable):
		return err
	}
	return classifyKeychainErr(err)
}

// errKeychainTimeout marks a keychain call that did not return in time.
var errKeychainTimeout = errors.New("no answer from the keychain")

// callKeychain runs fn, giving up after d: a keychain waiting on a prompt
// nobody can see would otherwise hang the app. A call given up on finishes
// in the background.
func callKeychain(d time.Duration, fn func() error) error {
	done := make(chan error, 1)
	go func() { done <- fn() }()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case err := <-done:
		return err
	case <-t.C:
		return unavailable("The keychain did not answer in time; it may be waiting for an unlock prompt.",
			"钥匙串未能及时响应，可能正在等待解锁提示。", errKeychainTimeout)
	}
}
