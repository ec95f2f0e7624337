package org

import (
	"slices"
	"strings"
	"testing"

	"steward/backend/keys"
	"steward/backend/openaitest"
	"steward/backend/secret"
)

func kinds(fs []keys.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.ID)
	}
	return out
}

func hasKind(fs []keys.Finding, kind string) bool {
	return slices.ContainsFunc(fs, func(f keys.Finding) bool { return f.Kind == kind })
}

func hasFinding(fs []keys.Finding, kind, subject string) bool {
	return slices.ContainsFunc(fs, func(f keys.Finding) bool { return f.ID == kind+":"+subject })
}

func TestFindings(t *testing.T) {
	org, vals := baseOrg(t, 2)
	alpha := &org.Projects[0]
	alpha.Keys = append(alpha.Keys,
		openaitest.ProjectKey{ID: "key_old", Name: "old", Value: genKey(t, "sk-proj-"), OwnerUser: "user_ann",
			CreatedAt: t0.AddDate(-1, 0, 0), LastUsedAt: t0.AddDate(0, 0, -StaleDays-1)},
		openaitest.ProjectKey{ID: "key_gone", Name: "dan's", Value: genKey(t, "sk-proj-"), OwnerUser: "user_dan",
			CreatedAt: t0.AddDate(0, -3, 0), LastUsedAt: t0.AddDate(0, 0, -5)})
	org.Users = append(org.Users, openaitest.OrgUser{ID: "user_eve", Name: "Eve", Email: "eve@example.com", Role: "reader", AddedAt: t0})
	org.AdminKeys = []openaitest.OrgAdminKey{{ID: "key_steward", Name: "Steward", OwnerName: "Ann", CreatedAt: t0},
		{ID: "key_other_admin", Name: "script", Value: genKey(t, "sk-admin-"), OwnerName: "Bob", CreatedAt: t0.AddDate(0, -1, 0)}}
	org.AuditLog = []openaitest.AuditEvent{
		{ID: "audit_log-1", Type: "api_key.created", EffectiveAt: t0.AddDate(0, 0, -10), ProjectID: "proj_alpha", ActorEmail: "bob@example.com", Object: "key_a0001"},
		{ID: "audit_log-2", Type: "api_key.created", EffectiveAt: t0.AddDate(0, 0, -10), ProjectID: "proj_alpha", ActorEmail: "ann@example.com", Object: "key_a0000"},
	}
	f := newFixture(t, org)
	shared := f.addLocal("Ann", "ann-laptop", vals[0])
	f.usage.m[secret.Fingerprint(vals[0])] = []string{"Ann", "Bob"}
	f.connect()
	f.sync()
	if _, err := f.svc.ImportAudit(f.ctx); err != nil {
		t.Fatal(err)
	}
	fs, err := f.svc.Findings(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ kind, subject string }{
		{FindingUnregistered, "proj_alpha/key_a0001"},
		{FindingUnregistered, "proj_beta/key_bob"},
		{FindingStale, "proj_alpha/key_old"},
		{FindingOwnerLeft, "proj_alpha/key_gone"},
		{FindingUserWithoutKey, "user_eve"},
		{FindingSharedUse, secret.Fingerprint(vals[0])[:12]},
		{FindingOtherAdminKey, "key_other_admin"},
		{FindingCreatedOutside, "audit_log-1"},
	}
	for _, w := range want {
		if !hasFinding(fs, w.kind, w.subject) {
			t.Errorf("missing %s:%s in %v", w.kind, w.subject, kinds(fs))
		}
	}
	for _, not := range []struct{ kind, subject string }{
		{FindingUnregistered, "proj_alpha/key_a0000"}, // registered
		{FindingCreatedOutside, "audit_log-2"},        // created, then registered
		{FindingOtherAdminKey, "key_steward"},         // Steward's own
		{FindingUserWithoutKey, "user_ann"},
		{FindingStale, "proj_alpha/key_a0000"},
	} {
		if hasFinding(fs, not.kind, not.subject) {
			t.Errorf("unexpected %s:%s", not.kind, not.subject)
		}
	}
	for _, fd := range fs {
		for _, txt := range []keys.Text{fd.Title, fd.Why, fd.Fix} {
			if txt.En == "" || txt.Zh == "" || txt.En == txt.Zh {
				t.Errorf("%s lacks a text in both languages: %+v", fd.ID, txt)
			}
		}
		if fd.Kind == FindingSharedUse && (len(fd.Labels) != 1 || fd.Labels[0] != "ann-laptop" || fd.KeyIDs[0] != shared.ID) {
			t.Errorf("shared use names the key: %+v", fd)
		}
	}
	all, err := f.svc.AllFindings(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !hasKind(all, FindingUnregistered) || len(all) < len(fs) {
		t.Fatalf("AllFindings leaves out the organization's: %v", kinds(all))
	}
}

func TestFindingsAuditLoggingOff(t *testing.T) {
	org, _ := baseOrg(t, 1)
	org.AuditLoggingOff = true
	f := newFixture(t, org)
	f.connect()
	f.sync()
	res, err := f.svc.ImportAudit(f.ctx)
	if err != nil || !res.LoggingOff || !strings.Contains(res.HowToOn.En, "Audit logging") || res.HowToOn.Zh == "" {
		t.Fatalf("import: %+v %v", res, err)
	}
	fs, err := f.svc.Findings(f.ctx)
	if err != nil || !hasKind(fs, FindingAuditOff) {
		t.Fatalf("findings: %v %v", kinds(fs), err)
	}
}

func TestNoFindingsWhenNotConnected(t *testing.T) {
	org, _ := baseOrg(t, 1)
	f := newFixture(t, org)
	fs, err := f.svc.Findings(f.ctx)
	if err != nil || len(fs) != 0 {
		t.Fatalf("findings before connecting: %v %v", fs, err)
	}
}
