package keys

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"testing"

	"github.com/zalando/go-keyring"
)

// testVaultContract is the one behaviour every Vault must have. Accounts
// carry a random prefix so a real keychain's other entries are never touched.
func testVaultContract(t *testing.T, v Vault) {
	b := make([]byte, 6)
	rand.Read(b)
	prefix := "contract-" + hex.EncodeToString(b) + "-"
	acct := func(s string) string { return prefix + s }
	secret := genKey(t, "sk-proj-")

	t.Run("OK_SetGet", func(t *testing.T) {
		if err := v.Set(acct("a"), secret); err != nil {
			t.Fatalf("Set: %v", err)
		}
		if got, err := v.Get(acct("a")); err != nil || got != secret {
			t.Fatalf("Get = %d bytes, %v; want the secret", len(got), err)
		}
	})
	t.Run("OK_Overwrite", func(t *testing.T) {
		next := genKey(t, "sk-svcacct-")
		if err := v.Set(acct("a"), next); err != nil {
			t.Fatalf("Set: %v", err)
		}
		if got, _ := v.Get(acct("a")); got != next {
			t.Fatal("Get after overwrite did not return the new secret")
		}
	})
	t.Run("OK_Delete", func(t *testing.T) {
		if err := v.Delete(acct("a")); err != nil {
			t.Fatalf("Delete: %v", err)
		}
		if _, err := v.Get(acct("a")); !errors.Is(err, ErrNotFound) {
			t.Fatalf("Get after Delete: %v; want ErrNotFound", err)
		}
	})
	t.Run("ErrNotFound_Get", func(t *testing.T) {
		if _, err := v.Get(acct("never")); !errors.Is(err, ErrNotFound) {
			t.Fatalf("Get: %v; want ErrNotFound", err)
		}
	})
	t.Run("ErrNotFound_Delete", func(t *testing.T) {
		if err := v.Delete(acct("never")); !errors.Is(err, ErrNotFound) {
			t.Fatalf("Delete: %v; want ErrNotFound", err)
		}
	})
	t.Run("OK_ManyAccounts", func(t *testing.T) {
		want := map[string]string{}
		for i := range 25 {
			want[acct(fmt.Sprint(i))] = genKey(t, "sk-")
		}
		for a, s := range want {
			if err := v.Set(a, s); err != nil {
				t.Fatalf("Set %s: %v", a, err)
			}
		}
		if err := v.Delete(acct("7")); err != nil {
			t.Fatalf("Delete: %v", err)
		}
		for a, s := range want {
			got, err := v.Get(a)
			if a == acct("7") {
				if !errors.Is(err, ErrNotFound) {
					t.Fatalf("deleted account: %v", err)
				}
				continue
			}
			if err != nil || got != s {
				t.Fatalf("Get %s: %v or another account's secret", a, err)
			}
		}
		for a := range want {
			v.Delete(a)
		}
	})
	t.Run("OK_Unicode", func(t *testing.T) {
		a, s := acct("账户-ü-🔑"), "密钥 ✓ ünïcödé "+genKey(t, "sk-")
		if err := v.Set(a, s); err != nil {
			t.Fatalf("Set: %v", err)
		}
		if got, err := v.Get(a); err != nil || got != s {
			t.Fatalf("Get = %q, %v", got, err)
		}
		if err := v.Delete(a); err != nil {
			t.Fatalf("Delete: %v", err)
		}
	})
}

func TestVaultContract(t *testing.T) {
	t.Run("Memory", func(t *testing.T) { testVaultContract(t, newMemVault()) })
	t.Run("FileVault", func(t *testing.T) {
		v, err := openFileVault(t.TempDir(), "correct horse battery", 10)
		if err != nil {
			t.Fatal(err)
		}
		testVaultContract(t, v)
	})
	t.Run("FileVault_DefaultCost", func(t *testing.T) {
		if testing.Short() {
			t.Skip("scrypt at full cost is slow")
		}
		v, err := OpenFileVault(t.TempDir(), "correct horse battery")
		if err != nil {
			t.Fatal(err)
		}
		testVaultContract(t, v)
	})
	t.Run("Keychain", func(t *testing.T) { testVaultContract(t, keychainOrSkip(t)) })
}

// keychainOrSkip returns a KeychainVault on a test-only service, or skips
// when no Secret Service is reachable, unless STEWARD_REQUIRE_KEYCHAIN=1
// (set in CI) says the keychain must be there.
func keychainOrSkip(t *testing.T) KeychainVault {
	t.Helper()
	b := make([]byte, 6)
	rand.Read(b)
	v := KeychainVault{Service: "steward-test-" + hex.EncodeToString(b)}
	if err := v.Check(); err != nil {
		if os.Getenv("STEWARD_REQUIRE_KEYCHAIN") == "1" {
			t.Fatalf("STEWARD_REQUIRE_KEYCHAIN=1 but the keychain is unusable: %v", err)
		}
		t.Skipf("no usable OS keychain, skipping (run under scripts/with-keyring.sh; "+
			"STEWARD_REQUIRE_KEYCHAIN=1 makes this a failure): %v", err)
	}
	t.Cleanup(func() { keyring.DeleteAll(v.Service) })
	return v
}

// TestRegisterOverKeychain runs add, rotate and revoke with the real OS
// keychain as the vault.
func TestRegisterOverKeychain(t *testing.T) {
	v := keychainOrSkip(t)
	e := newEnv(t, v, Options{})
	e.member(t, "Alice")
	old, _ := e.key(t, "Alice", "alice-dev", EnvDev, "sk-proj-")
	next := genKey(t, "sk-proj-")
	k, err := e.r.Rotate(ctx, "alice-dev", next)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.Get(account(old.ID)); !errors.Is(err, ErrNotFound) {
		t.Fatalf("old secret after rotation: %v; want ErrNotFound", err)
	}
	if got, err := e.r.Secret(ctx, "alice-dev"); err != nil || got != next {
		t.Fatalf("Secret after rotation: %v", err)
	}
	if _, err := e.r.RevokeKey(ctx, "alice-dev", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := v.Get(account(k.ID)); !errors.Is(err, ErrNotFound) {
		t.Fatalf("secret after revoke: %v; want ErrNotFound", err)
	}
}
