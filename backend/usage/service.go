package usage

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"steward/backend/pii"
	"steward/backend/secret"
)

// Service answers every usage question for the GUI, the CLI and the
// gateway: it prices events and applies the body policy on their way into
// the Store, and reads reports, series, alerts and reconciliations out.
type Service struct {
	st        Store
	now       func() time.Time
	log       *slog.Logger
	keyLabels func(context.Context) (map[string]string, error)
}

// Options adjusts New; the zero value is the production setting.
type Options struct {
	Now func() time.Time // clock; time.Now by default
	Log *slog.Logger     // discarded when nil
	// KeyLabels maps key fingerprints to their labels in the key register,
	// so reports by key can name them; optional.
	KeyLabels func(ctx context.Context) (map[string]string, error)
}

// New returns the usage service over st.
func New(st Store, opts Options) *Service {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	return &Service{st: st, now: opts.Now, log: opts.Log, keyLabels: opts.KeyLabels}
}

// Store returns the store the service reads and writes.
func (s *Service) Store() Store { return s.st }

// Ping checks that the store's database answers, when the store can tell
// (a Writer keeps rows while it does not); nil otherwise.
func (s *Service) Ping(ctx context.Context) error {
	if p, ok := s.st.(Pinger); ok {
		return p.Ping(ctx)
	}
	return nil
}

// Insert prices events with the current table, keeps or drops their bodies
// as the policy says, and stores them. It is the Inserter to give a Writer.
func (s *Service) Insert(ctx context.Context, events []Event) error {
	pol, err := s.st.Policy(ctx)
	if err != nil {
		return err
	}
	prices, err := s.priceTable(ctx)
	if err != nil {
		return err
	}
	out := make([]Event, len(events))
	for i, e := range events {
		out[i] = s.prepare(e, pol.BodyLogging, prices)
	}
	return s.st.Insert(ctx, out)
}

// prepare fills what the caller may leave out and enforces the body policy.
// API keys are masked in bodies even when PII redaction is off.
func (s *Service) prepare(e Event, bl BodyLogging, prices PriceTable) Event {
	if e.Time.IsZero() {
		e.Time = s.now()
	}
	for _, n := range []*int64{&e.InputTokens, &e.CachedTokens, &e.OutputTokens, &e.ReasoningTokens} {
		if *n < 0 {
			*n = Unknown
		}
	}
	e.CostUSD = prices.Cost(e)
	e.BodyRedacted = false
	switch {
	case !bl.Enabled:
		e.RequestBody, e.ResponseBody = "", ""
	case bl.RedactPII:
		e.RequestBody, e.ResponseBody = redactBody(e.RequestBody, pii.RedactText), redactBody(e.ResponseBody, pii.RedactText)
		e.BodyRedacted = true
	default:
		e.RequestBody, e.ResponseBody = redactBody(e.RequestBody, secret.RedactKeys), redactBody(e.ResponseBody, secret.RedactKeys)
	}
	return e
}

// CutMark ends a body the gateway cut at its size cap.
const CutMark = "\n[… cut]"

// redactBody applies redact to a logged body and, when the body was cut at
// the cap, also redacts a key whose start is left at the cut.
func redactBody(body string, redact func(string) string) string {
	if body == "" {
		return body
	}
	if head, ok := strings.CutSuffix(body, CutMark); ok {
		return secret.RedactCut(redact(head)) + CutMark
	}
	return secret.RedactKeys(redact(body))
}

// Report sums usage per group; reports by key carry each key's label when
// the register or a reconciliation mapping knows it.
func (s *Service) Report(ctx context.Context, q Query) (Report, error) {
	rep, err := s.st.Report(ctx, q)
	if err != nil || rep.By != ByKey {
		return rep, err
	}
	labels, err := s.labels(ctx)
	if err != nil {
		return rep, err
	}
	for i := range rep.Rows {
		rep.Rows[i].Label = labels[rep.Rows[i].Group]
	}
	return rep, nil
}

// labels maps fingerprints to labels: the register's first, then the
// reconciliation mappings'.
func (s *Service) labels(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	maps, err := s.st.KeyMappings(ctx)
	if err != nil {
		return nil, err
	}
	for _, m := range maps {
		if m.Label != "" {
			out[m.KeyFingerprint] = m.Label
		}
	}
	if s.keyLabels != nil {
		reg, err := s.keyLabels(ctx)
		if err != nil {
			return nil, err
		}
		for fp, l := range reg {
			out[fp] = l
		}
	}
	return out, nil
}

// Series counts usage per day or hour between since and until, for charts.
func (s *Service) Series(ctx context.Context, since, until time.Time, bucket string) (Series, error) {
	return s.st.Series(ctx, SeriesQuery{Since: since, Until: until, Bucket: bucket})
}

// SeriesFor is Series for one source.
func (s *Service) SeriesFor(ctx context.Context, q SeriesQuery) (Series, error) {
	return s.st.Series(ctx, q)
}

// Policy returns the team's usage policy.
func (s *Service) Policy(ctx context.Context) (Policy, error) { return s.st.Policy(ctx) }

// SetPolicy checks and saves the policy, returning it as saved.
func (s *Service) SetPolicy(ctx context.Context, p Policy) (Policy, error) {
	if err := p.validate("usage.policy"); err != nil {
		return Policy{}, err
	}
	if err := s.st.SetPolicy(ctx, p, s.now()); err != nil {
		return Policy{}, err
	}
	s.log.Info("usage policy changed", "retention_days", p.RetentionDays, "body_logging", p.BodyLogging.Enabled,
		"body_retention_days", p.BodyLogging.RetentionDays, "redact_pii", p.BodyLogging.RedactPII)
	return s.st.Policy(ctx)
}

// Prune deletes events older than the policy's retention and bodies older
// than theirs; daily rollups are kept. Call it at startup and once a day.
func (s *Service) Prune(ctx context.Context) (Pruned, error) {
	pol, err := s.st.Policy(ctx)
	if err != nil {
		return Pruned{}, err
	}
	now := s.now()
	p, err := s.st.Prune(ctx, now.AddDate(0, 0, -pol.RetentionDays), now.AddDate(0, 0, -pol.BodyLogging.RetentionDays))
	if err == nil && (p.Events > 0 || p.Bodies > 0) {
		s.log.Info("usage pruned", "events", p.Events, "bodies", p.Bodies)
	}
	return p, err
}

// Bodies returns logged prompts and completions in [since, until), newest
// first, at most limit (100 when limit <= 0).
func (s *Service) Bodies(ctx context.Context, since, until time.Time, limit int) ([]Body, error) {
	if limit <= 0 {
		limit = 100
	}
	return s.st.Bodies(ctx, since, until, limit)
}
