package usage

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"sync"
	"testing"
	"time"

	"steward/backend/apperr"
	"steward/backend/secret"
)

// testNow is the fixed "now" of most tests: a Tuesday afternoon, UTC.
var testNow = time.Date(2026, 3, 10, 15, 30, 0, 0, time.UTC)

// fakeClock is a settable clock.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// newTestService opens a fresh database: a SQLite file in a temporary
// directory, or a PostgreSQL database when the tests run on PostgreSQL.
func newTestService(t *testing.T) (*Service, *SQLite, *fakeClock) {
	t.Helper()
	st := openTestStore(t)
	clock := &fakeClock{t: testNow}
	db := NewSQLite(st)
	return New(db, Options{Now: clock.Now}), db, clock
}

// testKey makes a random project key at run time; tests keep only its
// fingerprint in the log.
func testKey(t testing.TB) string {
	t.Helper()
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "sk-proj-" + hex.EncodeToString(b)
}

// fp is a stable fake fingerprint for a name.
func fp(name string) string { return secret.Fingerprint("test-key-" + name) }

// ev is a successful gateway call with the given tokens.
func ev(at time.Time, member, model string, in, cached, out int64) Event {
	return Event{Time: at, Source: SourceGateway, Member: member, KeyFingerprint: fp(member),
		Endpoint: "/v1/chat/completions", Method: "POST", Model: model, Status: 200,
		InputTokens: in, CachedTokens: cached, OutputTokens: out, ReasoningTokens: 0,
		Latency: 120 * time.Millisecond}
}

// insert stores events through the service (priced, policy applied).
func insert(t *testing.T, s *Service, events ...Event) {
	t.Helper()
	if err := s.Insert(context.Background(), events); err != nil {
		t.Fatalf("insert: %v", err)
	}
}

// day is midnight UTC n days from testNow's day.
func day(n int) time.Time { return startOfDay(testNow).AddDate(0, 0, n) }

// countRows counts a table's rows.
func countRows(t *testing.T, db *SQLite, table string) int {
	t.Helper()
	var n int
	if err := db.st.Read().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// codeOf is err's apperr code, or "" for no error.
func codeOf(err error) apperr.Code {
	if err == nil {
		return ""
	}
	return apperr.CodeOf(err)
}
