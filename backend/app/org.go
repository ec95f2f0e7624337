package app

import (
	"context"
	"fmt"
	"time"

	"steward/backend/apperr"
	"steward/backend/checks"
	"steward/backend/keys"
	"steward/backend/openai"
	"steward/backend/org"
	"steward/backend/usage"
)

// Org is the team's OpenAI organization through the Administration API:
// connecting an admin key, syncing the inventory, matching it to the key
// register, findings, revocation in OpenAI and the imported audit log.
// After anything that changes what the checks read, the checks that read
// the organization run again in the background.
type Org struct {
	c      *core
	checks *Checks
}

// newOrgService builds the organization service over the key register and
// the vault (which also keeps the admin key). Admin calls go to the base
// URL at the time of the call: OPENAI_BASE_URL where the front honours it,
// else the saved setting, else OpenAI's.
func (c *core) newOrgService() *org.Service {
	return org.New(c.store, c.keys, c.vault, org.Options{
		BaseURLOf: c.baseURL,
		Client:    []openai.Option{openai.WithObserver(c.observer())},
		Usage:     usage.NewSQLite(c.shared()),
		Log:       c.log.Logger,
		Now:       c.opts.Now,
	})
}

// Connection says whether and how Steward is connected.
func (o *Org) Connection(ctx context.Context) (org.Connection, error) { return o.c.org.Connection(ctx) }

// Connect checks the admin key with the API and keeps it in the vault.
func (o *Org) Connect(ctx context.Context, adminKey string) (org.Connection, error) {
	c, err := o.c.org.Connect(ctx, adminKey)
	if err == nil {
		o.changed(checks.SourceOrg)
	}
	return c, err
}

// Disconnect forgets the admin key; the last snapshot stays as history.
func (o *Org) Disconnect(ctx context.Context) error {
	err := o.c.org.Disconnect(ctx)
	if err == nil {
		o.changed(checks.SourceOrg)
	}
	return err
}

// Sync reads the whole organization, then imports the new audit-log events
// (the import's result is in the result's Audit).
func (o *Org) Sync(ctx context.Context) (org.SyncResult, error) {
	res, err := o.c.org.Sync(ctx)
	if err != nil {
		return res, err
	}
	defer o.changed(checks.SourceOrg)
	imp, err := o.c.org.ImportAudit(ctx)
	if err == nil {
		res.Audit = &imp
	}
	return res, err
}

// Snapshot is the last snapshot.
func (o *Org) Snapshot(ctx context.Context) (org.Snapshot, error) { return o.c.org.Snapshot(ctx) }

// Keys is the organization's key inventory with each key's local label.
func (o *Org) Keys(ctx context.Context) ([]org.KeyRow, error) { return o.c.org.Keys(ctx) }

// Ambiguities lists local keys that could be several organization keys.
func (o *Org) Ambiguities(ctx context.Context) ([]org.Ambiguity, error) {
	return o.c.org.Ambiguities(ctx)
}

// Choose links a local key to one of its candidates.
func (o *Org) Choose(ctx context.Context, label string, ref org.KeyRef) error {
	err := o.c.org.Choose(ctx, label, ref)
	if err == nil {
		o.changed(checks.SourceOrg)
	}
	return err
}

// PlanRevoke shows what revoking the target would call.
func (o *Org) PlanRevoke(ctx context.Context, t org.RevokeTarget) (org.RevokePlan, error) {
	return o.c.org.PlanRevoke(ctx, t)
}

// Revoke revokes the target in OpenAI (or rehearses it with DryRun).
func (o *Org) Revoke(ctx context.Context, t org.RevokeTarget, opts org.RevokeOptions) (org.RevokeResult, error) {
	res, err := o.c.org.Revoke(ctx, t, opts)
	if err == nil && !res.DryRun {
		o.changed(checks.SourceKeys, checks.SourceOrg)
	}
	return res, err
}

// Findings are the register's findings and, once connected, the
// organization's; a leak finding shows when its key was revoked in OpenAI.
func (o *Org) Findings(ctx context.Context) ([]keys.Finding, error) { return o.c.org.AllFindings(ctx) }

// ImportAudit imports new audit-log events.
func (o *Org) ImportAudit(ctx context.Context) (org.AuditImport, error) {
	return o.c.org.ImportAudit(ctx)
}

// Audit is the imported audit log, newest first: since an RFC 3339 time or
// a date ("" for all), of one type or family ("" for all), at most limit
// events (0: 1000).
func (o *Org) Audit(ctx context.Context, since, typ string, limit int) ([]org.AuditEvent, error) {
	q := org.AuditQuery{Type: typ, Limit: limit}
	if since != "" {
		t, err := ParseWhen(since)
		if err != nil {
			return nil, apperr.Text(apperr.Invalid, "org.audit",
				fmt.Sprintf("%q is not a date (YYYY-MM-DD) or an RFC 3339 time.", since),
				fmt.Sprintf("“%s”不是日期（YYYY-MM-DD）或 RFC 3339 时间。", since))
		}
		q.Since = t
	}
	return o.c.org.Audit(ctx, q)
}

// ParseWhen reads a date (YYYY-MM-DD, UTC) or an RFC 3339 time.
func ParseWhen(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}

// startup syncs the organization when its snapshot is older than
// org.SyncEvery, as an opened window does in the background.
func (o *Org) startup(ctx context.Context) {
	synced, err := o.c.org.SyncIfDue(ctx)
	if err == nil && synced {
		defer o.changed(checks.SourceOrg)
		_, err = o.c.org.ImportAudit(ctx)
	}
	if err != nil && ctx.Err() == nil {
		o.c.log.Warn("organization sync at startup", "error", err.Error())
	}
}

// changed runs the checks that read sources again, in the background.
func (o *Org) changed(sources ...string) {
	for _, s := range sources {
		o.c.sourceChanged(s)
	}
}
