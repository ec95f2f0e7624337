package org

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"steward/backend/apperr"
	"steward/backend/keys"
)

// Kinds of organization finding, beside the register's own.
const (
	FindingUnregistered   = "org_unregistered"        // an org key with no local record
	FindingAmbiguous      = "org_ambiguous_match"     // a local key that could be several org keys
	FindingStale          = "org_stale"               // unused for StaleDays
	FindingOwnerLeft      = "org_owner_left"          // the key's owner is no longer in the organization
	FindingUserWithoutKey = "org_member_without_key"  // an organization member with no key of their own
	FindingSharedUse      = "org_shared_use"          // one key used by several members (usage log)
	FindingOtherAdminKey  = "org_admin_key"           // an admin key other than Steward's own
	FindingCreatedOutside = "org_key_created_outside" // api_key.created in the audit log, no local record
	FindingAuditOff       = "org_audit_logging_off"   // the organization keeps no audit log
)

// Findings are the organization's findings from the last snapshot and the
// imported audit log, in the register's Finding shape, most urgent first.
// There are none while Steward is not connected or has not synced.
func (s *Service) Findings(ctx context.Context) ([]keys.Finding, error) {
	conn, err := s.Connection(ctx)
	if err != nil || !conn.Connected {
		return []keys.Finding{}, err
	}
	v, err := s.inventory(ctx)
	if apperr.Is(err, CodeNoSnapshot) {
		return []keys.Finding{}, nil
	}
	if err != nil {
		return nil, err
	}
	now := s.now()
	out := keyFindings(now, v)
	out = append(out, peopleFindings(v)...)
	out = append(out, adminFindings(v.snap.AdminKeys)...)
	more, err := s.logFindings(ctx, v)
	if err != nil {
		return nil, err
	}
	out = append(out, more...)
	return sortFindings(now, out), nil
}

// AllFindings are the register's findings and, once connected, the
// organization's; a leak finding on a key Steward revoked in OpenAI says so.
func (s *Service) AllFindings(ctx context.Context) ([]keys.Finding, error) {
	local, err := s.reg.Findings(ctx)
	if err != nil {
		return nil, err
	}
	revs, err := s.Revocations(ctx)
	if err != nil {
		return nil, err
	}
	markRevoked(local, revs)
	orgs, err := s.Findings(ctx)
	if err != nil {
		return nil, err
	}
	return sortFindings(s.now(), append(local, orgs...)), nil
}

// markRevoked adds "revoked in OpenAI at …" to leak findings whose key
// Steward revoked in OpenAI.
func markRevoked(fs []keys.Finding, revs []Revocation) {
	at := map[int64]string{}
	for _, r := range revs {
		if r.LocalKeyID != 0 {
			at[r.LocalKeyID] = r.At
		}
	}
	for i, f := range fs {
		if f.Kind != keys.FindingLeaked || len(f.KeyIDs) == 0 || at[f.KeyIDs[0]] == "" {
			continue
		}
		when := at[f.KeyIDs[0]]
		fs[i].Title.En += " — revoked in OpenAI at " + when
		fs[i].Title.Zh += "——已于 " + when + " 在 OpenAI 吊销"
		fs[i].Severity = keys.SeverityLow
	}
}

func sortFindings(now time.Time, out []keys.Finding) []keys.Finding {
	stamp := now.Format(time.RFC3339)
	for i := range out {
		if out[i].ComputedAt == "" {
			out[i].ComputedAt = stamp
		}
	}
	slices.SortFunc(out, func(a, b keys.Finding) int {
		return cmp.Or(cmp.Compare(slices.Index(keys.Severities, a.Severity), slices.Index(keys.Severities, b.Severity)),
			cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.ID, b.ID))
	})
	if out == nil {
		out = []keys.Finding{}
	}
	return out
}

// finding starts a finding about one org key.
func finding(kind, severity string, k OrgKey, checklist ...string) keys.Finding {
	return keys.Finding{ID: kind + ":" + k.ProjectID + "/" + k.ID, Kind: kind, Severity: severity,
		Members: []string{}, Labels: []string{}, KeyIDs: []int64{}, Checklist: checklist}
}

// keyFindings: unregistered, ambiguous, stale and owner-left keys.
func keyFindings(now time.Time, v inventoryView) []keys.Finding {
	users := map[string]bool{}
	for _, u := range v.snap.Users {
		users[u.ID] = true
	}
	var out []keys.Finding
	for _, k := range v.snap.Keys {
		ref := KeyRef{k.ProjectID, k.ID}
		lk, linked := v.m.byOrg[ref]
		if !linked && !v.m.unsure[ref] {
			f := finding(FindingUnregistered, keys.SeverityHigh, k, "KH-01", "KH-09")
			f.Since = k.CreatedAt.Format(time.DateOnly)
			f.Title, f.Why, f.Fix = unregisteredText(k)
			out = append(out, f)
		}
		if stale(now, k) {
			f := finding(FindingStale, keys.SeverityMedium, k, "KH-06")
			if linked {
				f.Labels, f.KeyIDs, f.Members = []string{lk.Label}, []int64{lk.ID}, []string{lk.Member}
			}
			f.Title, f.Why, f.Fix = staleText(now, k)
			out = append(out, f)
		}
		if k.OwnerType == "user" && (k.OwnerAccess == "inactive" || !users[k.OwnerID]) {
			f := finding(FindingOwnerLeft, keys.SeverityHigh, k, "KH-08")
			f.Title, f.Why, f.Fix = ownerLeftText(k)
			out = append(out, f)
		}
	}
	for _, a := range v.ambiguous {
		f := keys.Finding{ID: FindingAmbiguous + ":" + fmt.Sprint(a.LocalKeyID), Kind: FindingAmbiguous, Severity: keys.SeverityLow,
			Labels: []string{a.Label}, KeyIDs: []int64{a.LocalKeyID}, Members: []string{}, Checklist: []string{"KH-09"}}
		var names []string
		for _, c := range a.Candidates {
			names = append(names, c.KeyID+" ("+c.ProjectID+")")
		}
		f.Title, f.Why, f.Fix = ambiguousText(a.Label, names)
		out = append(out, f)
	}
	return out
}

// peopleFindings: organization members who own no key.
func peopleFindings(v inventoryView) []keys.Finding {
	owns := map[string]bool{}
	for _, k := range v.snap.Keys {
		if k.OwnerType == "user" {
			owns[k.OwnerID] = true
		}
	}
	var out []keys.Finding
	for _, u := range v.snap.Users {
		if owns[u.ID] {
			continue
		}
		name := firstOf(u.Name, u.Email, u.ID)
		out = append(out, keys.Finding{ID: FindingUserWithoutKey + ":" + u.ID, Kind: FindingUserWithoutKey,
			Severity: keys.SeverityMedium, Members: []string{name}, Labels: []string{}, KeyIDs: []int64{},
			Checklist: []string{"KH-01"}, Title: userWithoutKeyTitle(name, u.Email)})
		out[len(out)-1].Why, out[len(out)-1].Fix = userWithoutKeyText(name)
	}
	return out
}

// adminFindings: admin keys other than the one Steward is connected with.
func adminFindings(admins []AdminKey) []keys.Finding {
	var out []keys.Finding
	for _, a := range admins {
		if a.Steward {
			continue
		}
		f := keys.Finding{ID: FindingOtherAdminKey + ":" + a.ID, Kind: FindingOtherAdminKey, Severity: keys.SeverityHigh,
			Members: []string{}, Labels: []string{}, KeyIDs: []int64{}, Checklist: []string{"KH-10"},
			Since: a.CreatedAt.Format(time.DateOnly)}
		if a.OwnerName != "" {
			f.Members = []string{a.OwnerName}
		}
		f.Title, f.Why, f.Fix = otherAdminText(a)
		out = append(out, f)
	}
	return out
}

// logFindings: keys created outside Steward (audit log), audit logging
// off, and keys several members used (usage log).
func (s *Service) logFindings(ctx context.Context, v inventoryView) ([]keys.Finding, error) {
	var out []keys.Finding
	off, _, err := s.auditState(ctx)
	if err != nil {
		return nil, fmt.Errorf("read the audit import state: %w", err)
	}
	if off {
		f := keys.Finding{ID: FindingAuditOff, Kind: FindingAuditOff, Severity: keys.SeverityMedium, Members: []string{},
			Labels: []string{}, KeyIDs: []int64{}, Checklist: []string{"KH-09"}}
		f.Title, f.Why, f.Fix = auditOffText()
		out = append(out, f)
	}
	created, err := s.Audit(ctx, AuditQuery{Type: "api_key.created", Limit: 100000})
	if err != nil {
		return nil, err
	}
	byID := map[string]OrgKey{}
	for _, k := range v.snap.Keys {
		byID[k.ID] = k
	}
	for _, e := range created {
		k, ok := byID[e.ObjectID]
		if !ok || v.m.taken(KeyRef{k.ProjectID, k.ID}) {
			continue
		}
		f := finding(FindingCreatedOutside, keys.SeverityMedium, k, "KH-01", "KH-09")
		f.ID = FindingCreatedOutside + ":" + e.ID
		f.Since = e.EffectiveAt.Format(time.DateOnly)
		f.Title, f.Why, f.Fix = createdOutsideText(k, e)
		out = append(out, f)
	}
	shared, err := s.sharedUse(ctx, v)
	return append(out, shared...), err
}

// sharedUse flags keys the usage log shows several members calling with.
func (s *Service) sharedUse(ctx context.Context, v inventoryView) ([]keys.Finding, error) {
	if s.opts.Usage == nil {
		return nil, nil
	}
	byKey, err := s.opts.Usage.MembersByKey(ctx)
	if err != nil {
		return nil, fmt.Errorf("read usage by key: %w", err)
	}
	labels := map[string]keys.Key{}
	for _, k := range v.local {
		if _, seen := labels[k.Fingerprint]; !seen || k.Current() {
			labels[k.Fingerprint] = k
		}
	}
	var out []keys.Finding
	for fp, members := range byKey {
		if len(members) < 2 || len(fp) < 12 {
			continue
		}
		slices.Sort(members)
		f := keys.Finding{ID: FindingSharedUse + ":" + fp[:12], Kind: FindingSharedUse, Severity: keys.SeverityHigh,
			Members: members, Labels: []string{}, KeyIDs: []int64{}, Checklist: []string{"KH-01", "KH-09"}}
		name := "fingerprint " + fp[:12]
		if k, ok := labels[fp]; ok {
			f.Labels, f.KeyIDs, name = []string{k.Label}, []int64{k.ID}, fmt.Sprintf("%q (%s)", k.Label, k.Redacted)
		}
		f.Title, f.Why, f.Fix = sharedUseText(name, strings.Join(members, ", "), strings.Join(members, "、"))
		out = append(out, f)
	}
	return out, nil
}
