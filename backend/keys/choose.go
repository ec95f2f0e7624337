package keys

import (
	"context"
	"fmt"
)

// Vault kinds a user can choose.
const (
	VaultKeychain = "keychain" // the OS keychain (default)
	VaultFile     = "file"     // the opt-in encrypted file in the data folder
)

// SettingVault is the settings key that remembers the chosen vault.
const SettingVault = "key_vault"

// OpenVault opens the vault of the given kind. The file vault asks for its
// passphrase only when it is needed.
func OpenVault(kind, dataDir string, passphrase func() (string, error)) (Vault, error) {
	if kind != VaultFile {
		return NewKeychainVault(), nil
	}
	pass, err := passphrase()
	if err != nil {
		return nil, err
	}
	return OpenFileVault(dataDir, pass)
}

// MoveSecrets copies every current key's secret from one vault to another
// and then deletes it from the first, so a team can switch vaults. It stops
// at the first failure; secrets already copied stay readable in both.
func MoveSecrets(ctx context.Context, r *Register, from, to Vault) (int, error) {
	all, err := r.Keys(ctx)
	if err != nil {
		return 0, err
	}
	moved := 0
	var copied []string
	for _, k := range all {
		if k.Status != StatusActive && k.Status != StatusRotationDue {
			continue
		}
		account := fmt.Sprint(k.ID)
		s, err := from.Get(account)
		if err != nil {
			return moved, fmt.Errorf("read key %s from the old vault: %w", k.Label, err)
		}
		if err := to.Set(account, s); err != nil {
			return moved, fmt.Errorf("write key %s to the new vault: %w", k.Label, err)
		}
		copied = append(copied, account)
		moved++
	}
	for _, account := range copied {
		from.Delete(account)
	}
	return moved, nil
}

// Labels maps every registered key's fingerprint to its label, for reports
// that name keys (the newest record wins when a fingerprint repeats).
func (r *Register) Labels(ctx context.Context) (map[string]string, error) {
	all, err := r.Keys(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(all))
	for i := len(all) - 1; i >= 0; i-- {
		out[all[i].Fingerprint] = all[i].Label
	}
	return out, nil
}
