package keys

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"sync"
	"testing"
	"time"

	"steward/backend/apperr"
	"steward/backend/store"
)

// fixedNow is the time every register test starts at.
var fixedNow = time.Date(2026, 3, 10, 9, 30, 0, 0, time.UTC)

// clock is a test clock that moves only when told to.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *clock) advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

const day24 = 24 * time.Hour

// genKey makes a key of the given prefix from fresh random bytes, so no
// realistic key is ever written into the source.
func genKey(t testing.TB, prefix string) string {
	t.Helper()
	b := make([]byte, 60)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return prefix + base64.RawURLEncoding.EncodeToString(b)
}

// memVault is an in-memory Vault whose calls can be made to fail.
type memVault struct {
	mu        sync.Mutex
	m         map[string]string
	failSet   error
	failDel   error // returned once, by the Delete after failAfter successful ones
	failAfter int
	setCalls  int
	delCalls  int
	getCalls  int
}

func newMemVault() *memVault { return &memVault{m: map[string]string{}} }

func (v *memVault) Set(account, secret string) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.setCalls++
	if v.failSet != nil {
		return v.failSet
	}
	v.m[account] = secret
	return nil
}

func (v *memVault) Get(account string) (string, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.getCalls++
	s, ok := v.m[account]
	if !ok {
		return "", ErrNotFound
	}
	return s, nil
}

func (v *memVault) Delete(account string) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.delCalls++
	if v.failDel != nil && v.delCalls == v.failAfter+1 {
		return v.failDel
	}
	if _, ok := v.m[account]; !ok {
		return ErrNotFound
	}
	delete(v.m, account)
	return nil
}

func (v *memVault) has(account string) bool {
	_, err := v.Get(account)
	return err == nil
}

func (v *memVault) len() int { v.mu.Lock(); defer v.mu.Unlock(); return len(v.m) }

// fakeVerifier answers with a fixed verification and remembers the keys it saw.
type fakeVerifier struct {
	mu     sync.Mutex
	result Verification
	err    error
	seen   []string
}

func (f *fakeVerifier) Verify(ctx context.Context, apiKey string) (Verification, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seen = append(f.seen, apiKey)
	if err := ctx.Err(); err != nil {
		return Verification{}, err
	}
	return f.result, f.err
}

// fakeLeaks is a LeakSource with a fixed answer.
type fakeLeaks map[string]LeakRef

func (f fakeLeaks) LeakedFingerprints(context.Context) (map[string]LeakRef, error) { return f, nil }

// testEnv is a register over a fresh database in a temporary directory.
type testEnv struct {
	r     *Register
	st    *store.Store
	vault Vault
	mem   *memVault // nil when the vault is not a memVault
	clock *clock
	ver   *fakeVerifier
	dir   string
}

// newEnv opens a register with an in-memory vault unless vault is given.
func newEnv(t *testing.T, vault Vault, opts Options) *testEnv {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(context.Background(), dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e := &testEnv{st: st, clock: &clock{t: fixedNow}, ver: &fakeVerifier{result: Verification{Result: VerifyValid}}, dir: dir}
	if vault == nil {
		e.mem = newMemVault()
		vault = e.mem
	}
	e.vault = vault
	opts.Now = e.clock.Now
	if opts.Verifier == nil {
		opts.Verifier = e.ver
	}
	e.r = New(st, vault, opts)
	return e
}

var ctx = context.Background()

func (e *testEnv) member(t *testing.T, name string) Member {
	t.Helper()
	m, err := e.r.AddMember(ctx, MemberInput{Name: name, Email: "", Role: "developer"})
	if err != nil {
		t.Fatalf("AddMember(%s): %v", name, err)
	}
	return m
}

// key registers a fresh project key and returns its record and secret.
func (e *testEnv) key(t *testing.T, member, label, env, prefix string) (Key, string) {
	t.Helper()
	s := genKey(t, prefix)
	k, err := e.r.AddKey(ctx, KeyInput{Label: label, Member: member, Environment: env}, s)
	if err != nil {
		t.Fatalf("AddKey(%s): %v", label, err)
	}
	return k, s
}

// wantCode fails unless err carries code.
func wantCode(t *testing.T, err error, code apperr.Code) {
	t.Helper()
	if !apperr.Is(err, code) {
		t.Fatalf("err = %v; want code %s", err, code)
	}
}

// errBoom is a failure injected into a vault.
var errBoom = errors.New("boom")
