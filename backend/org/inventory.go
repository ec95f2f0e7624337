package org

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"steward/backend/apperr"
	"steward/backend/keys"
)

// inventoryView is the snapshot read beside the register and matched.
type inventoryView struct {
	snap      Snapshot
	local     []keys.Key
	m         matching
	rows      []KeyRow
	ambiguous []Ambiguity
	revoked   []Revocation
}

// inventory matches the last snapshot against the register.
func (s *Service) inventory(ctx context.Context) (inventoryView, error) {
	var v inventoryView
	var err error
	if v.snap, err = s.Snapshot(ctx); err != nil {
		return v, err
	}
	if v.local, err = s.reg.Keys(ctx); err != nil {
		return v, fmt.Errorf("read the key register: %w", err)
	}
	hints, err := s.hints(ctx)
	if err != nil {
		return v, err
	}
	choices, err := s.choices(ctx)
	if err != nil {
		return v, err
	}
	if v.revoked, err = s.Revocations(ctx); err != nil {
		return v, err
	}
	v.m = match(v.local, v.snap.Keys, hints, choices)
	v.ambiguous = v.m.ambiguous
	now := s.now()
	for _, k := range v.snap.Keys {
		row := KeyRow{ProjectID: k.ProjectID, Project: k.Project, ID: k.ID, Name: k.Name, Redacted: k.Redacted,
			Owner: owner(k), CreatedAt: k.CreatedAt.Format(time.RFC3339), Status: StatusUnregistered}
		if k.LastUsedAt != nil {
			row.LastUsedAt = k.LastUsedAt.Format(time.RFC3339)
		}
		if lk, ok := v.m.byOrg[KeyRef{k.ProjectID, k.ID}]; ok {
			row.Label, row.Status = lk.Label, StatusRegistered
		}
		if stale(now, k) {
			row.Status = StatusStale
		}
		v.rows = append(v.rows, row)
	}
	for _, r := range v.revoked {
		v.rows = append(v.rows, KeyRow{ProjectID: r.ProjectID, Project: r.Project, ID: r.KeyID, Name: r.Name,
			Redacted: r.Redacted, Owner: r.Owner, Status: StatusRevoked, Label: r.Label})
	}
	return v, nil
}

// owner names a key's owner for people.
func owner(k OrgKey) string {
	switch {
	case k.OwnerType == "service_account":
		return "service account " + k.OwnerName
	case k.OwnerEmail != "":
		return k.OwnerEmail
	}
	return k.OwnerName
}

// stale reports whether k has gone StaleDays without use (counting from
// its creation when it was never used).
func stale(now time.Time, k OrgKey) bool {
	last := k.CreatedAt
	if k.LastUsedAt != nil {
		last = *k.LastUsedAt
	}
	return now.Sub(last) >= StaleDays*24*time.Hour
}

// Keys is the organization's key inventory from the last snapshot, each
// key with its status and the label of the local key it is linked to,
// followed by the keys Steward revoked in OpenAI.
func (s *Service) Keys(ctx context.Context) ([]KeyRow, error) {
	v, err := s.inventory(ctx)
	if err != nil {
		return nil, err
	}
	if v.rows == nil {
		v.rows = []KeyRow{}
	}
	return v.rows, nil
}

// Ambiguities lists local keys that could be any of several org keys.
func (s *Service) Ambiguities(ctx context.Context) ([]Ambiguity, error) {
	v, err := s.inventory(ctx)
	if err != nil {
		return nil, err
	}
	if v.ambiguous == nil {
		return []Ambiguity{}, nil
	}
	return v.ambiguous, nil
}

// Choose links the local key with label to the org key ref, settling an
// ambiguous match. The org key must be one of the key's candidates.
func (s *Service) Choose(ctx context.Context, label string, ref KeyRef) error {
	const op = "org.choose"
	v, err := s.inventory(ctx)
	if err != nil {
		return err
	}
	for _, a := range v.ambiguous {
		if !strings.EqualFold(a.Label, label) {
			continue
		}
		for _, c := range a.Candidates {
			if c == ref {
				return s.st.Write(ctx, func(tx *sql.Tx) error {
					_, err := tx.ExecContext(ctx, `INSERT INTO org_key_choices(local_key_id, project_id, org_key_id, chosen_at)
						VALUES (?,?,?,?) ON CONFLICT(local_key_id) DO UPDATE SET project_id = excluded.project_id,
						org_key_id = excluded.org_key_id, chosen_at = excluded.chosen_at`, a.LocalKeyID, ref.ProjectID, ref.KeyID, s.stamp())
					return err
				})
			}
		}
	}
	return apperr.Text(CodeBadChoice, op,
		fmt.Sprintf("Key %q has no open choice that includes %s in %s. Run steward org sync and look at the ambiguous matches again.", label, ref.KeyID, ref.ProjectID),
		fmt.Sprintf("密钥“%s”没有包含 %s（%s）的待选匹配。请运行 steward org sync 后重新查看有歧义的匹配。", label, ref.KeyID, ref.ProjectID))
}

// choices reads the links the user chose.
func (s *Service) choices(ctx context.Context) (map[int64]KeyRef, error) {
	out := map[int64]KeyRef{}
	err := s.scanAll(ctx, `SELECT local_key_id, project_id, org_key_id FROM org_key_choices`, func(r *sql.Rows) error {
		var id int64
		var ref KeyRef
		if err := r.Scan(&id, &ref.ProjectID, &ref.KeyID); err != nil {
			return err
		}
		out[id] = ref
		return nil
	})
	return out, err
}

func parseStamp(s string) (time.Time, error) { return time.Parse(time.RFC3339, s) }

// LinkedFingerprints maps each org key linked to a local key to that key's
// register fingerprint, for checks that join the organization with the
// register and the usage log.
func (s *Service) LinkedFingerprints(ctx context.Context) (map[KeyRef]string, error) {
	v, err := s.inventory(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[KeyRef]string, len(v.m.byOrg))
	for ref, k := range v.m.byOrg {
		out[ref] = k.Fingerprint
	}
	return out, nil
}
