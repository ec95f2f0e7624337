package keys

import (
	"errors"
	"strings"
	"testing"

	"steward/backend/secret"
)

func TestAddKey(t *testing.T) {
	e := newEnv(t, nil, Options{})
	e.member(t, "Alice")
	e.member(t, "Bob")
	tests := []struct {
		prefix, kind string
	}{
		{"sk-proj-", secret.KindProject},
		{"sk-svcacct-", secret.KindServiceAccount},
		{"sk-admin-", secret.KindAdmin},
		{"sk-", secret.KindLegacyUser},
	}
	for _, tt := range tests {
		t.Run("OK_Kind_"+tt.kind, func(t *testing.T) {
			s := genKey(t, tt.prefix)
			k, err := e.r.AddKey(ctx, KeyInput{Label: "alice " + tt.kind, Member: "alice", Environment: " Prod ", Notes: "laptop"}, s)
			if err != nil {
				t.Fatal(err)
			}
			if k.Kind != tt.kind || k.Fingerprint != secret.Fingerprint(s) || k.Redacted != secret.Redact(s) ||
				k.Member != "Alice" || k.Environment != EnvProd || k.Status != StatusActive || k.Notes != "laptop" ||
				k.CreatedAt != "2026-03-10T09:30:00Z" || k.RotateBy != "2026-06-08" {
				t.Fatalf("key = %+v", k)
			}
			if got, err := e.vault.Get(account(k.ID)); err != nil || got != s {
				t.Fatalf("vault holds %d bytes, %v; want the key", len(got), err)
			}
			if got, err := e.r.Secret(ctx, k.Label); err != nil || got != s {
				t.Fatalf("Secret: %v", err)
			}
		})
	}
	t.Run("ErrLabelTaken_AnyCase", func(t *testing.T) {
		before := e.mem.len()
		_, err := e.r.AddKey(ctx, KeyInput{Label: "ALICE PROJECT", Member: "Bob", Environment: EnvDev}, genKey(t, "sk-proj-"))
		wantCode(t, err, CodeLabelTaken)
		if e.mem.len() != before {
			t.Fatal("a refused key reached the vault")
		}
	})
	t.Run("ErrNotAKey", func(t *testing.T) {
		bad := "pk-" + genKey(t, "")
		_, err := e.r.AddKey(ctx, KeyInput{Label: "x", Member: "Bob", Environment: EnvDev}, bad)
		wantCode(t, err, CodeNotAKey)
		if strings.Contains(err.Error(), bad) {
			t.Fatal("error echoes the input")
		}
	})
	t.Run("ErrEnvironment", func(t *testing.T) {
		_, err := e.r.AddKey(ctx, KeyInput{Label: "x", Member: "Bob", Environment: "qa"}, genKey(t, "sk-proj-"))
		wantCode(t, err, CodeEnvironment)
	})
	t.Run("ErrMemberUnknown", func(t *testing.T) {
		_, err := e.r.AddKey(ctx, KeyInput{Label: "x", Member: "Zed", Environment: EnvDev}, genKey(t, "sk-proj-"))
		wantCode(t, err, CodeMemberUnknown)
	})
	t.Run("ErrLooksLikeKey_InNotes", func(t *testing.T) {
		_, err := e.r.AddKey(ctx, KeyInput{Label: "x", Member: "Bob", Environment: EnvDev, Notes: genKey(t, "sk-")}, genKey(t, "sk-proj-"))
		wantCode(t, err, CodeLooksLikeKey)
	})
	t.Run("ErrKeyExists_SameMember", func(t *testing.T) {
		_, s := e.key(t, "Bob", "bob-1", EnvDev, "sk-proj-")
		_, err := e.r.AddKey(ctx, KeyInput{Label: "bob-2", Member: "Bob", Environment: EnvDev}, s)
		wantCode(t, err, CodeKeyExists)
	})
	t.Run("OK_SameKeyOtherMemberIsRecorded", func(t *testing.T) {
		_, s := e.key(t, "Bob", "bob-shared", EnvDev, "sk-proj-")
		k, err := e.r.AddKey(ctx, KeyInput{Label: "alice-shared", Member: "Alice", Environment: EnvDev}, s)
		if err != nil || k.Fingerprint != secret.Fingerprint(s) {
			t.Fatalf("AddKey = %+v, %v", k, err)
		}
	})
	t.Run("ErrVaultUnavailable_NoRecord", func(t *testing.T) {
		e.mem.failSet = unavailable("The keychain is locked.", "钥匙串已锁定。", nil)
		defer func() { e.mem.failSet = nil }()
		_, err := e.r.AddKey(ctx, KeyInput{Label: "never", Member: "Bob", Environment: EnvDev}, genKey(t, "sk-proj-"))
		if !errors.Is(err, ErrUnavailable) {
			t.Fatalf("err = %v; want ErrUnavailable", err)
		}
		wantCode(t, func() error { _, err := e.r.Key(ctx, "never"); return err }(), CodeKeyUnknown)
	})
}

func TestEditAndLookup(t *testing.T) {
	e := newEnv(t, nil, Options{})
	e.member(t, "Alice")
	k, s := e.key(t, "Alice", "alice-dev", EnvDev, "sk-proj-")
	e.key(t, "Alice", "alice-other", EnvDev, "sk-proj-")
	t.Run("OK_Edit", func(t *testing.T) {
		label, env, notes := "alice-staging", "staging", "moved"
		got, err := e.r.EditKey(ctx, "ALICE-DEV", KeyEdit{Label: &label, Environment: &env, Notes: &notes})
		if err != nil || got.ID != k.ID || got.Label != label || got.Environment != EnvStaging || got.Notes != notes {
			t.Fatalf("EditKey = %+v, %v", got, err)
		}
	})
	t.Run("ErrLabelTaken", func(t *testing.T) {
		label := "Alice-Other"
		_, err := e.r.EditKey(ctx, "alice-staging", KeyEdit{Label: &label})
		wantCode(t, err, CodeLabelTaken)
	})
	t.Run("OK_Lookup", func(t *testing.T) {
		m, l, ok := e.r.Lookup(strings.ToUpper(secret.Fingerprint(s)))
		if !ok || m != "Alice" || l != "alice-staging" {
			t.Fatalf("Lookup = %s %s %v", m, l, ok)
		}
		if _, _, ok := e.r.Lookup(secret.Fingerprint("sk-unknown")); ok {
			t.Fatal("Lookup found an unknown key")
		}
	})
	t.Run("ErrKeyUnknown_Secret", func(t *testing.T) {
		_, err := e.r.Secret(ctx, "nope")
		wantCode(t, err, CodeKeyUnknown)
	})
	t.Run("ErrSecretMissing", func(t *testing.T) {
		e.mem.Delete(account(k.ID))
		_, err := e.r.Secret(ctx, "alice-staging")
		wantCode(t, err, CodeSecretMissing)
	})
}

func TestRevokeAndMark(t *testing.T) {
	e := newEnv(t, nil, Options{})
	e.member(t, "Alice")
	k, s := e.key(t, "Alice", "alice-dev", EnvDev, "sk-proj-")
	t.Run("OK_Mark", func(t *testing.T) {
		got, err := e.r.MarkForRotation(ctx, "alice-dev", true)
		if err != nil || got.Status != StatusRotationDue || got.MarkedAt == "" {
			t.Fatalf("Mark = %+v, %v", got, err)
		}
		got, _ = e.r.MarkForRotation(ctx, "alice-dev", false)
		if got.Status != StatusActive || got.MarkedAt != "" {
			t.Fatalf("Unmark = %+v", got)
		}
	})
	t.Run("OK_Revoke", func(t *testing.T) {
		got, err := e.r.RevokeKey(ctx, "alice-dev", "left the project")
		if err != nil || got.Status != StatusRevoked || got.RevokedAt == "" || e.mem.has(account(k.ID)) {
			t.Fatalf("Revoke = %+v, %v", got, err)
		}
		evs := wantEvents(t, e, "alice-dev", EventMarked, EventUnmarked, EventRevoked)
		if !strings.Contains(evs[2].Detail, "left the project") || !strings.Contains(evs[2].Detail, "platform.openai.com") {
			t.Fatalf("revoke event = %+v", evs[2])
		}
	})
	t.Run("ErrKeyUnknown_AfterRevoke", func(t *testing.T) {
		_, err := e.r.Secret(ctx, "alice-dev")
		wantCode(t, err, CodeKeyUnknown)
	})
	t.Run("ErrKeyExists_RevokedKeyAgain", func(t *testing.T) {
		_, err := e.r.AddKey(ctx, KeyInput{Label: "again", Member: "Alice", Environment: EnvDev}, s)
		wantCode(t, err, CodeKeyExists)
	})
	t.Run("OK_LabelFreeAgain", func(t *testing.T) {
		e.key(t, "Alice", "alice-dev", EnvDev, "sk-proj-")
	})
}
