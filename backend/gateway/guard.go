package gateway

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"time"

	"steward/backend/apperr"
	"steward/backend/keys"
	"steward/backend/store"
)

// HeaderEndUser is the header an app sets to name the end user a call is
// for (any stable id of the app's own: a user id, an account number). The
// gateway never forwards it: it sends only its keyed hash, as
// safety_identifier, and keeps only that hash.
const HeaderEndUser = "X-Steward-End-User"

// SafetySecretAccount is the vault account of the team's safety-identifier
// secret; it is created on first use.
const SafetySecretAccount = "steward-gateway-safety-identifier-secret"

// SecretVault is where the team's secret lives: keys.Vault is one.
type SecretVault interface {
	Get(account string) (string, error)
	Set(account, secret string) error
}

// Guard holds what keeps an account from being banned for one user's
// misuse: the keyed hashes sent as safety identifiers, the end-user
// blocklist, and the log of what the gateway noticed.
type Guard struct {
	st    *store.Store
	vault SecretVault
	now   func() time.Time

	mu       sync.Mutex
	secret   []byte
	failErr  error     // why the secret could not be read last time
	failedAt time.Time // when; the vault is asked again after secretRetry
}

// secretRetry is how long a failure to read the team's secret stands
// before the vault is asked again, so a locked keychain costs one attempt,
// not one per call.
const secretRetry = 30 * time.Second

// errSecretRetryLater marks a failure already reported: callers log the
// first, not every call's.
var errSecretRetryLater = errors.New("the safety-identifier secret is still unavailable")

// NewGuard returns the guard over st and the team's vault; now may be nil.
func NewGuard(st *store.Store, vault SecretVault, now func() time.Time) *Guard {
	if now == nil {
		now = time.Now
	}
	return &Guard{st: st, vault: vault, now: now}
}

// teamSecret reads the per-team secret from the vault, creating it the
// first time. Two teams (two vaults) hash the same member differently.
func (g *Guard) teamSecret() ([]byte, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.secret != nil {
		return g.secret, nil
	}
	if g.failErr != nil && g.now().Sub(g.failedAt) < secretRetry {
		return nil, fmt.Errorf("%w: %w", errSecretRetryLater, g.failErr)
	}
	secret, err := g.readSecret()
	if err != nil {
		g.failErr, g.failedAt = err, g.now()
		return nil, err
	}
	g.secret, g.failErr = secret, nil
	return g.secret, nil
}

// readSecret asks the vault for the secret, creating it the first time.
func (g *Guard) readSecret() ([]byte, error) {
	s, err := g.vault.Get(SafetySecretAccount)
	if errors.Is(err, keys.ErrNotFound) || apperr.Is(err, keys.CodeSecretMissing) {
		b := make([]byte, 32)
		if _, err := rand.Read(b); err != nil {
			return nil, fmt.Errorf("make the safety-identifier secret: %w", err)
		}
		s = hex.EncodeToString(b)
		if err := g.vault.Set(SafetySecretAccount, s); err != nil {
			return nil, fmt.Errorf("keep the safety-identifier secret in the vault: %w", err)
		}
	} else if err != nil {
		return nil, fmt.Errorf("read the safety-identifier secret: %w", err)
	}
	return []byte(s), nil
}

// SafetyIdentifier is the value sent as safety_identifier: a hex HMAC-SHA256,
// keyed by the team's secret, of the member or, when the app named one, of
// the member's end user. It is stable, and says nothing about who it is to
// anyone without the secret.
func (g *Guard) SafetyIdentifier(member, endUser string) (string, error) {
	key, err := g.teamSecret()
	if err != nil {
		return "", err
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte("member\x00" + member))
	if endUser != "" {
		m.Write([]byte("\x00end_user\x00" + endUser))
	}
	return hex.EncodeToString(m.Sum(nil)), nil
}
