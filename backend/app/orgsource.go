package app

import (
	"context"
	"slices"
	"time"

	"steward/backend/apperr"
	"steward/backend/checks"
	"steward/backend/org"
)

// orgSource is the organization as the checks and the audit bundle read it
// (checks.OrgSnapshot): the last snapshot with each key's register
// fingerprint, and the imported audit log. Before a connection or a first
// sync it answers checks.ErrNotConnected.
type orgSource struct{ svc *org.Service }

// auditLimit bounds the events one read of the audit log returns.
const auditLimit = 1_000_000

// Snapshot returns the last synced state, or checks.ErrNotConnected.
func (s orgSource) Snapshot(ctx context.Context) (checks.OrgState, error) {
	if err := s.connected(ctx); err != nil {
		return checks.OrgState{}, err
	}
	snap, err := s.svc.Snapshot(ctx)
	if err != nil {
		return checks.OrgState{}, notConnected(err)
	}
	linked, err := s.svc.LinkedFingerprints(ctx)
	if err != nil {
		return checks.OrgState{}, notConnected(err)
	}
	st := checks.OrgState{SyncedAt: snap.SyncedAt, Keys: []checks.OrgKey{}, Users: []checks.OrgUser{}, SpendAlertsUSD: []float64{}}
	for _, k := range snap.Keys {
		ok := checks.OrgKey{ID: k.ID, Name: k.Name, RedactedValue: k.Redacted, Project: k.ProjectID, CreatedAt: k.CreatedAt,
			OwnerType: k.OwnerType, OwnerID: k.OwnerID, OwnerEmail: k.OwnerEmail,
			Fingerprint: linked[org.KeyRef{ProjectID: k.ProjectID, KeyID: k.ID}]}
		if k.LastUsedAt != nil {
			ok.LastUsedAt = *k.LastUsedAt
		}
		st.Keys = append(st.Keys, ok)
	}
	for _, u := range snap.Users {
		st.Users = append(st.Users, checks.OrgUser{ID: u.ID, Email: u.Email, Name: u.Name, Role: u.Role})
	}
	st.SpendLimitUSD, st.SpendAlertsUSD = spend(snap)
	return st, nil
}

// AuditLog returns the imported audit-log events since a time, oldest
// first, or checks.ErrNotConnected.
func (s orgSource) AuditLog(ctx context.Context, since time.Time) ([]checks.OrgAuditEvent, error) {
	if err := s.connected(ctx); err != nil {
		return nil, err
	}
	evs, err := s.svc.Audit(ctx, org.AuditQuery{Since: since, Limit: auditLimit})
	if err != nil {
		return nil, notConnected(err)
	}
	out := make([]checks.OrgAuditEvent, 0, len(evs))
	for _, e := range slices.Backward(evs) {
		out = append(out, checks.OrgAuditEvent{ID: e.ID, Type: e.Type, At: e.EffectiveAt, Actor: e.Actor, About: e.ObjectID})
	}
	return out, nil
}

// connected is checks.ErrNotConnected while no admin key is connected: a
// snapshot kept after a disconnect is history, not the organization now.
func (s orgSource) connected(ctx context.Context) error {
	c, err := s.svc.Connection(ctx)
	if err != nil {
		return notConnected(err)
	}
	if !c.Connected {
		return checks.ErrNotConnected
	}
	return nil
}

// notConnected maps "not connected" and "no snapshot yet" to
// checks.ErrNotConnected (compared by identity by the checks).
func notConnected(err error) error {
	if apperr.Is(err, org.CodeNotConnected) || apperr.Is(err, org.CodeNoSnapshot) {
		return checks.ErrNotConnected
	}
	return err
}

// spend is the monthly spend limit and the alert thresholds: the
// organization's limit, else the sum of the projects' when every project
// has one; the organization's and every active project's alerts.
func spend(snap org.Snapshot) (float64, []float64) {
	alerts := []float64{}
	for _, a := range snap.Settings.SpendAlerts {
		alerts = append(alerts, usd(a.Amount))
	}
	var limit float64
	capped := len(snap.Projects) > 0
	for _, p := range snap.Projects {
		if p.Status == "archived" {
			continue
		}
		for _, a := range p.Settings.SpendAlerts {
			alerts = append(alerts, usd(a.Amount))
		}
		if p.Settings.SpendLimit == nil || p.Settings.SpendLimit.Amount <= 0 {
			capped = false
		} else {
			limit += usd(p.Settings.SpendLimit.Amount)
		}
	}
	if l := snap.Settings.SpendLimit; l != nil && l.Amount > 0 {
		return usd(l.Amount), alerts
	}
	if !capped {
		limit = 0
	}
	return limit, alerts
}

// usd is an amount in cents (as the API gives spend limits and alerts) in dollars.
func usd(cents int) float64 { return float64(cents) / 100 }
