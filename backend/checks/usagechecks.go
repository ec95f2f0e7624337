package checks

import (
	"context"
	"fmt"
	"time"

	"steward/backend/checklist"
	"steward/backend/usage"
)

// periodDays is the period usage checks look back over.
const periodDays = 30

// usageChecks prove the monitoring and budget items from the usage log,
// its settings and alerts, reconciliations and the organization.
func usageChecks() []check {
	src := []string{SourceUsage, SourceGateway, SourceOrg}
	return []check{
		{item: "KH-09", title: checklist.Text{En: "Usage is logged per key and a reconciliation in the last 30 days found no unexplained usage",
			Zh: "按密钥记录用量，且近 30 天内的对账未发现无法解释的用量"}, sources: src, run: checkPerKey},
		{item: "OP-01", title: checklist.Text{En: "No bursts of rate-limited calls; under 5% of calls got 429 in 30 days",
			Zh: "没有突发的限流；近 30 天被限流（429）的调用少于 5%"}, sources: src, run: checkThrottle},
		{item: "OP-02", title: checklist.Text{En: "Usage is logged and anomaly alerts are on (the organization's alerts when connected)",
			Zh: "正在记录用量，并已开启异常提醒（已连接组织时检查组织的提醒）"}, sources: src, run: checkMonitoring},
		{item: "OP-03", title: checklist.Text{En: "A monthly budget and spend alerts are set and not exceeded",
			Zh: "已设置月度预算和费用提醒，且未超支"}, sources: src, run: checkBudget},
		{item: "OP-06", title: checklist.Text{En: "Every gateway call in the last 30 days is attributed to a member",
			Zh: "近 30 天经网关的每次调用都可归属到成员"}, sources: src, run: checkAttribution},
		{item: "OP-10", title: checklist.Text{En: "API usage was reconciled with OpenAI's records in the last 30 days",
			Zh: "近 30 天内已将 API 用量与 OpenAI 的记录对账"}, sources: src, run: checkAudited},
		{item: "DP-04", title: checklist.Text{En: "Prompt and completion bodies are not kept, or none is older than the retention period",
			Zh: "不保存提示和回复正文，或没有超过保留期限的正文"}, sources: src, run: checkRetention},
	}
}

// report sums the last 30 days of usage by a grouping, for the workspace's members.
func report(ctx context.Context, in *input, by, source string) (usage.Report, error) {
	return in.src.Usage.Report(ctx, usage.Query{Since: in.since(periodDays), Until: in.now, By: by, Source: source})
}

func checkPerKey(ctx context.Context, in *input) outcome {
	if in.src.Usage == nil {
		return notConnected("the usage log", "用量日志")
	}
	rep, err := report(ctx, in, usage.ByKey, "")
	if err != nil {
		return unreadable("the usage log", "用量日志", err)
	}
	var keyless int64
	for _, r := range rep.Rows {
		if r.Group == "" {
			keyless += r.Requests
		}
	}
	ev := map[string]any{"requests": rep.Totals.Requests, "keys": len(rep.Rows), "requests_without_key": keyless}
	if rep.Totals.Requests == 0 {
		return unknown("No usage logged in the last 30 days.", "近 30 天没有记录到用量。", ev)
	}
	if keyless > 0 {
		return fail(fmt.Sprintf("%d call(s) in the last 30 days are not attributed to a key.", keyless),
			fmt.Sprintf("近 30 天有 %d 次调用无法归属到密钥。", keyless), ev)
	}
	return reconciled(ctx, in, ev)
}

// reconciled judges the last reconciliation.
func reconciled(ctx context.Context, in *input, ev map[string]any) outcome {
	if in.src.Reconciliations == nil {
		return unknown("Not connected: no reconciliation with OpenAI's usage records is recorded.",
			"未连接：没有与 OpenAI 用量记录对账的记录。", ev)
	}
	rec, at, ok, err := in.src.Reconciliations.LastReconciliation(ctx)
	if err != nil {
		return unreadable("the last reconciliation", "最近一次对账", err)
	}
	if !ok {
		return fail("Usage has never been reconciled with OpenAI's records.", "从未与 OpenAI 的记录对账。", ev)
	}
	ev["reconciled_at"], ev["unseen_requests"], ev["unmapped_keys"] = at.UTC().Format(time.RFC3339), rec.UnseenRequests, rec.Unmapped
	switch {
	case in.days(at) > periodDays:
		return fail(fmt.Sprintf("The last reconciliation was %d days ago.", in.days(at)),
			fmt.Sprintf("最近一次对账在 %d 天前。", in.days(at)), ev)
	case rec.UnseenRequests > 0:
		return fail(fmt.Sprintf("The last reconciliation found %d call(s) the log did not see.", rec.UnseenRequests),
			fmt.Sprintf("最近一次对账发现 %d 次日志中没有的调用。", rec.UnseenRequests), ev)
	}
	return pass("Usage is logged per key; the last reconciliation found no unexplained usage.",
		"已按密钥记录用量；最近一次对账未发现无法解释的用量。", ev)
}

func checkThrottle(ctx context.Context, in *input) outcome {
	if in.src.Usage == nil {
		return notConnected("the usage log", "用量日志")
	}
	rep, err := report(ctx, in, usage.ByDay, "")
	if err != nil {
		return unreadable("the usage log", "用量日志", err)
	}
	alerts, err := in.src.Usage.Alerts(ctx, in.now)
	if err != nil {
		return unreadable("the usage alerts", "用量提醒", err)
	}
	bursts := 0
	for _, a := range alerts {
		if a.Kind == usage.KindRateLimitBurst {
			bursts++
		}
	}
	t := rep.Totals
	ev := map[string]any{"requests": t.Requests, "rate_limited": t.RateLimited, "bursts": bursts}
	switch {
	case t.Requests == 0:
		return unknown("No usage logged in the last 30 days.", "近 30 天没有记录到用量。", ev)
	case bursts > 0:
		return fail("A burst of rate-limited calls in the last 24 hours: back off and retry less eagerly.",
			"近 24 小时出现突发限流：请使用退避重试并降低重试频率。", ev)
	case t.RateLimited*20 > t.Requests:
		return fail(fmt.Sprintf("%d of %d calls were rate-limited (over 5%%).", t.RateLimited, t.Requests),
			fmt.Sprintf("%d 次调用中有 %d 次被限流（超过 5%%）。", t.Requests, t.RateLimited), ev)
	}
	return pass(fmt.Sprintf("%d of %d calls were rate-limited; no bursts.", t.RateLimited, t.Requests),
		fmt.Sprintf("%d 次调用中有 %d 次被限流，没有突发限流。", t.Requests, t.RateLimited), ev)
}

func checkMonitoring(ctx context.Context, in *input) outcome {
	if in.src.Usage == nil {
		return notConnected("the usage log", "用量日志")
	}
	rep, err := report(ctx, in, usage.ByDay, "")
	if err != nil {
		return unreadable("the usage log", "用量日志", err)
	}
	pol, err := in.src.Usage.Policy(ctx)
	if err != nil {
		return unreadable("the usage settings", "用量设置", err)
	}
	alerts, err := in.src.Usage.Alerts(ctx, in.now)
	if err != nil {
		return unreadable("the usage alerts", "用量提醒", err)
	}
	ev := map[string]any{"requests": rep.Totals.Requests, "days_logged": len(rep.Rows), "spike_factor": pol.Alerts.SpikeFactor,
		"open_alerts": len(alerts)}
	if org, err := in.orgState(ctx); err == nil {
		ev["org_spend_alerts_usd"] = org.SpendAlertsUSD
		if len(org.SpendAlertsUSD) == 0 {
			return fail("The organization has no spend alert set.", "组织未设置费用提醒。", ev)
		}
	}
	if rep.Totals.Requests == 0 {
		return unknown("No usage logged in the last 30 days: route calls through the gateway.",
			"近 30 天没有记录到用量：请让调用经过网关。", ev)
	}
	return pass(fmt.Sprintf("%d calls logged over %d day(s); spike and 429 alerts are on (%d open).", rep.Totals.Requests, len(rep.Rows), len(alerts)),
		fmt.Sprintf("%d 天内记录了 %d 次调用；已开启激增和限流提醒（%d 条未处理）。", len(rep.Rows), rep.Totals.Requests, len(alerts)), ev)
}

func checkBudget(ctx context.Context, in *input) outcome {
	if in.src.Usage == nil {
		return notConnected("the usage log", "用量日志")
	}
	pol, err := in.src.Usage.Policy(ctx)
	if err != nil {
		return unreadable("the usage settings", "用量设置", err)
	}
	alerts, err := in.src.Usage.Alerts(ctx, in.now)
	if err != nil {
		return unreadable("the usage alerts", "用量提醒", err)
	}
	over := false
	for _, a := range alerts {
		over = over || (a.Kind == usage.KindBudget && a.Severity == usage.SeverityCritical)
	}
	ev := map[string]any{"monthly_budget_usd": pol.MonthlyBudgetUSD, "warn_percent": pol.Alerts.BudgetWarnPercent, "over_budget": over}
	set := pol.MonthlyBudgetUSD > 0 && pol.Alerts.BudgetWarnPercent > 0
	if org, err := in.orgState(ctx); err == nil {
		ev["org_spend_limit_usd"], ev["org_spend_alerts_usd"] = org.SpendLimitUSD, org.SpendAlertsUSD
		set = set || (org.SpendLimitUSD > 0 && len(org.SpendAlertsUSD) > 0)
	}
	switch {
	case !set:
		return fail("No monthly budget with a spend alert is set.", "未设置带费用提醒的月度预算。", ev)
	case over:
		return fail("This month's spend is over the budget.", "本月费用已超出预算。", ev)
	}
	return pass("A monthly budget and a spend alert are set; spend is within it.", "已设置月度预算和费用提醒，费用未超支。", ev)
}

func checkAttribution(ctx context.Context, in *input) outcome {
	if in.src.Usage == nil {
		return notConnected("the usage log", "用量日志")
	}
	rep, err := report(ctx, in, usage.ByMember, usage.SourceGateway)
	if err != nil {
		return unreadable("the usage log", "用量日志", err)
	}
	var anon int64
	members := 0
	for _, r := range rep.Rows {
		if r.Group == "" {
			anon += r.Requests
		} else if in.scope.includes(ScopeMember, r.Group) {
			members++
		}
	}
	ev := map[string]any{"gateway_requests": rep.Totals.Requests, "members": members, "unattributed": anon}
	switch {
	case rep.Totals.Requests == 0:
		return unknown("No gateway calls in the last 30 days.", "近 30 天没有经过网关的调用。", ev)
	case anon > 0:
		return fail(fmt.Sprintf("%d gateway call(s) could not be traced to a member.", anon),
			fmt.Sprintf("有 %d 次经网关的调用无法追溯到成员。", anon), ev)
	}
	return pass(fmt.Sprintf("All %d gateway calls are traced to a member.", rep.Totals.Requests),
		fmt.Sprintf("全部 %d 次经网关的调用都可追溯到成员。", rep.Totals.Requests), ev)
}

func checkAudited(ctx context.Context, in *input) outcome {
	if in.src.Usage == nil {
		return notConnected("the usage log", "用量日志")
	}
	return reconciled(ctx, in, map[string]any{})
}

func checkRetention(ctx context.Context, in *input) outcome {
	if in.src.Usage == nil {
		return notConnected("the usage log", "用量日志")
	}
	pol, err := in.src.Usage.Policy(ctx)
	if err != nil {
		return unreadable("the usage settings", "用量设置", err)
	}
	b := pol.BodyLogging
	ev := map[string]any{"body_logging": b.Enabled, "body_retention_days": b.RetentionDays, "redact_pii": b.RedactPII,
		"usage_retention_days": pol.RetentionDays}
	if !b.Enabled {
		return pass("Prompt and completion bodies are not kept.", "不保存提示和回复正文。", ev)
	}
	old, err := in.src.Usage.Bodies(ctx, time.Time{}, in.since(b.RetentionDays), 1)
	if err != nil {
		return unreadable("the logged bodies", "已记录的正文", err)
	}
	ev["bodies_past_retention"] = len(old) > 0
	if len(old) > 0 {
		return fail(fmt.Sprintf("Bodies older than %d days are still kept: prune the log.", b.RetentionDays),
			fmt.Sprintf("仍保存着超过 %d 天的正文：请清理日志。", b.RetentionDays), ev)
	}
	return pass(fmt.Sprintf("Bodies are kept for %d days and none is older.", b.RetentionDays),
		fmt.Sprintf("正文保留 %d 天，没有更早的正文。", b.RetentionDays), ev)
}
