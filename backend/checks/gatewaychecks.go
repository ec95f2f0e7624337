package checks

import (
	"context"
	"fmt"
	"strings"
	"time"

	"steward/backend/checklist"
	"steward/backend/gateway"
	"steward/backend/moderation"
	"steward/backend/usage"
)

// drillMaxAgeDays is how old the last fail-over drill may be.
const drillMaxAgeDays = 90

// gatewayChecks prove the screening and fallback items from gateway
// policies, moderation runs and the provider list.
func gatewayChecks() []check {
	return []check{
		{item: "OP-04", title: checklist.Text{En: "Input moderation is on at the gateway, or a moderation suite ran in the last 30 days",
			Zh: "网关已开启输入审核，或近 30 天运行过审核测试集"}, sources: []string{SourceGateway, SourceModeration}, run: checkModeration},
		{item: "DP-02", title: checklist.Text{En: "The gateway's personal-data screen is on for every member who calls through it",
			Zh: "经网关调用的每位成员都已开启个人数据筛查"}, sources: []string{SourceGateway, SourceUsage}, run: checkPIIScreen},
		{item: "OP-09", title: checklist.Text{En: "A fallback provider is configured and a fail-over drill passed in the last 90 days",
			Zh: "已配置备用服务商，且近 90 天的切换演练成功"}, sources: []string{SourceProviders}, window: drillMaxAgeDays * 24 * time.Hour,
			run: checkFallback},
	}
}

// policies returns the gateway policies of members in scope, by lower-case name.
func policies(ctx context.Context, in *input) (map[string]gateway.Policy, error) {
	ps, err := in.src.Gateway.Policies(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]gateway.Policy{}
	for _, p := range ps {
		if in.scope.includes(ScopeMember, p.Member) {
			out[strings.ToLower(p.Member)] = p
		}
	}
	return out, nil
}

func checkModeration(ctx context.Context, in *input) outcome {
	if in.src.Gateway == nil && in.src.Moderation == nil {
		return notConnected("the gateway and moderation runs", "网关和审核记录")
	}
	ev := map[string]any{}
	if in.src.Gateway != nil {
		ps, err := policies(ctx, in)
		if err != nil {
			return unreadable("the gateway policies", "网关策略", err)
		}
		var on []string
		for _, p := range ps {
			if p.Moderation == gateway.ModerationBlock {
				on = append(on, p.Member)
			}
		}
		ev["members_with_input_moderation"] = on
		if len(on) > 0 {
			return pass(fmt.Sprintf("Input moderation is on at the gateway for %s.", strings.Join(on, ", ")),
				fmt.Sprintf("网关已为 %s 开启输入审核。", strings.Join(on, "、")), ev)
		}
	}
	if in.src.Moderation != nil {
		run, err := lastRun(in)
		if err != nil {
			return unreadable("the moderation runs", "审核记录", err)
		}
		if run != nil {
			ev["run_id"], ev["suite"], ev["finished_at"], ev["items"], ev["flagged"] = run.ID, run.SuiteName, run.FinishedAt, run.Total, run.Flagged
			return pass(fmt.Sprintf("Suite %q ran on %s (%d items, %d flagged).", run.SuiteName, run.FinishedAt, run.Total, run.Flagged),
				fmt.Sprintf("测试集“%s”于 %s 运行（%d 条，%d 条被标记）。", run.SuiteName, run.FinishedAt, run.Total, run.Flagged), ev)
		}
	}
	return fail("Input moderation is off at the gateway and no moderation suite ran in the last 30 days.",
		"网关未开启输入审核，且近 30 天没有运行审核测试集。", ev)
}

// lastRun is the newest completed run of a suite in scope within 30 days.
func lastRun(in *input) (*moderation.Run, error) {
	suites, err := in.src.Moderation.ListSuites()
	if err != nil {
		return nil, err
	}
	var best *moderation.Run
	for _, su := range suites {
		if !in.scope.includes(ScopeSuite, su.Name) {
			continue
		}
		runs, err := in.src.Moderation.ListRuns(su.ID)
		if err != nil {
			return nil, err
		}
		for i := range runs {
			r := runs[i]
			at := parseStamp(r.FinishedAt)
			if r.Status != moderation.RunCompleted || at.IsZero() || in.days(at) > periodDays {
				continue
			}
			if best == nil || r.FinishedAt > best.FinishedAt {
				best = &r
			}
		}
	}
	return best, nil
}

func checkPIIScreen(ctx context.Context, in *input) outcome {
	if in.src.Gateway == nil {
		return notConnected("the gateway policies", "网关策略")
	}
	ps, err := policies(ctx, in)
	if err != nil {
		return unreadable("the gateway policies", "网关策略", err)
	}
	var callers []string
	if in.src.Usage != nil {
		rep, err := report(ctx, in, usage.ByMember, usage.SourceGateway)
		if err != nil {
			return unreadable("the usage log", "用量日志", err)
		}
		for _, r := range rep.Rows {
			if r.Group != "" && in.scope.includes(ScopeMember, r.Group) {
				callers = append(callers, r.Group)
			}
		}
	}
	var screened, unscreened []string
	for _, p := range ps {
		if p.PII != gateway.PIIOff {
			screened = append(screened, p.Member)
		}
	}
	for _, m := range callers {
		if p, ok := ps[strings.ToLower(m)]; !ok || p.PII == gateway.PIIOff {
			unscreened = append(unscreened, m)
		}
	}
	ev := map[string]any{"callers": callers, "screened": screened, "unscreened": unscreened}
	switch {
	case len(unscreened) > 0:
		return fail(fmt.Sprintf("The personal-data screen is off for %s.", strings.Join(unscreened, ", ")),
			fmt.Sprintf("%s 未开启个人数据筛查。", strings.Join(unscreened, "、")), ev)
	case len(callers) == 0 && len(screened) == 0:
		return unknown("No gateway calls in the last 30 days and no member has the screen on.",
			"近 30 天没有经网关的调用，也没有成员开启筛查。", ev)
	}
	return pass(fmt.Sprintf("The personal-data screen is on for %s.", strings.Join(screened, ", ")),
		fmt.Sprintf("已为 %s 开启个人数据筛查。", strings.Join(screened, "、")), ev)
}

func checkFallback(ctx context.Context, in *input) outcome {
	if in.src.Providers == nil {
		return notConnected("the gateway's provider list", "网关的服务商列表")
	}
	ps, err := in.src.Providers.Providers(ctx)
	if err == ErrNotConnected {
		return notConnected("the gateway's provider list", "网关的服务商列表")
	}
	if err != nil {
		return unreadable("the provider list", "服务商列表", err)
	}
	var fallbacks []string
	for _, p := range ps {
		if !p.Primary {
			fallbacks = append(fallbacks, p.Name)
		}
	}
	ev := map[string]any{"providers": len(ps), "fallbacks": fallbacks}
	if len(fallbacks) == 0 {
		return fail("No fallback provider is configured.", "未配置备用服务商。", ev)
	}
	d, ok, err := in.src.Providers.LastDrill(ctx)
	if err != nil {
		return unreadable("the last fail-over drill", "最近一次切换演练", err)
	}
	if !ok {
		return fail("The fail-over to the fallback provider was never tested.", "从未测试过切换到备用服务商。", ev)
	}
	ev["drill_at"], ev["drill_ok"], ev["drill_provider"] = d.At.UTC().Format(time.RFC3339), d.OK, d.Provider
	switch {
	case !d.OK:
		return fail("The last fail-over drill failed: "+d.Detail, "最近一次切换演练失败："+d.Detail, ev)
	case in.days(d.At) > drillMaxAgeDays:
		return fail(fmt.Sprintf("The last fail-over drill was %d days ago.", in.days(d.At)),
			fmt.Sprintf("最近一次切换演练在 %d 天前。", in.days(d.At)), ev)
	}
	return pass(fmt.Sprintf("Fail-over to %s was tested on %s.", d.Provider, d.At.UTC().Format(time.DateOnly)),
		fmt.Sprintf("已于 %s 测试切换到 %s。", d.At.UTC().Format(time.DateOnly), d.Provider), ev)
}
