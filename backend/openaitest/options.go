package openaitest

import "time"

// Option configures a Server.
type Option func(*config)

type config struct {
	keys    map[string]bool // nil: any non-empty key is accepted
	revoked map[string]bool
	limits  RateLimits
	now     func() time.Time
	models  []string
	reply   func(prompt string) string
	usage   []UsageRecord
	org     Org // the Administration API's organization (org.go)
}

func defaultConfig() config {
	return config{
		revoked: map[string]bool{},
		now:     time.Now,
		models: []string{
			"gpt-4o-mini", "gpt-4o", "gpt-4.1", "gpt-5.4", "omni-moderation-latest",
			"omni-moderation-2024-09-26", "text-moderation-latest", "text-moderation-stable", "text-moderation-007",
			"text-embedding-3-small", "text-embedding-3-large", "text-embedding-ada-002",
		},
		reply: func(prompt string) string { return "You said: " + prompt },
	}
}

// WithKeys accepts only these API keys; others get 401 invalid_api_key.
// Without it any non-empty key is accepted.
func WithKeys(keys ...string) Option {
	return func(c *config) {
		if c.keys == nil {
			c.keys = map[string]bool{}
		}
		for _, k := range keys {
			c.keys[k] = true
		}
	}
}

// WithRevokedKeys answers these keys with the 401 the API gives a key that
// has been revoked or invalidated (code invalid_authentication).
func WithRevokedKeys(keys ...string) Option {
	return func(c *config) {
		for _, k := range keys {
			c.revoked[k] = true
		}
	}
}

// RateLimits is a per-minute budget, as on an OpenAI usage tier. Zero
// means unlimited.
type RateLimits struct {
	RequestsPerMinute int
	TokensPerMinute   int
}

// WithRateLimits answers 429 once the budget is spent. Budgets refill
// continuously, as OpenAI's do.
func WithRateLimits(l RateLimits) Option { return func(c *config) { c.limits = l } }

// WithClock sets the clock the rate limiter, timestamps and usage buckets
// use.
func WithClock(now func() time.Time) Option { return func(c *config) { c.now = now } }

// WithModels sets the models /models lists and the endpoints accept.
func WithModels(ids ...string) Option {
	return func(c *config) { c.models = append([]string(nil), ids...) }
}

// WithReply sets how chat and responses answer, from the last user text.
func WithReply(f func(prompt string) string) Option { return func(c *config) { c.reply = f } }

// WithUsage preloads usage the organization usage endpoint reports, besides
// the calls the server itself answers.
func WithUsage(records ...UsageRecord) Option {
	return func(c *config) { c.usage = append(c.usage, records...) }
}
