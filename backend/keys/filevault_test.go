package keys

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"steward/backend/apperr"
)

const testPass = "correct horse battery"

// cheapVault opens a file vault with a low scrypt cost, for speed.
func cheapVault(t *testing.T, dir, pass string) *FileVault {
	t.Helper()
	v, err := openFileVault(dir, pass, 10)
	if err != nil {
		t.Fatalf("open vault: %v", err)
	}
	return v
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestFileVault(t *testing.T) {
	t.Run("OK_PrivateEncryptedFile", func(t *testing.T) {
		dir := t.TempDir()
		v := cheapVault(t, dir, testPass)
		s := genKey(t, "sk-proj-")
		if err := v.Set("1", s); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(FileVaultPath(dir))
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("vault file mode = %v, %v; want 0600", fi.Mode().Perm(), err)
		}
		b := readFile(t, v.Path())
		if !bytes.HasPrefix(b, []byte(vaultMagic)) || b[8] != vaultVersion {
			t.Fatal("vault file lacks its versioned header")
		}
		for _, plain := range []string{s, s[len(s)-8:], testPass, "secrets"} {
			if bytes.Contains(b, []byte(plain)) {
				t.Fatalf("vault file contains plain text (%d bytes)", len(plain))
			}
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 {
			t.Fatalf("files left in the data dir: %d; want only vault.bin", len(entries))
		}
	})
	t.Run("OK_ReopenAndSecondInstance", func(t *testing.T) {
		dir := t.TempDir()
		a := cheapVault(t, dir, testPass)
		s := genKey(t, "sk-")
		a.Set("1", s)
		b := cheapVault(t, dir, testPass)
		if got, err := b.Get("1"); err != nil || got != s {
			t.Fatalf("reopened Get: %v", err)
		}
		b.Set("2", s+"x")
		if got, _ := a.Get("2"); got != s+"x" {
			t.Fatal("first instance does not see the second's write")
		}
	})
	t.Run("OK_FreshNonceEachWrite", func(t *testing.T) {
		v := cheapVault(t, t.TempDir(), testPass)
		v.Set("1", "same")
		first := readFile(t, v.Path())
		v.Set("1", "same")
		if bytes.Equal(first, readFile(t, v.Path())) {
			t.Fatal("two writes of the same contents produced the same bytes")
		}
	})
	t.Run("OK_ConcurrentWrites", func(t *testing.T) {
		v := cheapVault(t, t.TempDir(), testPass)
		var wg sync.WaitGroup
		for i := range 8 {
			wg.Go(func() { v.Set(fmt.Sprint(i), fmt.Sprint("secret-", i)) })
		}
		wg.Wait()
		for i := range 8 {
			if got, err := v.Get(fmt.Sprint(i)); err != nil || got != fmt.Sprint("secret-", i) {
				t.Fatalf("account %d: %q, %v", i, got, err)
			}
		}
	})
	t.Run("ErrPassphraseTooWeak", func(t *testing.T) {
		dir := t.TempDir()
		_, err := openFileVault(dir, "short", 10)
		wantCode(t, err, CodePassphraseTooWeak)
		if FileVaultExists(dir) {
			t.Fatal("a vault was created with a refused passphrase")
		}
	})
}

func TestFileVaultRefusesToOpen(t *testing.T) {
	tests := []struct {
		name   string
		damage func([]byte) []byte
		pass   string
		want   error
		code   apperr.Code
	}{
		{"ErrWrongPassphrase", func(b []byte) []byte { return b }, "not the passphrase", ErrWrongPassphrase, CodeVaultPassphrase},
		{"ErrCorrupt_FlippedByte", func(b []byte) []byte { b[len(b)-5] ^= 0x40; return b }, testPass, ErrCorrupt, CodeVaultCorrupt},
		{"ErrCorrupt_Truncated", func(b []byte) []byte { return b[:headerLen+3] }, testPass, ErrCorrupt, CodeVaultCorrupt},
		{"ErrCorrupt_NotAVault", func([]byte) []byte { return []byte("OPENAI_API_KEY=nothing here\n") }, testPass, ErrCorrupt, CodeVaultCorrupt},
		{"ErrCorrupt_Empty", func([]byte) []byte { return nil }, testPass, ErrCorrupt, CodeVaultCorrupt},
		{"ErrCorrupt_BadCost", func(b []byte) []byte { b[10] = 40; return b }, testPass, ErrCorrupt, CodeVaultCorrupt},
		{"ErrNewer", func(b []byte) []byte { b[8] = vaultVersion + 1; return b }, testPass, errVaultNewer, CodeVaultCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			v := cheapVault(t, dir, testPass)
			v.Set("1", genKey(t, "sk-proj-"))
			damaged := tt.damage(readFile(t, v.Path()))
			if err := os.WriteFile(v.Path(), damaged, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := openFileVault(dir, tt.pass, 10)
			if !errors.Is(err, tt.want) || apperr.CodeOf(err) != tt.code {
				t.Fatalf("open: %v; want %v", err, tt.want)
			}
			if tt.want == ErrWrongPassphrase {
				if !bytes.Equal(readFile(t, v.Path()), damaged) {
					t.Fatal("a wrong passphrase changed the vault file")
				}
				return
			}
			// An instance that was already open must not overwrite it either.
			if err := v.Set("2", "x"); err == nil {
				t.Fatal("Set on a damaged vault succeeded")
			}
			if err := v.Delete("1"); err == nil {
				t.Fatal("Delete on a damaged vault succeeded")
			}
			if !bytes.Equal(readFile(t, v.Path()), damaged) {
				t.Fatal("the damaged vault file was changed")
			}
		})
	}
}

func TestFileVaultErrorsAreClear(t *testing.T) {
	for _, err := range []error{ErrWrongPassphrase, ErrCorrupt, errVaultNewer} {
		for _, lang := range []string{"en", "zh-CN"} {
			if _, msg := apperr.Describe(err, lang); msg == "" || strings.Contains(msg, "{") {
				t.Errorf("%v in %s: %q", err, lang, msg)
			}
		}
	}
}
