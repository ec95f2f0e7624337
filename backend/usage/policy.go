package usage

import (
	"fmt"
	"math"
)

// Policy is the team's usage settings: how long rows and bodies are kept,
// whether bodies are kept at all, the monthly budget and when to alert.
// The zero value is not valid; DefaultPolicy is what a new install uses.
type Policy struct {
	RetentionDays    int         `json:"retention_days"`     // events older than this are pruned; daily rollups stay
	BodyLogging      BodyLogging `json:"body_logging"`       // off unless the team switches it on
	MonthlyBudgetUSD float64     `json:"monthly_budget_usd"` // 0: no budget
	Alerts           AlertRules  `json:"alerts"`
}

// BodyLogging says whether prompt and completion bodies are kept, for how
// long, and whether personal data is redacted from them first.
type BodyLogging struct {
	Enabled       bool `json:"enabled"`
	RetentionDays int  `json:"retention_days"`
	RedactPII     bool `json:"redact_pii"`
}

// AlertRules tune the alerts: a request spike is a day or hour with more
// than SpikeFactor times the trailing median (and at least SpikeMinRequests);
// a 429 burst is at least Burst429Count rate-limited calls within
// Burst429Minutes; the budget warns at BudgetWarnPercent of the budget.
type AlertRules struct {
	SpikeFactor       float64 `json:"spike_factor"`
	SpikeMinRequests  int     `json:"spike_min_requests"`
	Burst429Count     int     `json:"burst_429_count"`
	Burst429Minutes   int     `json:"burst_429_minutes"`
	BudgetWarnPercent int     `json:"budget_warn_percent"`
}

// DefaultPolicy keeps events a year, keeps no bodies (30 days, redacted,
// once switched on), has no budget, and alerts on 3× spikes and 10 429s in
// 5 minutes.
func DefaultPolicy() Policy {
	return Policy{
		RetentionDays: 365,
		BodyLogging:   BodyLogging{Enabled: false, RetentionDays: 30, RedactPII: true},
		Alerts: AlertRules{
			SpikeFactor: 3, SpikeMinRequests: 50, Burst429Count: 10, Burst429Minutes: 5, BudgetWarnPercent: 80,
		},
	}
}

// validate checks every field and says which one is wrong, in both languages.
func (p Policy) validate(op string) error {
	checks := []struct {
		ok      bool
		en, zh  string
		lo, hi  int
		isRange bool
	}{
		{p.RetentionDays >= 1 && p.RetentionDays <= 3650, "Keep usage rows", "用量记录保留天数", 1, 3650, true},
		{p.BodyLogging.RetentionDays >= 1 && p.BodyLogging.RetentionDays <= 365, "Keep bodies", "正文保留天数", 1, 365, true},
		{p.BodyLogging.RetentionDays <= p.RetentionDays, "", "", 0, 0, false},
		{p.Alerts.SpikeMinRequests >= 1 && p.Alerts.SpikeMinRequests <= 1_000_000, "Minimum requests for a spike", "判定突增的最少请求数", 1, 1_000_000, true},
		{p.Alerts.Burst429Count >= 1 && p.Alerts.Burst429Count <= 100_000, "429s in a burst", "突发 429 次数", 1, 100_000, true},
		{p.Alerts.Burst429Minutes >= 1 && p.Alerts.Burst429Minutes <= 1440, "Burst window (minutes)", "突发窗口（分钟）", 1, 1440, true},
		{p.Alerts.BudgetWarnPercent >= 1 && p.Alerts.BudgetWarnPercent <= 100, "Budget warning (%)", "预算提醒（%）", 1, 100, true},
	}
	for _, c := range checks {
		if c.ok {
			continue
		}
		if !c.isRange {
			return errPolicy(op, "Bodies cannot be kept longer than the usage rows they belong to.",
				"正文的保留时间不能长于其所属的用量记录。")
		}
		return errPolicy(op, fmt.Sprintf("%s must be a whole number from %d to %d.", c.en, c.lo, c.hi),
			fmt.Sprintf("%s必须是 %d 到 %d 之间的整数。", c.zh, c.lo, c.hi))
	}
	if f := p.Alerts.SpikeFactor; math.IsNaN(f) || f < 1.5 || f > 100 {
		return errPolicy(op, "The spike factor must be from 1.5 to 100.", "突增倍数必须在 1.5 到 100 之间。")
	}
	if b := p.MonthlyBudgetUSD; math.IsNaN(b) || math.IsInf(b, 0) || b < 0 || b > 1e9 {
		return errPolicy(op, "The monthly budget is US dollars, 0 for none.", "月度预算以美元计，0 表示不设预算。")
	}
	return nil
}
