package org

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"steward/backend/apperr"
	"steward/backend/keys"
)

func TestRevokeKey(t *testing.T) {
	org, vals := baseOrg(t, 3)
	f := newFixture(t, org)
	k := f.addLocal("Ann", "ann-laptop", vals[1])
	f.connect()
	f.sync()

	r, err := f.svc.Revoke(f.ctx, RevokeTarget{Label: "ann-laptop"}, RevokeOptions{DryRun: true})
	plan := r.Plan
	if err != nil {
		t.Fatal(err)
	}
	if plan.Method != http.MethodDelete || plan.Path != "/organization/projects/proj_alpha/api_keys/key_a0001" ||
		plan.Project != "Alpha" || plan.LocalKeyID != k.ID || !plan.InSnapshot {
		t.Fatalf("plan: %+v", plan)
	}
	for _, r := range f.srv.Requests() {
		if r.Method == http.MethodDelete {
			t.Fatal("a dry run called DELETE")
		}
	}
	if !f.srv.OrgKeyExists("proj_alpha", "key_a0001") {
		t.Fatal("the dry run revoked the key")
	}

	r, err = f.svc.Revoke(f.ctx, RevokeTarget{Label: "ann-laptop"}, RevokeOptions{})
	if err != nil || r.Revocation == nil || r.DryRun {
		t.Fatalf("revoke: %+v %v", r, err)
	}
	rev := *r.Revocation
	if err != nil {
		t.Fatal(err)
	}
	if f.srv.OrgKeyExists("proj_alpha", "key_a0001") {
		t.Fatal("the key is still in the organization")
	}
	if rev.Status != 200 || !strings.Contains(rev.Answer, "organization.project.api_key.deleted") || rev.At != t0.Format("2006-01-02T15:04:05Z07:00") {
		t.Fatalf("revocation: %+v", rev)
	}
	local, err := f.reg.Keys(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if local[0].Status != keys.StatusRevoked || local[0].RevokedAt != rev.At {
		t.Fatalf("local record: %+v", local[0])
	}
	evs, _ := f.reg.Events(f.ctx, "ann-laptop")
	if last := evs[len(evs)-1]; last.Event != keys.EventRevokedInOpenAI || !strings.Contains(last.Detail, "api_key.deleted") {
		t.Fatalf("audit trail: %+v", last)
	}
	rows, _ := f.svc.Keys(f.ctx)
	found := false
	for _, r := range rows {
		if r.ID == "key_a0001" {
			found = r.Status == StatusRevoked && r.Label == "ann-laptop"
		}
	}
	if !found {
		t.Fatalf("inventory does not show the key revoked: %+v", rows)
	}
	// Revoking it again by id: the API answers 404, which counts as revoked.
	r, err = f.svc.Revoke(f.ctx, RevokeTarget{ProjectID: "proj_alpha", KeyID: "key_a0001"}, RevokeOptions{})
	again := r.Revocation
	if err != nil || again == nil || again.Status != http.StatusNotFound || !strings.Contains(again.Answer, "already deleted") {
		t.Fatalf("second revoke: %+v %v", again, err)
	}
}

func TestRevokeServiceAccountKey(t *testing.T) {
	org, _ := baseOrg(t, 1)
	f := newFixture(t, org)
	f.connect()
	f.sync()
	target := RevokeTarget{ProjectID: "proj_alpha", KeyID: "key_ci"}
	plan, err := f.svc.PlanRevoke(f.ctx, target)
	if err != nil || plan.ServiceAccountName != "CI bot" || plan.Path != "/organization/projects/proj_alpha/service_accounts/svc_acct_ci" {
		t.Fatalf("plan: %+v %v", plan, err)
	}
	if _, err := f.svc.Revoke(f.ctx, target, RevokeOptions{}); !apperr.Is(err, CodeConfirmSA) {
		t.Fatalf("revoke without confirming: %v", err)
	} else if _, msg := apperr.Describe(err, "en"); !strings.Contains(msg, "CI bot") {
		t.Fatalf("the confirmation does not name the service account: %s", msg)
	}
	if !f.srv.OrgServiceAccountExists("proj_alpha", "svc_acct_ci") {
		t.Fatal("deleted without confirmation")
	}
	r, err := f.svc.Revoke(f.ctx, target, RevokeOptions{ConfirmServiceAccount: "CI bot"})
	if err != nil || r.Revocation == nil {
		t.Fatalf("revoke: %+v %v", r, err)
	}
	rev := r.Revocation
	if err != nil || rev.ServiceAccountID != "svc_acct_ci" || rev.Status != 200 {
		t.Fatalf("revoke: %+v %v", rev, err)
	}
	if f.srv.OrgServiceAccountExists("proj_alpha", "svc_acct_ci") || f.srv.OrgKeyExists("proj_alpha", "key_ci") {
		t.Fatal("the service account or its key is still there")
	}
	snap, _ := f.svc.Snapshot(f.ctx)
	for _, k := range snap.Keys {
		if k.ID == "key_ci" {
			t.Fatal("the snapshot still lists the service account's key")
		}
	}
}

func TestLeakFindingSaysRevokedInOpenAI(t *testing.T) {
	org, vals := baseOrg(t, 2)
	f := newFixture(t, org)
	k := f.addLocal("Ann", "ann-laptop", vals[0])
	f.leaks.m[k.Fingerprint] = keys.LeakRef{Where: "app/.env:3", FoundAt: t0.AddDate(0, 0, -1)}
	f.connect()
	f.sync()
	leak := func() keys.Finding {
		t.Helper()
		all, err := f.svc.AllFindings(f.ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, fd := range all {
			if fd.Kind == keys.FindingLeaked {
				return fd
			}
		}
		t.Fatalf("no leak finding in %v", kinds(all))
		return keys.Finding{}
	}
	if fd := leak(); fd.Severity != keys.SeverityCritical || strings.Contains(fd.Title.En, "revoked in OpenAI") {
		t.Fatalf("before revoking: %+v", fd)
	}
	if _, err := f.svc.Revoke(f.ctx, RevokeTarget{Label: "ann-laptop"}, RevokeOptions{}); err != nil {
		t.Fatal(err)
	}
	fd := leak()
	if !strings.Contains(fd.Title.En, "revoked in OpenAI at "+t0.Format(time.RFC3339)) || !strings.Contains(fd.Title.Zh, "在 OpenAI 吊销") {
		t.Fatalf("after revoking: %+v", fd.Title)
	}
}
