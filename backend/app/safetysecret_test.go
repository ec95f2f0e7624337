package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Two hosts given the same secret file hash a member's end user alike, so
// replicas send one safety_identifier and share one blocklist; a file
// others may read, or a short one, is refused with the reason.
func TestSafetySecretFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "safety-secret")
	if err := os.WriteFile(file, []byte(strings.Repeat("9f", 32)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	host := func() *Services {
		s, err := Open(t.Context(), Options{DataDir: t.TempDir(), Getenv: func(k string) string {
			if k == EnvSafetySecretFile {
				return file
			}
			return ""
		}})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	one, two := host(), host()
	a, err := one.Gateway.guard.SafetyIdentifier("Ann", "user-42")
	if err != nil {
		t.Fatal(err)
	}
	if b, err := two.Gateway.guard.SafetyIdentifier("Ann", "user-42"); err != nil || a != b {
		t.Fatalf("the second host's identifier = %q, %v; want %q", b, err, a)
	}
	if b, _ := two.Gateway.guard.SafetyIdentifier("Ann", "user-43"); b == a {
		t.Fatal("two end users share an identifier")
	}
	for name, tc := range map[string]struct {
		body string
		mode os.FileMode
		want string
	}{
		"ReadableByOthers": {strings.Repeat("ab", 32), 0o644, "chmod 600"},
		"Short":            {"short", 0o600, "fewer than 32"},
	} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "s")
			if err := os.WriteFile(p, []byte(tc.body), tc.mode); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(p, tc.mode); err != nil {
				t.Fatal(err)
			}
			_, err := secretFile{path: p}.Get("steward-gateway-safety-identifier-secret")
			if err == nil || !strings.Contains(Describe(err, "en").Message, tc.want) {
				t.Fatalf("Get = %v, want an error saying %q", err, tc.want)
			}
		})
	}
}
