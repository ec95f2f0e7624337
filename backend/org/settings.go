package org

import (
	"context"
)

// fetchProjectSettings reads a project's rate limits, data retention,
// model and hosted-tool permissions, spend limit and spend alerts.
func fetchProjectSettings(ctx context.Context, f *fetcher, base string) (ProjectSettings, error) {
	var ps ProjectSettings
	rls, err := listAll[apiRateLimit](ctx, f, base+"/rate_limits", nil)
	if apiStatus(err) == 403 || apiStatus(err) == 404 {
		ps.Unavailable, err = append(ps.Unavailable, "rate_limits"), nil
	}
	if err != nil {
		return ps, err
	}
	for _, r := range rls {
		ps.RateLimits = append(ps.RateLimits, r.RateLimit)
	}
	var dr struct {
		Type string `json:"type"`
	}
	if _, err := optional(ctx, f, base+"/data_retention", "data_retention", &dr, &ps.Unavailable); err != nil {
		return ps, err
	}
	ps.DataRetention = dr.Type
	var mp struct {
		Mode     string   `json:"mode"`
		ModelIDs []string `json:"model_ids"`
	}
	if _, err := optional(ctx, f, base+"/model_permissions", "model_permissions", &mp, &ps.Unavailable); err != nil {
		return ps, err
	}
	ps.ModelMode, ps.ModelIDs = mp.Mode, mp.ModelIDs
	var tools map[string]struct {
		Enabled bool `json:"enabled"`
	}
	if _, err := optional(ctx, f, base+"/hosted_tool_permissions", "hosted_tool_permissions", &tools, &ps.Unavailable); err != nil {
		return ps, err
	}
	if tools != nil {
		ps.HostedTools = map[string]bool{}
		for name, t := range tools {
			ps.HostedTools[name] = t.Enabled
		}
	}
	ps.SpendLimit, ps.SpendAlerts, err = fetchSpend(ctx, f, base, &ps.Unavailable)
	return ps, err
}

// fetchOrgSettings reads the organization's data retention, spend limit
// and spend alerts.
func fetchOrgSettings(ctx context.Context, f *fetcher) (OrgSettings, error) {
	var os OrgSettings
	var dr struct {
		Type string `json:"type"`
	}
	if _, err := optional(ctx, f, "/organization/data_retention", "data_retention", &dr, &os.Unavailable); err != nil {
		return os, err
	}
	os.DataRetention = dr.Type
	var err error
	os.SpendLimit, os.SpendAlerts, err = fetchSpend(ctx, f, "/organization", &os.Unavailable)
	return os, err
}

// fetchSpend reads a spend limit (none when the API answers 404) and the
// spend alerts under base.
func fetchSpend(ctx context.Context, f *fetcher, base string, unavailable *[]string) (*SpendLimit, []SpendAlert, error) {
	var sl apiSpendLimit
	var none []string
	ok, err := optional(ctx, f, base+"/spend_limit", "spend_limit", &sl, &none)
	if err != nil {
		return nil, nil, err
	}
	var limit *SpendLimit
	if ok {
		limit = &SpendLimit{Amount: sl.Amount, Currency: sl.Currency, Interval: sl.Interval, Enforcement: sl.Enforcement.Status}
	}
	alerts, err := listAll[apiSpendAlert](ctx, f, base+"/spend_alerts", nil)
	if apiStatus(err) == 403 || apiStatus(err) == 404 {
		*unavailable, err = append(*unavailable, "spend_alerts"), nil
	}
	if err != nil {
		return limit, nil, err
	}
	var out []SpendAlert
	for _, a := range alerts {
		out = append(out, SpendAlert{ID: a.ID, Amount: a.Amount, Currency: a.Currency, Interval: a.Interval, Recipients: a.Channel.Recipients})
	}
	return limit, out, nil
}
