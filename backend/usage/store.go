package usage

import (
	"context"
	"time"
)

// Inserter stores events. The Writer drains its queue into one; Service is
// the Inserter to give it, since it prices events and applies the body
// policy before they reach the Store.
type Inserter interface {
	Insert(ctx context.Context, events []Event) error
}

// Store keeps the usage log, its rollups and its settings. SQLite (the type)
// implements it over a store.Store of either engine: the desktop's SQLite
// file or a team's PostgreSQL database. Every method is safe for concurrent
// use, also from several processes on one PostgreSQL database.
type Store interface {
	// Insert stores events exactly as given (cost and bodies included) in
	// one transaction, with their daily rollups.
	Insert(ctx context.Context, events []Event) error
	// Report sums usage per group (see Query).
	Report(ctx context.Context, q Query) (Report, error)
	// Series counts usage per bucket, including empty buckets.
	Series(ctx context.Context, q SeriesQuery) (Series, error)
	// RateLimitedTimes returns when each HTTP 429 in [since, until) happened, oldest first.
	RateLimitedTimes(ctx context.Context, since, until time.Time) ([]time.Time, error)
	// KeyModelDays sums successful calls per UTC day, key and model, for reconciliation.
	KeyModelDays(ctx context.Context, since, until time.Time) ([]KeyModelDay, error)
	// Models lists every model the log has seen.
	Models(ctx context.Context) ([]string, error)
	// Bodies returns logged bodies in [since, until), newest first, at most limit.
	Bodies(ctx context.Context, since, until time.Time, limit int) ([]Body, error)
	// Prune deletes events before rowsBefore and bodies before bodiesBefore; rollups stay.
	Prune(ctx context.Context, rowsBefore, bodiesBefore time.Time) (Pruned, error)
	// Recompute re-prices the stored events and rollups of models (nil: all)
	// with prices, returning how many events changed.
	Recompute(ctx context.Context, prices PriceTable, models []string) (int64, error)

	// Policy returns the saved policy, or DefaultPolicy when none was saved.
	Policy(ctx context.Context) (Policy, error)
	SetPolicy(ctx context.Context, p Policy, at time.Time) error
	// PriceEdits returns the prices the team edited or added.
	PriceEdits(ctx context.Context) ([]Price, error)
	SetPriceEdit(ctx context.Context, p Price) error
	DeletePriceEdit(ctx context.Context, model string) error
	KeyMappings(ctx context.Context) ([]KeyMapping, error)
	SetKeyMapping(ctx context.Context, m KeyMapping) error
	DeleteKeyMapping(ctx context.Context, apiKeyID string) error
}

// KeyModelDay is local usage of one key and model on one UTC day.
type KeyModelDay struct {
	Day            string
	KeyFingerprint string
	Model          string
	Requests       int64 // successful calls only, as the usage API counts them
	InputTokens    int64
	OutputTokens   int64
}

// Body is a logged prompt and completion.
type Body struct {
	EventID  int64     `json:"event_id"`
	Time     time.Time `json:"time"`
	Member   string    `json:"member"`
	Endpoint string    `json:"endpoint"`
	Model    string    `json:"model"`
	Request  string    `json:"request"`
	Response string    `json:"response"`
	Redacted bool      `json:"redacted"` // personal data was replaced with placeholders
}

// Pruned says what a prune deleted.
type Pruned struct {
	Events int64 `json:"events"`
	Bodies int64 `json:"bodies"`
}

// KeyMapping says which local key an organization usage API key id is.
type KeyMapping struct {
	APIKeyID       string `json:"api_key_id"`      // as the usage API names it, e.g. "key_abc123"
	Label          string `json:"label"`           // the key's label in the register
	KeyFingerprint string `json:"key_fingerprint"` // hex SHA-256 of the key
	UpdatedAt      string `json:"updated_at"`
}
