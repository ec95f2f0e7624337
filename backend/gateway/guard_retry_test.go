package gateway

import (
	"errors"
	"testing"
	"time"
)

// lockedVault fails every read, as a locked keychain does, and counts them.
type lockedVault struct{ gets int }

func (v *lockedVault) Get(string) (string, error) {
	v.gets++
	return "", errors.New("the keychain is locked")
}
func (v *lockedVault) Set(string, string) error { return errors.New("the keychain is locked") }

func TestLockedVaultIsAskedOncePerRetryWindow(t *testing.T) {
	now := time.Date(2026, 12, 8, 9, 0, 0, 0, time.UTC)
	v := &lockedVault{}
	g := NewGuard(nil, v, func() time.Time { return now })
	_, first := g.SafetyIdentifier("mei", "")
	if first == nil || errors.Is(first, errSecretRetryLater) {
		t.Fatalf("first failure = %v, want the vault's error, not yet a repeat", first)
	}
	for range 100 {
		if _, err := g.SafetyIdentifier("mei", ""); !errors.Is(err, errSecretRetryLater) {
			t.Fatalf("a call within the retry window = %v, want the repeated failure", err)
		}
	}
	if v.gets != 1 {
		t.Fatalf("the vault was asked %d times within %s, want once", v.gets, secretRetry)
	}
	now = now.Add(secretRetry)
	if _, err := g.SafetyIdentifier("mei", ""); err == nil || errors.Is(err, errSecretRetryLater) || v.gets != 2 {
		t.Fatalf("after the window: err %v, %d reads; want a fresh attempt", err, v.gets)
	}
}
