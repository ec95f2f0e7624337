package usage

import (
	"context"
	"net/http"
	"strings"
	"time"

	"steward/backend/apperr"
)

// AdminAccess hands Reconcile what it needs to read organization usage:
// an HTTP client, the API base URL and the admin key (from the keychain;
// the usage package never stores it).
type AdminAccess func(ctx context.Context) (client *http.Client, baseURL, adminKey string, err error)

// Screen is the usage service as the GUI's Usage screen calls it: the same
// methods without a context (Wails binds plain values), with periods as the
// strings the date pickers give (see ParseRange).
type Screen struct {
	svc   *Service
	w     *Writer
	ctx   func() context.Context
	admin AdminAccess
}

// NewScreen wraps the service for binding. w (optional) supplies Stats;
// ctx supplies the context each call runs under (the app's, so calls stop
// at shutdown), or Background; admin (optional) enables Reconcile.
func NewScreen(svc *Service, w *Writer, ctx func() context.Context, admin AdminAccess) *Screen {
	if ctx == nil {
		ctx = context.Background
	}
	return &Screen{svc: svc, w: w, ctx: ctx, admin: admin}
}

// ReportRequest is a report as the screen asks for it.
type ReportRequest struct {
	Since  string `json:"since"` // YYYY-MM-DD or RFC 3339; "" for 30 days before Until
	Until  string `json:"until"` // YYYY-MM-DD (inclusive) or RFC 3339; "" for today
	By     string `json:"by"`
	Source string `json:"source"`
}

// Report sums usage per group over a period.
func (s *Screen) Report(req ReportRequest) (Report, error) {
	since, until, err := ParseRange(req.Since, req.Until, s.svc.now())
	if err != nil {
		return Report{}, err
	}
	return s.svc.Report(s.ctx(), Query{Since: since, Until: until, By: req.By, Source: req.Source})
}

// ExportReport writes a report to path in format (table, csv, json, html)
// and lang (en, zh-CN).
func (s *Screen) ExportReport(req ReportRequest, format, lang, path string) error {
	if strings.TrimSpace(path) == "" {
		return apperr.New(apperr.Invalid, "usage.export", "what", "The file name", "why", "it is empty")
	}
	return s.svc.RunReport(s.ctx(), ReportOptions{Since: req.Since, Until: req.Until, By: req.By,
		Source: req.Source, Format: format, Lang: lang, Out: path}, nil)
}

// Series counts usage per day or hour over a period, for the chart.
func (s *Screen) Series(since, until, bucket string) (Series, error) {
	from, to, err := ParseRange(since, until, s.svc.now())
	if err != nil {
		return Series{}, err
	}
	return s.svc.Series(s.ctx(), from, to, bucket)
}

// Alerts checks the log as of now.
func (s *Screen) Alerts() ([]Alert, error) { return s.svc.Alerts(s.ctx(), s.svc.now()) }

// Prices lists the price table.
func (s *Screen) Prices() (PriceList, error) { return s.svc.Prices(s.ctx()) }

// SetPrice saves a model's price and re-prices the usage it changes.
func (s *Screen) SetPrice(p Price) (PriceList, error) { return s.svc.SetPrice(s.ctx(), p) }

// ResetPrice goes back to the shipped price for a model.
func (s *Screen) ResetPrice(model string) (PriceList, error) { return s.svc.ResetPrice(s.ctx(), model) }

// UnpricedModels lists logged models without a price.
func (s *Screen) UnpricedModels() ([]string, error) { return s.svc.UnpricedModels(s.ctx()) }

// Policy returns the retention, body logging, budget and alert settings.
func (s *Screen) Policy() (Policy, error) { return s.svc.Policy(s.ctx()) }

// SetPolicy saves the settings.
func (s *Screen) SetPolicy(p Policy) (Policy, error) { return s.svc.SetPolicy(s.ctx(), p) }

// DefaultPolicy returns the settings a new install has, for a reset button.
func (s *Screen) DefaultPolicy() Policy { return DefaultPolicy() }

// Stats reports the usage writer's queue and counters.
func (s *Screen) Stats() Stats {
	if s.w == nil {
		return Stats{}
	}
	return s.w.Stats()
}

// Bodies lists logged prompts and completions of the last days days.
func (s *Screen) Bodies(days, limit int) ([]Body, error) {
	now := s.svc.now()
	return s.svc.Bodies(s.ctx(), now.AddDate(0, 0, -max(days, 1)), now.Add(time.Second), limit)
}

// KeyMappings lists which local key each organization api_key_id is.
func (s *Screen) KeyMappings() ([]KeyMapping, error) { return s.svc.KeyMappings(s.ctx()) }

// SetKeyMapping maps an api_key_id to a local key.
func (s *Screen) SetKeyMapping(m KeyMapping) (KeyMapping, error) {
	return s.svc.SetKeyMapping(s.ctx(), m)
}

// DeleteKeyMapping forgets a mapping.
func (s *Screen) DeleteKeyMapping(apiKeyID string) error {
	return s.svc.DeleteKeyMapping(s.ctx(), apiKeyID)
}

// Reconcile compares organization usage with the local log over a period.
func (s *Screen) Reconcile(since, until string) (Reconciliation, error) {
	if s.admin == nil {
		return Reconciliation{}, errReconcileUnavailable("usage.reconcile")
	}
	from, to, err := ParseRange(since, until, s.svc.now())
	if err != nil {
		return Reconciliation{}, err
	}
	ctx := s.ctx()
	client, base, key, err := s.admin(ctx)
	if err != nil {
		return Reconciliation{}, err
	}
	return s.svc.Reconcile(ctx, client, base, key, from, to)
}
