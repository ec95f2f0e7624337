package org

import "time"

// Key statuses in the inventory.
const (
	StatusRegistered   = "registered"   // linked to a current key in the register
	StatusUnregistered = "unregistered" // no local record
	StatusStale        = "stale"        // unused for StaleDays
	StatusRevoked      = "revoked"      // revoked in OpenAI by Steward
)

// StaleDays is how long a key may go unused before it is stale.
const StaleDays = 90

// SyncEvery is how old a snapshot may get before the app syncs at start.
const SyncEvery = 24 * time.Hour

// Connection is the organization Steward is connected to, if any.
type Connection struct {
	Connected   bool   `json:"connected"`
	Redacted    string `json:"redacted"` // the admin key, redacted
	BaseURL     string `json:"base_url"`
	ConnectedAt string `json:"connected_at"`
	AdminKeyID  string `json:"admin_key_id"` // Steward's own admin key in the organization, once known
	SyncedAt    string `json:"synced_at"`    // "" before the first sync
	SyncDue     bool   `json:"sync_due"`     // no snapshot, or one older than SyncEvery
}

// Project is a project with its settings.
type Project struct {
	ID        string          `json:"id"`
	Name      string          `json:"name"`
	Status    string          `json:"status"`
	CreatedAt time.Time       `json:"created_at"`
	Settings  ProjectSettings `json:"settings"`
}

// ProjectSettings are the settings the Administration API reads per project.
type ProjectSettings struct {
	RateLimits    []RateLimit     `json:"rate_limits"`
	DataRetention string          `json:"data_retention"`
	ModelMode     string          `json:"model_mode"` // allow_list or deny_list
	ModelIDs      []string        `json:"model_ids"`
	HostedTools   map[string]bool `json:"hosted_tools"` // tool -> enabled
	SpendLimit    *SpendLimit     `json:"spend_limit"`  // nil: none set
	SpendAlerts   []SpendAlert    `json:"spend_alerts"`
	Unavailable   []string        `json:"unavailable,omitempty"` // settings the API would not show (403/404)
}

// OrgSettings are the organization-wide settings.
type OrgSettings struct {
	DataRetention string       `json:"data_retention"`
	SpendLimit    *SpendLimit  `json:"spend_limit"`
	SpendAlerts   []SpendAlert `json:"spend_alerts"`
	Unavailable   []string     `json:"unavailable,omitempty"`
}

// RateLimit is one model's rate limit in a project.
type RateLimit struct {
	Model             string `json:"model"`
	RequestsPerMinute int    `json:"max_requests_per_1_minute"`
	TokensPerMinute   int    `json:"max_tokens_per_1_minute"`
	ImagesPerMinute   int    `json:"max_images_per_1_minute,omitempty"`
	RequestsPerDay    int    `json:"max_requests_per_1_day,omitempty"`
}

// SpendLimit is a hard spend limit.
type SpendLimit struct {
	Amount      int    `json:"threshold_amount"`
	Currency    string `json:"currency"`
	Interval    string `json:"interval"`
	Enforcement string `json:"enforcement"`
}

// SpendAlert is an emailed spend alert.
type SpendAlert struct {
	ID         string   `json:"id"`
	Amount     int      `json:"threshold_amount"`
	Currency   string   `json:"currency"`
	Interval   string   `json:"interval"`
	Recipients []string `json:"recipients"`
}

// OrgKey is a project API key as the API shows it.
type OrgKey struct {
	ProjectID   string     `json:"project_id"`
	Project     string     `json:"project"`
	ID          string     `json:"id"`
	Name        string     `json:"name"`
	Redacted    string     `json:"redacted"`
	OwnerType   string     `json:"owner_type"` // user or service_account
	OwnerID     string     `json:"owner_id"`
	OwnerName   string     `json:"owner_name"`
	OwnerEmail  string     `json:"owner_email"`
	OwnerAccess string     `json:"owner_access"` // active or inactive
	CreatedAt   time.Time  `json:"created_at"`
	LastUsedAt  *time.Time `json:"last_used_at"`
}

// ServiceAccount is a project's service account.
type ServiceAccount struct {
	ProjectID string    `json:"project_id"`
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Role      string    `json:"role"`
	CreatedAt time.Time `json:"created_at"`
}

// User is a member of the organization.
type User struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Email   string    `json:"email"`
	Role    string    `json:"role"`
	AddedAt time.Time `json:"added_at"`
}

// Invite is a pending or past invitation.
type Invite struct {
	ID        string     `json:"id"`
	Email     string     `json:"email"`
	Role      string     `json:"role"`
	Status    string     `json:"status"`
	CreatedAt time.Time  `json:"created_at"`
	ExpiresAt *time.Time `json:"expires_at"`
}

// AdminKey is an organization admin key.
type AdminKey struct {
	ID         string     `json:"id"`
	Name       string     `json:"name"`
	Redacted   string     `json:"redacted"`
	OwnerID    string     `json:"owner_id"`
	OwnerName  string     `json:"owner_name"`
	CreatedAt  time.Time  `json:"created_at"`
	ExpiresAt  *time.Time `json:"expires_at"`
	LastUsedAt *time.Time `json:"last_used_at"`
	Steward    bool       `json:"steward"` // the key Steward is connected with
}

// Snapshot is everything one sync read.
type Snapshot struct {
	SyncedAt        time.Time        `json:"synced_at"`
	Projects        []Project        `json:"projects"`
	Keys            []OrgKey         `json:"keys"`
	ServiceAccounts []ServiceAccount `json:"service_accounts"`
	Users           []User           `json:"users"`
	Invites         []Invite         `json:"invites"`
	AdminKeys       []AdminKey       `json:"admin_keys"`
	Settings        OrgSettings      `json:"settings"`
}

// SyncResult sums up a sync.
type SyncResult struct {
	SyncedAt        time.Time `json:"synced_at"`
	Projects        int       `json:"projects"`
	Keys            int       `json:"keys"`
	ServiceAccounts int       `json:"service_accounts"`
	Users           int       `json:"users"`
	Invites         int       `json:"invites"`
	AdminKeys       int       `json:"admin_keys"`
	Registered      int       `json:"registered"`
	Unregistered    int       `json:"unregistered"`
	Ambiguous       int       `json:"ambiguous"`
	Calls           int       `json:"calls"` // API requests made, retries included
	// Audit is the audit-log import that followed the sync, when one did
	// (the application layer's Sync imports the audit log too).
	Audit *AuditImport `json:"audit,omitempty"`
}

// KeyRow is one line of the key inventory, as `steward org keys` prints it.
type KeyRow struct {
	ProjectID  string `json:"project_id"`
	Project    string `json:"project"`
	ID         string `json:"id"`
	Name       string `json:"name"`
	Redacted   string `json:"redacted"`
	Owner      string `json:"owner"`
	CreatedAt  string `json:"created_at"`
	LastUsedAt string `json:"last_used_at"` // "" when never used
	Status     string `json:"status"`
	Label      string `json:"label"` // the linked local key's label
}

// KeyRef names an org key.
type KeyRef struct {
	ProjectID string `json:"project_id"`
	KeyID     string `json:"key_id"`
}

// Ambiguity is a local key that could be any of several org keys; the user
// picks one with Choose.
type Ambiguity struct {
	LocalKeyID int64    `json:"local_key_id"`
	Label      string   `json:"label"`
	Candidates []KeyRef `json:"candidates"`
}
