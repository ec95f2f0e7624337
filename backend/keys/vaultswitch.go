package keys

import "sync"

// VaultSwitch is the vault an app uses now. It starts empty or with the
// keychain and can be swapped when the user opts into, or unlocks, the
// encrypted file vault, without rebuilding the register.
type VaultSwitch struct {
	mu sync.RWMutex
	v  Vault
}

// Use makes v the vault in use.
func (s *VaultSwitch) Use(v Vault) {
	s.mu.Lock()
	s.v = v
	s.mu.Unlock()
}

// Current is the vault in use, nil when none is open (a locked file vault).
func (s *VaultSwitch) Current() Vault {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.v
}

// Set stores a secret in the vault in use.
func (s *VaultSwitch) Set(account, secret string) error {
	v := s.Current()
	if v == nil {
		return ErrLocked
	}
	return v.Set(account, secret)
}

// Get reads a secret from the vault in use.
func (s *VaultSwitch) Get(account string) (string, error) {
	v := s.Current()
	if v == nil {
		return "", ErrLocked
	}
	return v.Get(account)
}

// Delete removes a secret from the vault in use.
func (s *VaultSwitch) Delete(account string) error {
	v := s.Current()
	if v == nil {
		return ErrLocked
	}
	return v.Delete(account)
}
