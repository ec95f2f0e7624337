package keys

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"unicode/utf8"

	"steward/backend/apperr"
)

// VaultFileName is the encrypted file vault's name inside the data directory.
const VaultFileName = "vault.bin"

// MinPassphraseLen is the shortest passphrase a new file vault accepts.
const MinPassphraseLen = 10

// FileVault keeps secrets in one encrypted file, for machines without a
// usable keychain. The user opts in and chooses a passphrase; the file is
// never written in plain text, never written when it cannot be read, and
// always replaced whole (temporary file, then rename).
type FileVault struct {
	path  string
	mu    sync.Mutex // one read-modify-write at a time within this process
	kdf   kdfParams
	key   [32]byte
	check [checkLen]byte
}

// FileVaultPath is where the file vault lives in the data directory.
func FileVaultPath(dataDir string) string { return filepath.Join(dataDir, VaultFileName) }

// FileVaultExists reports whether dataDir already has a file vault, so the
// UI can ask to unlock it rather than to choose a new passphrase.
func FileVaultExists(dataDir string) bool {
	_, err := os.Stat(FileVaultPath(dataDir))
	return err == nil
}

// OpenFileVault unlocks the file vault in dataDir with passphrase, creating
// it (mode 0600) when there is none. A wrong passphrase gives
// ErrWrongPassphrase and a damaged file ErrCorrupt; neither changes the file.
func OpenFileVault(dataDir, passphrase string) (*FileVault, error) {
	return openFileVault(dataDir, passphrase, defaultLogN)
}

// openFileVault is OpenFileVault with the scrypt cost for a new file, so
// tests can create cheap vaults; an existing file's own cost always applies.
func openFileVault(dataDir, passphrase string, logN byte) (*FileVault, error) {
	v := &FileVault{path: FileVaultPath(dataDir)}
	b, err := os.ReadFile(v.path)
	if errors.Is(err, fs.ErrNotExist) {
		return v, v.create(dataDir, passphrase, logN)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", v.path, err)
	}
	h, sealed, err := parseVault(b)
	if err != nil {
		return nil, err
	}
	v.kdf = h.kdf
	if v.key, v.check, err = v.kdf.derive(passphrase); err != nil {
		return nil, err
	}
	if _, err := unseal(v.key, v.check, h, b, sealed); err != nil {
		return nil, err
	}
	return v, nil
}

func (v *FileVault) create(dataDir, passphrase string, logN byte) error {
	if utf8.RuneCountInString(passphrase) < MinPassphraseLen {
		return apperr.Text(CodePassphraseTooWeak, "keys.vault",
			fmt.Sprintf("Choose a vault passphrase of at least %d characters.", MinPassphraseLen),
			fmt.Sprintf("请设置至少 %d 个字符的保管库口令。", MinPassphraseLen))
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return fmt.Errorf("create %s: %w", dataDir, err)
	}
	var err error
	if v.kdf, err = newKDFParams(logN); err != nil {
		return err
	}
	if v.key, v.check, err = v.kdf.derive(passphrase); err != nil {
		return err
	}
	return v.save(map[string]string{})
}

// Path is the vault file's path.
func (v *FileVault) Path() string { return v.path }

// Set stores secret under account, replacing what was there.
func (v *FileVault) Set(account, secret string) error {
	return v.update(func(m map[string]string) error {
		m[account] = secret
		return nil
	})
}

// Get returns the secret stored under account, or ErrNotFound.
func (v *FileVault) Get(account string) (string, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	m, err := v.load()
	if err != nil {
		return "", err
	}
	s, ok := m[account]
	if !ok {
		return "", ErrNotFound
	}
	return s, nil
}

// Delete removes the secret stored under account, or returns ErrNotFound.
func (v *FileVault) Delete(account string) error {
	return v.update(func(m map[string]string) error {
		if _, ok := m[account]; !ok {
			return ErrNotFound
		}
		delete(m, account)
		return nil
	})
}

// update reads the file, applies fn and writes the result whole. The file
// is read afresh each time so changes by another Steward process survive.
func (v *FileVault) update(fn func(map[string]string) error) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	m, err := v.load()
	if err != nil {
		return err
	}
	if err := fn(m); err != nil {
		return err
	}
	return v.save(m)
}

// load decrypts the file as it is on disk now.
func (v *FileVault) load() (map[string]string, error) {
	b, err := os.ReadFile(v.path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", v.path, err)
	}
	h, sealed, err := parseVault(b)
	if err != nil {
		return nil, err
	}
	if h.kdf != v.kdf {
		return nil, errors.New("the vault file was replaced by another program; unlock the vault again")
	}
	return unseal(v.key, v.check, h, b, sealed)
}

// save encrypts m and replaces the file with it: a private temporary file
// in the same directory, synced, then renamed over the old one.
func (v *FileVault) save(m map[string]string) error {
	b, err := seal(v.key, v.kdf, v.check, m)
	if err != nil {
		return err
	}
	dir := filepath.Dir(v.path)
	tmp, err := os.CreateTemp(dir, ".vault-*.tmp")
	if err != nil {
		return fmt.Errorf("write vault: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	if err := writeSynced(tmp, b); err != nil {
		return fmt.Errorf("write vault: %w", err)
	}
	if err := os.Rename(tmp.Name(), v.path); err != nil {
		return fmt.Errorf("replace %s: %w", v.path, err)
	}
	syncDir(dir)
	return nil
}

func writeSynced(f *os.File, b []byte) error {
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename durable where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
