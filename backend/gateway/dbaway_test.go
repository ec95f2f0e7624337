package gateway

import (
	"database/sql"
	"sync"
	"testing"
	"time"
)

// While the token table cannot be read, a token answered before keeps its
// last answer past the cache's TTL, a token never seen gets the error, and
// once the database reads again answers are fresh (a revocation shows).
func TestCachedTokenOutlivesUnreadableDatabase(t *testing.T) {
	e := newEnv(t, envOpts{noStart: true})
	var mu sync.Mutex
	now := time.Date(2026, 12, 8, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	later := func() { mu.Lock(); now = now.Add(2 * time.Second); mu.Unlock() }
	a := NewAccess(e.st, e.access.dir, AccessOptions{Now: clock, CacheTTL: time.Second})
	seen, err := a.CreateToken(bg, "Bob")
	if err != nil {
		t.Fatal(err)
	}
	unseen, err := a.CreateToken(bg, "Bob")
	if err != nil {
		t.Fatal(err)
	}
	if tok, err := a.authenticate(bg, seen); err != nil || tok.member != "Bob" {
		t.Fatalf("authenticate = %+v, %v", tok, err)
	}
	exec := func(q string) {
		t.Helper()
		if err := e.st.Write(bg, func(tx *sql.Tx) error { _, err := tx.Exec(q); return err }); err != nil {
			t.Fatal(err)
		}
	}
	exec(`ALTER TABLE gateway_tokens RENAME TO gateway_tokens_away`)
	later()
	if tok, err := a.authenticate(bg, seen); err != nil || tok.member != "Bob" {
		t.Fatalf("a known token, database unreadable past the TTL = %+v, %v; want its last answer", tok, err)
	}
	if _, err := a.authenticate(bg, unseen); err == nil {
		t.Fatal("a token never seen was accepted while the database could not be read")
	}
	exec(`ALTER TABLE gateway_tokens_away RENAME TO gateway_tokens`)
	exec(`UPDATE gateway_tokens SET revoked_at = '2026-12-08T09:00:01Z'`)
	later()
	if tok, err := a.authenticate(bg, seen); err != nil || tok.member != "" {
		t.Fatalf("a token revoked while the database was away = %+v, %v; want it refused once the database reads", tok, err)
	}
}

// A call whose quota is spent asks for a sync, but never waits for one
// already running (a database that does not answer must not hold calls).
func TestSyncSoonNeverWaitsForARunningSync(t *testing.T) {
	e := newEnv(t, envOpts{noStart: true})
	s := NewSharedLimits(e.st, SharedOptions{})
	s.syncMu.Lock() // a sync stuck on the database
	defer s.syncMu.Unlock()
	done := make(chan bool, 1)
	go func() { done <- s.syncSoon(bg, nil, nil) }()
	select {
	case synced := <-done:
		if synced {
			t.Fatal("syncSoon reported a sync it could not run")
		}
	case <-time.After(20 * time.Second): // a guard against a deadlock, not a timing assertion
		t.Fatal("syncSoon waited for the running sync")
	}
}
