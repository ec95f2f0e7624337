package org

import (
	"net/http"
	"testing"
	"time"

	"steward/backend/apperr"
)

func TestSync(t *testing.T) {
	org, vals := baseOrg(t, 130) // two pages of Alpha's keys
	f := newFixture(t, org)
	f.addLocal("Ann", "ann-laptop", vals[3])
	f.addLocal("Ann", "ann-ci", vals[77])
	f.addLocal("Ann", "not-in-org", genKey(t, "sk-proj-"))
	f.connect()
	res := f.sync()
	if res.Projects != 2 || res.Keys != 132 || res.ServiceAccounts != 1 || res.Users != 2 || res.Invites != 1 || res.AdminKeys != 1 {
		t.Fatalf("counts: %+v", res)
	}
	if res.Registered != 2 || res.Unregistered != 130 || res.Ambiguous != 0 {
		t.Fatalf("matching: %+v", res)
	}
	rows, err := f.svc.Keys(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	labels := map[string]string{}
	for _, r := range rows {
		labels[r.ID] = r.Label
		if r.Status == StatusRegistered && r.Label == "" {
			t.Fatalf("registered without a label: %+v", r)
		}
	}
	if labels["key_a0003"] != "ann-laptop" || labels["key_a0077"] != "ann-ci" {
		t.Fatalf("links: %v", labels)
	}
	snap, err := f.svc.Snapshot(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !snap.SyncedAt.Equal(t0) || !snap.AdminKeys[0].Steward {
		t.Fatalf("snapshot time %v, steward's own admin key %+v", snap.SyncedAt, snap.AdminKeys)
	}
	alpha := snap.Projects[0].Settings
	if alpha.DataRetention != "zero_data_retention" || alpha.ModelMode != "allow_list" || alpha.HostedTools["web_search"] ||
		!alpha.HostedTools["file_search"] || alpha.SpendLimit == nil || alpha.SpendLimit.Amount != 5000 ||
		len(alpha.RateLimits) != 1 || alpha.RateLimits[0].TokensPerMinute != 30000 || len(alpha.SpendAlerts) != 1 {
		t.Fatalf("alpha settings: %+v", alpha)
	}
	if snap.Projects[1].Settings.SpendLimit != nil || snap.Settings.DataRetention != "modified_abuse_monitoring" {
		t.Fatalf("beta has no spend limit; org retention: %+v %+v", snap.Projects[1].Settings, snap.Settings)
	}
	if c, _ := f.svc.Connection(f.ctx); c.SyncDue {
		t.Fatal("a fresh snapshot is not due")
	}
	f.noSecretsInDB(append(vals, f.admin)...)
}

func TestSyncRetriesRateLimits(t *testing.T) {
	org, _ := baseOrg(t, 3)
	f := newFixture(t, org)
	f.connect()
	f.srv.RateLimitAdmin(2, 1500*time.Millisecond)
	res := f.sync()
	if res.Keys != 5 {
		t.Fatalf("keys: %d", res.Keys)
	}
	if len(f.slept) != 2 || f.slept[0] != 1500*time.Millisecond {
		t.Fatalf("waits: %v; want two of 1.5s from retry-after-ms", f.slept)
	}
}

func TestSyncFailingHalfwayKeepsTheLastSnapshot(t *testing.T) {
	org, _ := baseOrg(t, 150)
	f := newFixture(t, org)
	f.connect()
	f.sync()
	before, err := f.svc.Snapshot(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The key list answers its first page, then fails for good.
	f.srv.FailListAfter("/organization/projects/proj_alpha/api_keys", 2, http.StatusInternalServerError, 0)
	later := t0.Add(48 * time.Hour)
	f.svc.opts.Now = func() time.Time { return later }
	if _, err := f.svc.Sync(f.ctx); err == nil {
		t.Fatal("a sync whose pagination failed succeeded")
	}
	after, err := f.svc.Snapshot(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !after.SyncedAt.Equal(before.SyncedAt) || len(after.Keys) != len(before.Keys) || len(after.Keys) != 152 {
		t.Fatalf("snapshot changed: %v/%d -> %v/%d", before.SyncedAt, len(before.Keys), after.SyncedAt, len(after.Keys))
	}
	if c, _ := f.svc.Connection(f.ctx); !c.SyncDue {
		t.Fatal("an old snapshot should be due for a sync")
	}
}

func TestSyncWithRevokedAdminKey(t *testing.T) {
	org, _ := baseOrg(t, 1)
	f := newFixture(t, org)
	f.connect()
	// The admin key is deleted in the organization after connecting.
	req, _ := http.NewRequest(http.MethodDelete, f.srv.URL+"/organization/admin_api_keys/key_steward", nil)
	req.Header.Set("Authorization", "Bearer "+f.admin)
	resp, err := f.srv.Client().Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("delete admin key: %v %v", err, resp)
	}
	resp.Body.Close()
	if _, err := f.svc.Sync(f.ctx); !apperr.Is(err, CodeAdminRejected) {
		t.Fatalf("err = %v; want %s", err, CodeAdminRejected)
	}
}

func TestSyncIfDue(t *testing.T) {
	org, _ := baseOrg(t, 1)
	f := newFixture(t, org)
	if did, err := f.svc.SyncIfDue(f.ctx); did || err != nil {
		t.Fatalf("not connected: %v %v", did, err)
	}
	f.connect()
	if did, err := f.svc.SyncIfDue(f.ctx); !did || err != nil {
		t.Fatalf("no snapshot yet: %v %v", did, err)
	}
	if did, _ := f.svc.SyncIfDue(f.ctx); did {
		t.Fatal("synced again with a fresh snapshot")
	}
	f.svc.opts.Now = func() time.Time { return t0.Add(SyncEvery) }
	if did, err := f.svc.SyncIfDue(f.ctx); !did || err != nil {
		t.Fatalf("a day-old snapshot: %v %v", did, err)
	}
}
