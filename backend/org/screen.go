package org

import (
	"context"
	"fmt"
	"time"

	"steward/backend/apperr"

	"steward/backend/keys"
)

// Screen is the organization service as the desktop window binds it: the
// same methods without the context, which comes from the app. (Once the
// application layer injects contexts, Service is bound directly.)
type Screen struct {
	s   *Service
	ctx func() context.Context
}

// NewScreen binds s with the app's context.
func NewScreen(s *Service, ctx func() context.Context) *Screen { return &Screen{s: s, ctx: ctx} }

// Connection says whether and how Steward is connected.
func (sc *Screen) Connection() (Connection, error) { return sc.s.Connection(sc.ctx()) }

// Connect checks and keeps the admin key.
func (sc *Screen) Connect(adminKey string) (Connection, error) {
	return sc.s.Connect(sc.ctx(), adminKey)
}

// Disconnect forgets the admin key.
func (sc *Screen) Disconnect() error { return sc.s.Disconnect(sc.ctx()) }

// Sync reads the organization and imports the audit log.
func (sc *Screen) Sync() (SyncResult, error) {
	res, err := sc.s.Sync(sc.ctx())
	if err != nil {
		return res, err
	}
	_, err = sc.s.ImportAudit(sc.ctx())
	return res, err
}

// Snapshot is the last snapshot.
func (sc *Screen) Snapshot() (Snapshot, error) { return sc.s.Snapshot(sc.ctx()) }

// Keys is the key inventory.
func (sc *Screen) Keys() ([]KeyRow, error) { return sc.s.Keys(sc.ctx()) }

// Ambiguities lists local keys that could be several org keys.
func (sc *Screen) Ambiguities() ([]Ambiguity, error) { return sc.s.Ambiguities(sc.ctx()) }

// Choose links a local key to one of its candidates.
func (sc *Screen) Choose(label string, ref KeyRef) error { return sc.s.Choose(sc.ctx(), label, ref) }

// PlanRevoke shows what revoking the target would call.
func (sc *Screen) PlanRevoke(t RevokeTarget) (RevokePlan, error) { return sc.s.PlanRevoke(sc.ctx(), t) }

// Revoke revokes the target in OpenAI.
func (sc *Screen) Revoke(t RevokeTarget, o RevokeOptions) (RevokeResult, error) {
	return sc.s.Revoke(sc.ctx(), t, o)
}

// Findings are the register's findings and the organization's, so a leak
// finding shows when its key was revoked in OpenAI.
func (sc *Screen) Findings() ([]keys.Finding, error) { return sc.s.AllFindings(sc.ctx()) }

// ImportAudit imports new audit log events.
func (sc *Screen) ImportAudit() (AuditImport, error) { return sc.s.ImportAudit(sc.ctx()) }

// Audit is the imported audit log, newest first: since an RFC 3339 time or
// a date ("" for all), of one type or family ("" for all).
func (sc *Screen) Audit(since, typ string, limit int) ([]AuditEvent, error) {
	q := AuditQuery{Type: typ, Limit: limit}
	if since != "" {
		t, err := time.Parse(time.RFC3339, since)
		if err != nil {
			if t, err = time.Parse(time.DateOnly, since); err != nil {
				return nil, apperr.Text(apperr.Invalid, "org.audit", fmt.Sprintf("%q is not a date.", since), fmt.Sprintf("“%s”不是日期。", since))
			}
		}
		q.Since = t
	}
	return sc.s.Audit(sc.ctx(), q)
}
