package org

import (
	"fmt"
	"testing"
	"time"

	"steward/backend/openaitest"
)

func auditEvents(n int, from time.Time, prefix string) []openaitest.AuditEvent {
	var out []openaitest.AuditEvent
	types := []string{"api_key.created", "user.added", "project.updated", "login.failed"}
	for i := range n {
		out = append(out, openaitest.AuditEvent{ID: fmt.Sprintf("audit_log-%s%04d", prefix, i), Type: types[i%len(types)],
			EffectiveAt: from.Add(time.Duration(i/3) * time.Minute), ProjectID: "proj_alpha", ActorEmail: "ann@example.com",
			Object: fmt.Sprintf("obj_%s%d", prefix, i)})
	}
	return out
}

func TestAuditImportIsIncremental(t *testing.T) {
	org, _ := baseOrg(t, 1)
	org.AuditLog = auditEvents(250, t0.AddDate(0, 0, -3), "a")
	f := newFixture(t, org)
	f.connect()
	res, err := f.svc.ImportAudit(f.ctx)
	if err != nil || res.New != 250 || res.Read != 250 || res.LoggingOff {
		t.Fatalf("first import: %+v %v", res, err)
	}
	res, err = f.svc.ImportAudit(f.ctx)
	if err != nil || res.New != 0 || res.Read >= 250 {
		t.Fatalf("second import re-read everything or added duplicates: %+v %v", res, err)
	}
	f.srv.AddAuditEvents(auditEvents(7, t0.AddDate(0, 0, -1), "b")...)
	res, err = f.svc.ImportAudit(f.ctx)
	if err != nil || res.New != 7 {
		t.Fatalf("third import: %+v %v", res, err)
	}
	all, err := f.svc.Audit(f.ctx, AuditQuery{})
	if err != nil || len(all) != 257 {
		t.Fatalf("stored %d events: %v", len(all), err)
	}
	if !all[0].EffectiveAt.After(all[len(all)-1].EffectiveAt) {
		t.Fatal("the timeline is not newest first")
	}
	created, _ := f.svc.Audit(f.ctx, AuditQuery{Type: "api_key.created"})
	users, _ := f.svc.Audit(f.ctx, AuditQuery{Type: "user"})
	recent, _ := f.svc.Audit(f.ctx, AuditQuery{Since: t0.AddDate(0, 0, -2)})
	if len(created) != 65 || len(users) != 65 || len(recent) != 7 {
		t.Fatalf("filters: created %d, user.* %d, since %d", len(created), len(users), len(recent))
	}
	if created[0].Actor != "ann@example.com" || created[0].ProjectID != "proj_alpha" || created[0].ObjectID == "" {
		t.Fatalf("event: %+v", created[0])
	}
}

func TestAuditImportRecordsRevocations(t *testing.T) {
	org, vals := baseOrg(t, 2)
	f := newFixture(t, org)
	f.addLocal("Ann", "ann-laptop", vals[0])
	f.connect()
	f.sync()
	f.srv.AddAuditEvents(openaitest.AuditEvent{ID: "audit_log-login", Type: "login.failed", EffectiveAt: t0.Add(-time.Hour), ActorEmail: "ANN@example.com"})
	if _, err := f.svc.Revoke(f.ctx, RevokeTarget{Label: "ann-laptop"}, RevokeOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.ImportAudit(f.ctx); err != nil {
		t.Fatal(err)
	}
	evs, err := f.svc.Audit(f.ctx, AuditQuery{Type: "api_key.deleted"})
	if err != nil || len(evs) != 1 || evs[0].ObjectID != "key_a0000" || evs[0].Label != "ann-laptop" {
		t.Fatalf("the deletion in the audit log: %+v %v", evs, err)
	}
	logins, err := f.svc.Audit(f.ctx, AuditQuery{Type: "login"})
	if err != nil || len(logins) != 1 || logins[0].Member != "Ann" {
		t.Fatalf("the failed login is not linked to Ann: %+v %v", logins, err)
	}
}
