package app

import (
	"net"
	"net/url"
	"strings"
	"testing"
	"time"

	"steward/backend/apperr"
	"steward/backend/keys"
	"steward/backend/store"
	"steward/backend/store/pgtest"
	"steward/backend/usage"
)

// splitPassword returns a database URL without its password, and the password.
func splitPassword(t *testing.T, raw string) (string, string) {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	pw, _ := u.User.Password()
	u.User = url.User(u.User.Username())
	return u.String(), pw
}

// With a team database, the team's state lives there: a second host (its
// own data folder) sees the members and tokens the first made, and a host
// without the URL does not.
func TestTeamDatabaseHoldsTheTeamState(t *testing.T) {
	ctx := t.Context()
	dbURL, pw := splitPassword(t, pgtest.URL(t))
	env := func(k string) string {
		if k == "PGPASSWORD" {
			return pw
		}
		return ""
	}
	openHost := func(u string) *Services {
		s, err := Open(ctx, Options{DataDir: t.TempDir(), DatabaseURL: u, Getenv: env})
		if err != nil {
			t.Fatalf("open: %v", err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	one, two, alone := openHost(dbURL), openHost(dbURL), openHost("")
	if one.c.team == nil || alone.c.team != nil {
		t.Fatal("the team database is not opened exactly when a URL is set")
	}
	if strings.Contains(one.c.teamName(), pw) {
		t.Fatal("the team database's name shows its password")
	}
	if _, err := one.Keys.AddMember(ctx, keys.MemberInput{Name: "Ann"}); err != nil {
		t.Fatal(err)
	}
	tok, err := one.Gateway.CreateToken(ctx, "Ann")
	if err != nil {
		t.Fatal(err)
	}
	if ms, err := two.Keys.Members(ctx); err != nil || len(ms) != 1 || ms[0].Name != "Ann" {
		t.Fatalf("the second host's members = %+v, %v", ms, err)
	}
	if m, err := two.Gateway.access.TokenMember(ctx, tok); err != nil || m != "Ann" {
		t.Fatalf("the second host names the token's member %q, %v", m, err)
	}
	if ms, err := alone.Keys.Members(ctx); err != nil || len(ms) != 0 {
		t.Fatalf("a host without the URL sees members %+v, %v", ms, err)
	}
}

// PostgreSQL down at start is a clear error that names the server and
// never the password, and leaves nothing open.
func TestTeamDatabaseDown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	const pw = "not-the-real-one-4711"
	_, err = Open(t.Context(), Options{DataDir: t.TempDir(), Getenv: func(k string) string {
		if k == EnvDatabaseURL {
			return "postgres://steward:" + pw + "@" + addr + "/team?sslmode=disable&connect_timeout=5"
		}
		return ""
	}})
	if !apperr.Is(err, store.DatabaseUnreachable) {
		t.Fatalf("Open = %v, want %s", err, store.DatabaseUnreachable)
	}
	_, msg := apperr.Describe(err, "en")
	if strings.Contains(err.Error(), pw) || strings.Contains(msg, pw) || !strings.Contains(msg, addr) {
		t.Fatalf("error %q / %q: want the server named and the password left out", msg, err)
	}
}

// A gateway's daily token budgets start from the usage log: what a member
// used since midnight, in calls of any source, and only that member's.
func TestTokensSinceReadsTheLog(t *testing.T) {
	ctx := t.Context()
	s := open(t)
	day := time.Now().UTC().Truncate(24 * time.Hour)
	ev := func(member string, at time.Time, in, out int64) usage.Event {
		return usage.Event{Time: at, Source: usage.SourceGateway, Member: member, Endpoint: "/v1/chat/completions",
			Method: "POST", Model: "gpt-4o-mini", Status: 200, InputTokens: in, OutputTokens: out}
	}
	err := s.c.usage.Insert(ctx, []usage.Event{
		ev("Ann", day.Add(time.Minute), 100, 20), ev("ann", day.Add(2*time.Minute), 5, 5),
		ev("Bo", day.Add(time.Minute), 999, 1), ev("Ann", day.Add(-time.Hour), 700, 0),
	})
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.c.tokensSince(ctx, "ANN", day)
	if err != nil || n != 130 {
		t.Fatalf("tokensSince = %d, %v; want Ann's 130 since midnight", n, err)
	}
}
