package app

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"steward/backend/keys"
	"steward/backend/openaitest"
)

// TestTestConnection: with no key chosen a live server reads as reachable
// (invalid placeholder), with the chosen key as valid, and a dead address
// as network_error with a message; no call's error leaks a key.
func TestTestConnection(t *testing.T) {
	ctx := context.Background()
	key := projectKey(t)
	srv := openaitest.New(t, openaitest.WithKeys(key))
	s := open(t)
	if _, err := s.Settings.SetBaseURL(ctx, srv.URL); err != nil {
		t.Fatal(err)
	}
	got, err := s.Settings.TestConnection(ctx)
	if err != nil || got.Status != "invalid" || got.KeyLabel != "" || got.BaseURL != strings.TrimRight(srv.URL, "/") {
		t.Fatalf("without a key: %+v, %v; want invalid at %s", got, err, srv.URL)
	}

	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	if _, err := s.Settings.SetBaseURL(ctx, dead.URL+"/v1"); err != nil {
		t.Fatal(err)
	}
	got, err = s.Settings.TestConnection(ctx)
	if err != nil || got.Status != "network_error" || got.Message == "" {
		t.Fatalf("dead address: %+v, %v; want network_error with a message", got, err)
	}

	if err := keys.CheckKeychain(); err != nil {
		if os.Getenv("STEWARD_REQUIRE_KEYCHAIN") != "" {
			t.Fatalf("no keychain: %v", err)
		}
		t.Skipf("no keychain: %v", err)
	}
	if _, err := s.Settings.SetBaseURL(ctx, srv.URL); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Keys.AddMember(ctx, keys.MemberInput{Name: "Ops"}); err != nil {
		t.Fatal(err)
	}
	label := "conn-test-" + strings.ToLower(strings.ReplaceAll(t.Name(), "/", "-"))
	if _, err := s.Keys.AddKey(ctx, keys.KeyInput{Label: label, Member: "Ops", Environment: keys.EnvProd}, key); err != nil {
		t.Fatal(err)
	}
	defer s.Keys.RevokeKey(ctx, label, "test over")
	if _, err := s.Settings.Set(ctx, "moderation.key", label); err != nil {
		t.Fatal(err)
	}
	got, err = s.Settings.TestConnection(ctx)
	if err != nil || got.Status != "valid" || got.KeyLabel != label || got.Models == 0 {
		t.Fatalf("with the chosen key: %+v, %v; want valid with models", got, err)
	}
	if strings.Contains(got.Message, key) {
		t.Fatal("the result shows the key")
	}
}
