package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"
	"time"

	"steward/backend/keys"
	"steward/backend/openaitest"
	"steward/backend/usage"
)

// projectKey makes a key with the shape of an OpenAI project key, at run time.
func projectKey(t *testing.T) string {
	t.Helper()
	b := make([]byte, 40)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	h := hex.EncodeToString(b)
	return "sk-proj-" + h[:40] + "T3BlbkFJ" + h[40:80]
}

func TestUsageReconcileWithTheChosenAdminKey(t *testing.T) {
	if err := keys.CheckKeychain(); err != nil {
		if os.Getenv("STEWARD_REQUIRE_KEYCHAIN") != "" {
			t.Fatalf("no keychain: %v", err)
		}
		t.Skipf("no keychain: %v", err)
	}
	ctx := context.Background()
	now := time.Date(2026, 3, 12, 9, 0, 0, 0, time.UTC)
	srv := openaitest.New(t, openaitest.WithClock(func() time.Time { return now }), openaitest.WithUsage(
		openaitest.UsageRecord{Time: now.AddDate(0, 0, -1), APIKeyID: "key_leaked", Model: "gpt-4o", Requests: 40, InputTokens: 4000}))
	s, err := Open(ctx, Options{DataDir: t.TempDir(), Getenv: func(string) string { return "" }, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	if _, err := s.Usage.Reconcile(ctx, "2026-03-01", ""); err == nil {
		t.Fatal("reconciled without an admin key")
	}
	if _, err := s.Keys.AddMember(ctx, keys.MemberInput{Name: "Ops"}); err != nil {
		t.Fatal(err)
	}
	label := "usage-admin-" + hex.EncodeToString([]byte(t.Name()))[:8]
	if _, err := s.Keys.AddKey(ctx, keys.KeyInput{Label: label, Member: "Ops", Environment: keys.EnvProd}, projectKey(t)); err != nil {
		t.Fatal(err)
	}
	defer s.Keys.RevokeKey(ctx, label, "test over")
	for name, v := range map[string]string{"usage.admin_key": label, "base_url": srv.URL} {
		if _, err := s.Settings.Set(ctx, name, v); err != nil {
			t.Fatal(err)
		}
	}
	rec, err := s.Usage.Reconcile(ctx, "2026-03-01", "")
	if err != nil || rec.UnseenRequests != 40 || len(rec.Unmapped) != 1 || rec.Unmapped[0] != "key_leaked" {
		t.Fatalf("Reconcile = %+v, %v", rec, err)
	}
	last, at, ok, err := s.c.recs.LastReconciliation(ctx)
	if err != nil || !ok || !at.Equal(now) || last.UnseenRequests != 40 {
		t.Fatalf("the kept reconciliation = %+v at %v (ok %v), %v", last, at, ok, err)
	}
	if st, err := s.Usage.Stats(ctx); err != nil || st.Capacity == 0 {
		t.Fatalf("Stats = %+v, %v", st, err)
	}
	if _, err := s.Usage.Report(ctx, ReportRequest{Since: "2026-03-12", Until: "2026-03-01", By: usage.ByDay}); err == nil {
		t.Fatal("a period that ends before it starts was accepted")
	}
}
