package storetest

import (
	"crypto/rand"
	"encoding/base64"
	"strconv"
	"sync"
	"testing"

	"steward/backend/apperr"
	"steward/backend/keys"
	"steward/backend/store"
)

// Keys checks that members and key records round-trip through a store:
// names and labels are found in any case and unique among current ones,
// ids come back from inserts, a rotation links its successor and carries
// its places, and the secret stays in the vault.
func Keys(t *testing.T, open func(t *testing.T) *store.Store) {
	ctx := t.Context()
	vault := newMapVault()
	r := keys.New(open(t), vault, keys.Options{})
	ann, err := r.AddMember(ctx, keys.MemberInput{Name: "Ann", Email: "ann@example.com", Role: "lead"})
	if err != nil {
		t.Fatalf("add a member: %v", err)
	}
	if _, err := r.AddMember(ctx, keys.MemberInput{Name: "bo"}); err != nil {
		t.Fatalf("add a second member: %v", err)
	}
	if m, err := r.Member(ctx, "ANN"); err != nil || m.ID != ann.ID || m.Email != "ann@example.com" {
		t.Fatalf("Member(ANN) = %+v, %v; want Ann (id %d)", m, err, ann.ID)
	}
	if _, err := r.AddMember(ctx, keys.MemberInput{Name: "aNN"}); !apperr.Is(err, keys.CodeMemberExists) {
		t.Fatalf("a second Ann in another case: %v, want %s", err, keys.CodeMemberExists)
	}
	ms, err := r.Members(ctx)
	if err != nil || len(ms) != 2 || ms[0].Name != "Ann" || ms[1].Name != "bo" {
		t.Fatalf("Members = %+v, %v; want Ann then bo", ms, err)
	}

	secret := genKey(t)
	k, err := r.AddKey(ctx, keys.KeyInput{Label: "ci", Member: "ann", Environment: "prod"}, secret)
	if err != nil {
		t.Fatalf("add a key: %v", err)
	}
	if k.ID <= 0 || k.Member != "Ann" || k.Status != keys.StatusActive || len(k.Fingerprint) != 64 {
		t.Fatalf("added key = %+v", k)
	}
	if got, _ := vault.Get(strconv.FormatInt(k.ID, 10)); got != secret {
		t.Fatal("the vault does not hold the key under its record's id")
	}
	if got, err := r.Key(ctx, "CI"); err != nil || got.ID != k.ID {
		t.Fatalf("Key(CI) = %d, %v; want %d", got.ID, err, k.ID)
	}
	if m, l, ok := r.Lookup(k.Fingerprint); !ok || m != "Ann" || l != "ci" {
		t.Fatalf("Lookup = %q %q %v", m, l, ok)
	}
	if _, err := r.AddKey(ctx, keys.KeyInput{Label: "CI", Member: "bo", Environment: "dev"}, genKey(t)); !apperr.Is(err, keys.CodeLabelTaken) {
		t.Fatalf("a second current key labelled CI: %v, want %s", err, keys.CodeLabelTaken)
	}
	p, err := r.AddPlace(ctx, "ci", "GitHub Actions secret")
	if err != nil || p.ID <= 0 {
		t.Fatalf("add a place: %+v, %v", p, err)
	}
	next, err := r.Rotate(ctx, "ci", genKey(t))
	if err != nil {
		t.Fatalf("rotate: %v", err)
	}
	if next.ID == k.ID || next.Replaces != k.ID || next.Label != "ci" {
		t.Fatalf("successor = %+v, want a new record replacing %d", next, k.ID)
	}
	if old, err := r.Keys(ctx); err != nil || len(old) != 2 {
		t.Fatalf("Keys = %d records, %v; want the retired key and its successor", len(old), err)
	}
	places, err := r.Places(ctx, "ci")
	if err != nil || len(places) != 1 || places[0].KeyID != next.ID || places[0].Place != "GitHub Actions secret" {
		t.Fatalf("places after rotation = %+v, %v", places, err)
	}
	evs, err := r.Events(ctx, "CI")
	if err != nil || len(evs) < 3 {
		t.Fatalf("events of CI = %d, %v; want added, place added, rotated", len(evs), err)
	}
}

// genKey makes a project key from fresh random bytes, so no realistic key
// is ever written into the source.
func genKey(t *testing.T) string {
	t.Helper()
	b := make([]byte, 60)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "sk-proj-" + base64.RawURLEncoding.EncodeToString(b)
}

// mapVault is an in-memory keys.Vault.
type mapVault struct {
	mu sync.Mutex
	m  map[string]string
}

func newMapVault() *mapVault { return &mapVault{m: map[string]string{}} }

func (v *mapVault) Set(account, secret string) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.m[account] = secret
	return nil
}

func (v *mapVault) Get(account string) (string, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	s, ok := v.m[account]
	if !ok {
		return "", keys.ErrNotFound
	}
	return s, nil
}

func (v *mapVault) Delete(account string) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	delete(v.m, account)
	return nil
}
