package openai

import (
	"context"
	"net/url"
	"time"

	goopenai "github.com/sashabaranov/go-openai"
)

// Client is the configured API client. Build one per configuration with
// New and share it; it is safe for concurrent use.
type Client struct {
	cfg  Config
	base *url.URL
	api  *goopenai.Client
	tr   *transport
}

// Option adjusts a Client.
type Option func(*options)

type options struct {
	retry    RetryPolicy
	limiter  *Limiter
	observer CallObserver
	now      func() time.Time
	sleep    func(context.Context, time.Duration) error
}

// WithRetryPolicy replaces DefaultRetryPolicy.
func WithRetryPolicy(p RetryPolicy) Option { return func(o *options) { o.retry = p } }

// WithLimiter makes every attempt wait on l first.
func WithLimiter(l *Limiter) Option { return func(o *options) { o.limiter = l } }

// WithObserver reports every attempt to obs.
func WithObserver(obs CallObserver) Option { return func(o *options) { o.observer = obs } }

// WithClock sets the clock used for latencies and header dates.
func WithClock(now func() time.Time) Option { return func(o *options) { o.now = now } }

// WithSleep sets how the client waits between attempts; tests pass one
// that records the wait and returns at once.
func WithSleep(sleep func(context.Context, time.Duration) error) Option {
	return func(o *options) { o.sleep = sleep }
}

// New checks cfg and builds a client.
func New(cfg Config, opts ...Option) (*Client, error) {
	base, err := cfg.validate()
	if err != nil {
		return nil, err
	}
	cfg.BaseURL = base.String()
	o := options{retry: DefaultRetryPolicy(), now: time.Now, sleep: sleepContext}
	for _, opt := range opts {
		opt(&o)
	}
	var gc goopenai.ClientConfig
	if cfg.Azure() {
		gc = goopenai.DefaultAzureConfig(cfg.APIKey, cfg.BaseURL)
		if cfg.APIVersion != "" {
			gc.APIVersion = cfg.APIVersion
		}
		cfg.APIVersion = gc.APIVersion
		if dep := cfg.AzureDeployment; dep != "" {
			gc.AzureModelMapperFunc = func(string) string { return dep }
		}
	} else {
		gc = goopenai.DefaultConfig(cfg.APIKey)
		gc.BaseURL = cfg.BaseURL
		gc.OrgID = cfg.Organization
	}
	tr := newTransport(cfg, base.Path, o)
	gc.HTTPClient = tr
	return &Client{cfg: cfg, base: base, api: goopenai.NewClientWithConfig(gc), tr: tr}, nil
}

// Config returns the client's configuration.
func (c *Client) Config() Config { return c.cfg }

// KeyFingerprint is the fingerprint of the client's key, as CallInfo
// carries it.
func (c *Client) KeyFingerprint() string { return c.tr.fingerprint }

// baseForUsers is the base URL as shown in messages, without any
// credentials it may hold.
func (c *Client) baseForUsers() string { return c.base.Redacted() }

// fail turns a call's error into the error users see.
func (c *Client) fail(op string, st *callState, err error) error {
	return userError(op, c.baseForUsers(), c.cfg.APIKey, st.last.RateLimit, fromGoOpenAI(err, c.cfg.APIKey))
}

// ListModels returns the ids of the models the key may use.
func (c *Client) ListModels(ctx context.Context) ([]string, CallInfo, error) {
	ctx, st := withCall(ctx, 0)
	list, err := c.api.ListModels(ctx)
	if err != nil {
		return nil, st.last, c.fail("openai.models", st, err)
	}
	ids := make([]string, len(list.Models))
	for i, m := range list.Models {
		ids[i] = m.ID
	}
	return ids, st.last, nil
}

// Chat sends a chat completion request through go-openai.
func (c *Client) Chat(ctx context.Context, req goopenai.ChatCompletionRequest) (goopenai.ChatCompletionResponse, CallInfo, error) {
	ctx, st := withCall(ctx, 0)
	resp, err := c.api.CreateChatCompletion(ctx, req)
	if err != nil {
		return goopenai.ChatCompletionResponse{}, st.last, c.fail("openai.chat", st, err)
	}
	return resp, st.last, nil
}
