package app

import (
	"context"
	"net/http"
	"time"

	"steward/backend/apperr"
	"steward/backend/checks"
	"steward/backend/openai"
	"steward/backend/usage"
)

// Usage is the usage log: reports, the chart, alerts, prices, the
// retention and budget policy, logged bodies and reconciliation.
type Usage struct{ c *core }

// ReportRequest is a usage report as the fronts ask for it.
type ReportRequest struct {
	Since  string `json:"since"` // YYYY-MM-DD or RFC 3339; "" for 30 days before Until
	Until  string `json:"until"` // YYYY-MM-DD (inclusive) or RFC 3339; "" for today
	By     string `json:"by"`
	Source string `json:"source"`
}

// Report sums usage per group over a period.
func (u *Usage) Report(ctx context.Context, req ReportRequest) (usage.Report, error) {
	since, until, err := usage.ParseRange(req.Since, req.Until, u.c.now())
	if err != nil {
		return usage.Report{}, err
	}
	log, err := u.c.desk.usage(ctx)
	if err != nil {
		return usage.Report{}, err
	}
	return log.Report(ctx, usage.Query{Since: since, Until: until, By: req.By, Source: req.Source})
}

// Series counts usage per day or hour over a period, for the chart.
func (u *Usage) Series(ctx context.Context, since, until, bucket string) (usage.Series, error) {
	from, to, err := usage.ParseRange(since, until, u.c.now())
	if err != nil {
		return usage.Series{}, err
	}
	log, err := u.c.desk.usage(ctx)
	if err != nil {
		return usage.Series{}, err
	}
	return log.Series(ctx, from, to, bucket)
}

// Alerts checks the log as of now.
func (u *Usage) Alerts(ctx context.Context) ([]usage.Alert, error) {
	log, err := u.c.desk.usage(ctx)
	if err != nil {
		return nil, err
	}
	return log.Alerts(ctx, u.c.now())
}

// Prices lists the price table.
func (u *Usage) Prices(ctx context.Context) (usage.PriceList, error) {
	log, err := u.c.desk.usage(ctx)
	if err != nil {
		return usage.PriceList{}, err
	}
	return log.Prices(ctx)
}

// SetPrice saves a model's price and re-prices the usage it changes.
func (u *Usage) SetPrice(ctx context.Context, p usage.Price) (usage.PriceList, error) {
	if err := u.c.desk.readOnly(ctx); err != nil {
		return usage.PriceList{}, err
	}
	return u.c.usage.SetPrice(ctx, p)
}

// ResetPrice goes back to the shipped price for a model.
func (u *Usage) ResetPrice(ctx context.Context, model string) (usage.PriceList, error) {
	if err := u.c.desk.readOnly(ctx); err != nil {
		return usage.PriceList{}, err
	}
	return u.c.usage.ResetPrice(ctx, model)
}

// UnpricedModels lists logged models without a price.
func (u *Usage) UnpricedModels(ctx context.Context) ([]string, error) {
	log, err := u.c.desk.usage(ctx)
	if err != nil {
		return nil, err
	}
	return log.UnpricedModels(ctx)
}

// Policy returns the retention, body logging, budget and alert settings.
func (u *Usage) Policy(ctx context.Context) (usage.Policy, error) {
	log, err := u.c.desk.usage(ctx)
	if err != nil {
		return usage.Policy{}, err
	}
	return log.Policy(ctx)
}

// SetPolicy saves the settings.
func (u *Usage) SetPolicy(ctx context.Context, p usage.Policy) (usage.Policy, error) {
	if err := u.c.desk.readOnly(ctx); err != nil {
		return usage.Policy{}, err
	}
	v, err := u.c.usage.SetPolicy(ctx, p)
	return v, u.c.done(checks.SourceUsage, err)
}

// DefaultPolicy returns the settings a new install has, for a reset button.
func (u *Usage) DefaultPolicy(context.Context) (usage.Policy, error) {
	return usage.DefaultPolicy(), nil
}

// Stats reports the usage writer's queue and counters.
func (u *Usage) Stats(context.Context) (usage.Stats, error) { return u.c.writer.Stats(), nil }

// Bodies lists logged prompts and completions of the last days days.
func (u *Usage) Bodies(ctx context.Context, days, limit int) ([]usage.Body, error) {
	now := u.c.now()
	log, err := u.c.desk.usage(ctx)
	if err != nil {
		return nil, err
	}
	return log.Bodies(ctx, now.AddDate(0, 0, -max(days, 1)), now.Add(time.Second), limit)
}

// KeyMappings lists which local key each organization api_key_id is.
func (u *Usage) KeyMappings(ctx context.Context) ([]usage.KeyMapping, error) {
	log, err := u.c.desk.usage(ctx)
	if err != nil {
		return nil, err
	}
	return log.KeyMappings(ctx)
}

// SetKeyMapping maps an api_key_id to a local key.
func (u *Usage) SetKeyMapping(ctx context.Context, m usage.KeyMapping) (usage.KeyMapping, error) {
	if err := u.c.desk.readOnly(ctx); err != nil {
		return usage.KeyMapping{}, err
	}
	return u.c.usage.SetKeyMapping(ctx, m)
}

// DeleteKeyMapping forgets a mapping.
func (u *Usage) DeleteKeyMapping(ctx context.Context, apiKeyID string) error {
	if err := u.c.desk.readOnly(ctx); err != nil {
		return err
	}
	return u.c.usage.DeleteKeyMapping(ctx, apiKeyID)
}

// Reconcile compares organization usage with the local log over a period,
// with the admin key chosen for it.
func (u *Usage) Reconcile(ctx context.Context, since, until string) (usage.Reconciliation, error) {
	if err := u.c.desk.readOnly(ctx); err != nil {
		return usage.Reconciliation{}, err
	}
	from, to, err := usage.ParseRange(since, until, u.c.now())
	if err != nil {
		return usage.Reconciliation{}, err
	}
	label, _ := u.c.settings.Value(ctx, SettingAdminKey)
	if label == "" {
		return usage.Reconciliation{}, apperr.Text(apperr.Invalid, "app.admin_key",
			"Choose the registered admin key (sk-admin-…) to read the organization's usage with (or: steward settings set usage.admin_key LABEL).",
			"请选择用于读取组织用量的已登记管理员密钥（sk-admin-…）（或运行 steward settings set usage.admin_key 标签）。")
	}
	key, err := u.c.keys.Secret(ctx, label)
	if err != nil {
		return usage.Reconciliation{}, err
	}
	rec, err := u.c.usage.Reconcile(ctx, http.DefaultClient, u.c.baseURL(ctx), key, from, to)
	if err != nil {
		return rec, err
	}
	if err := u.c.recs.Save(ctx, rec, u.c.now()); err != nil {
		return rec, err
	}
	u.c.sourceChanged(checks.SourceUsage)
	return rec, nil
}

// AdminKey is the label of the admin key used for reconciliation.
func (u *Usage) AdminKey(ctx context.Context) (string, error) {
	return u.c.settings.Value(ctx, SettingAdminKey)
}

// SetAdminKey chooses the registered admin key used for reconciliation.
func (u *Usage) SetAdminKey(ctx context.Context, label string) (string, error) {
	return u.c.setKeyLabel(ctx, SettingAdminKey, label)
}

// observer records the app's own API calls in the usage log.
// now is the clock of Options.Now, time.Now by default.
func (c *core) now() time.Time {
	if c.opts.Now != nil {
		return c.opts.Now()
	}
	return time.Now()
}

func (c *core) observer() openai.CallObserver { return usage.Observer(c.writer, "") }

// prune removes old usage rows; daily rollups stay.
func (c *core) prune() {
	if _, err := c.usage.Prune(c.base); err != nil {
		c.log.Error("prune usage log", "error", err.Error())
	}
}

// closeUsage drains the usage queue.
func (c *core) closeUsage() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c.writer.Close(ctx)
}
