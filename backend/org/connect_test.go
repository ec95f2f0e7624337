package org

import (
	"errors"
	"strings"
	"testing"

	"steward/backend/apperr"
	"steward/backend/keys"
	"steward/backend/openaitest"
)

func TestConnect(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		org, _ := baseOrg(t, 1)
		f := newFixture(t, org)
		c, err := f.svc.Connect(f.ctx, "  "+f.admin+"\n")
		if err != nil {
			t.Fatal(err)
		}
		if !c.Connected || !c.SyncDue || !strings.HasPrefix(c.Redacted, "sk-admin-…") {
			t.Fatalf("connection: %+v", c)
		}
		got, err := f.vault.Get(VaultAccount)
		if err != nil || got != f.admin {
			t.Fatal("the admin key is not in the vault")
		}
		f.noSecretsInDB(f.admin)
		if err := f.svc.Disconnect(f.ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := f.vault.Get(VaultAccount); !errors.Is(err, keys.ErrNotFound) {
			t.Fatalf("after disconnect the vault still answers: %v", err)
		}
		if c, _ := f.svc.Connection(f.ctx); c.Connected {
			t.Fatal("still connected after disconnect")
		}
	})
	t.Run("ErrProjectKey", func(t *testing.T) {
		org, _ := baseOrg(t, 1)
		f := newFixture(t, org)
		pk := genKey(t, "sk-proj-")
		_, err := f.svc.Connect(f.ctx, pk)
		if !apperr.Is(err, CodeNotAdminKey) {
			t.Fatalf("err = %v; want %s", err, CodeNotAdminKey)
		}
		_, msg := apperr.Describe(err, "en")
		if strings.Contains(msg, pk) || !strings.Contains(msg, "not an admin key") {
			t.Fatalf("message: %s", msg)
		}
		if _, zh := apperr.Describe(err, "zh-CN"); !strings.Contains(zh, "管理员密钥") {
			t.Fatalf("zh message: %s", zh)
		}
		if _, err := f.vault.Get(VaultAccount); !errors.Is(err, keys.ErrNotFound) {
			t.Fatal("a refused key was stored")
		}
		if c, _ := f.svc.Connection(f.ctx); c.Connected {
			t.Fatal("connected with a project key")
		}
	})
	t.Run("ErrRevokedAdminKey", func(t *testing.T) {
		org, _ := baseOrg(t, 1)
		f := newFixture(t, org)
		_, err := f.svc.Connect(f.ctx, genKey(t, "sk-admin-"))
		if !apperr.Is(err, CodeAdminRejected) {
			t.Fatalf("err = %v; want %s", err, CodeAdminRejected)
		}
	})
	t.Run("ErrExpiredAdminKey", func(t *testing.T) {
		org, _ := baseOrg(t, 1)
		org.AdminKeys = []openaitest.OrgAdminKey{{ID: "key_old", Name: "old", ExpiresAt: t0.AddDate(0, 0, -1), CreatedAt: t0.AddDate(0, -1, 0)}}
		f := newFixture(t, org)
		if _, err := f.svc.Connect(f.ctx, f.admin); !apperr.Is(err, CodeAdminRejected) {
			t.Fatalf("err = %v; want %s", err, CodeAdminRejected)
		}
	})
	t.Run("ErrNotConnected", func(t *testing.T) {
		org, _ := baseOrg(t, 1)
		f := newFixture(t, org)
		if _, err := f.svc.Sync(f.ctx); !apperr.Is(err, CodeNotConnected) {
			t.Fatalf("sync without a connection: %v", err)
		}
	})
}
