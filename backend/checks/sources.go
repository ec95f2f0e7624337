package checks

import (
	"context"
	"errors"
	"time"

	"steward/backend/gateway"
	"steward/backend/keys"
	"steward/backend/leakscan"
	"steward/backend/moderation"
	"steward/backend/privacy"
	"steward/backend/usage"
)

// Sources are the services the checks read, each through the few methods it
// needs. A nil source makes the checks that need it answer "unknown".
type Sources struct {
	Keys            KeyRegister
	Leaks           LeakScans
	Gateway         GatewayPolicies
	Usage           UsageLog
	Reconciliations Reconciliations
	Moderation      ModerationRuns
	Privacy         PrivacyDrafts
	Org             OrgSnapshot
	Providers       ProviderDrill
}

// KeyRegister is the key register (keys.Register satisfies it).
type KeyRegister interface {
	Keys(ctx context.Context) ([]keys.Key, error)
	Members(ctx context.Context) ([]keys.Member, error)
	Findings(ctx context.Context) ([]keys.Finding, error)
	Policies(ctx context.Context) ([]keys.Policy, error)
}

// LeakScans are the saved leak scans (leakscan.Store satisfies it).
type LeakScans interface {
	LastCompletedScans(ctx context.Context) ([]leakscan.ScanSummary, error)
	Findings(ctx context.Context, scanID int64) ([]leakscan.LeakFinding, error)
}

// GatewayPolicies are the gateway's per-member policies (gateway.Access satisfies it).
type GatewayPolicies interface {
	Policies(ctx context.Context) ([]gateway.Policy, error)
}

// UsageLog is the usage log, its settings and alerts (usage.Service satisfies it).
type UsageLog interface {
	Report(ctx context.Context, q usage.Query) (usage.Report, error)
	Policy(ctx context.Context) (usage.Policy, error)
	Alerts(ctx context.Context, now time.Time) ([]usage.Alert, error)
	Bodies(ctx context.Context, since, until time.Time, limit int) ([]usage.Body, error)
}

// Reconciliations remembers the last reconciliation of the usage log with
// the organization's Usage API. Nothing stores one yet: the application
// layer wires it when reconciliations are kept.
type Reconciliations interface {
	// LastReconciliation returns the newest reconciliation and when it ran;
	// ok is false when none has run.
	LastReconciliation(ctx context.Context) (r usage.Reconciliation, at time.Time, ok bool, err error)
}

// ModerationRuns are moderation suites and runs (moderation.Service satisfies it).
type ModerationRuns interface {
	ListSuites() ([]moderation.Suite, error)
	ListRuns(suiteID int64) ([]moderation.Run, error)
}

// PrivacyDrafts are the saved privacy-policy drafts (privacy.Service satisfies it).
type PrivacyDrafts interface {
	Drafts(ctx context.Context) ([]privacy.DraftSummary, error)
	DraftByID(ctx context.Context, id int64) (privacy.SavedDraft, error)
}

// ErrNotConnected is what an OrgSnapshot or ProviderDrill returns when the
// team has not connected it; checks then answer "unknown: not connected".
var ErrNotConnected = errors.New("not connected")

// OrgSnapshot is the OpenAI organization as last synced through the
// Administration API (package org, wired by the application layer).
type OrgSnapshot interface {
	// Snapshot returns the last synced state, or ErrNotConnected.
	Snapshot(ctx context.Context) (OrgState, error)
	// AuditLog returns the organization's audit-log events since a time,
	// oldest first, or ErrNotConnected.
	AuditLog(ctx context.Context, since time.Time) ([]OrgAuditEvent, error)
}

// OrgState is one sync of the organization: its keys, people and spend settings.
type OrgState struct {
	SyncedAt time.Time `json:"synced_at"`
	Keys     []OrgKey  `json:"keys"`
	Users    []OrgUser `json:"users"`
	// SpendLimitUSD is the organization's or project's monthly budget; 0 is none.
	SpendLimitUSD float64 `json:"spend_limit_usd"`
	// SpendAlertsUSD are the thresholds that send an email alert.
	SpendAlertsUSD []float64 `json:"spend_alerts_usd"`
}

// OrgKey is one API key of the organization, never its value.
type OrgKey struct {
	ID            string    `json:"id"`
	Name          string    `json:"name"`
	RedactedValue string    `json:"redacted_value"` // as the API shows it, e.g. "sk-abc...xyz"
	Project       string    `json:"project"`
	CreatedAt     time.Time `json:"created_at"`
	LastUsedAt    time.Time `json:"last_used_at"` // zero when never used
	OwnerType     string    `json:"owner_type"`   // "user" or "service_account"
	OwnerID       string    `json:"owner_id"`
	OwnerEmail    string    `json:"owner_email"` // for user-owned keys
	// Fingerprint is the key register's fingerprint of the same key when the
	// sync matched it; empty when unmatched.
	Fingerprint string `json:"fingerprint"`
}

// OrgUser is one person in the organization.
type OrgUser struct {
	ID    string `json:"id"`
	Email string `json:"email"`
	Name  string `json:"name"`
	Role  string `json:"role"`
}

// OrgAuditEvent is one entry of the organization's audit log.
type OrgAuditEvent struct {
	ID    string    `json:"id"`
	Type  string    `json:"type"` // e.g. "api_key.created"
	At    time.Time `json:"at"`
	Actor string    `json:"actor"` // email or key id
	About string    `json:"about"` // the object's id
}

// ProviderDrill is the gateway's list of fallback providers and its
// fail-over drill (wired by the application layer).
type ProviderDrill interface {
	// Providers lists the configured providers in failover order, or ErrNotConnected.
	Providers(ctx context.Context) ([]Provider, error)
	// LastDrill returns the newest drill; ok is false when none has run.
	LastDrill(ctx context.Context) (d Drill, ok bool, err error)
}

// Provider is one OpenAI-compatible provider the gateway can send calls to.
type Provider struct {
	Name     string `json:"name"`
	BaseURL  string `json:"base_url"`
	Primary  bool   `json:"primary"`
	Position int    `json:"position"`
}

// Drill is one test of failing over to the fallback providers.
type Drill struct {
	At       time.Time `json:"at"`
	OK       bool      `json:"ok"`
	Provider string    `json:"provider"` // the fallback that answered
	Detail   string    `json:"detail"`
}
