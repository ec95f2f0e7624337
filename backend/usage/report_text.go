package usage

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// Languages of the table and HTML reports.
const (
	LangEn = "en"
	LangZh = "zh-CN"
)

// reportWords is the reports' wording in lang.
func reportWords(lang string) map[string]string {
	if lang == LangZh {
		return map[string]string{
			"title": "API 用量报告", "by": "分组", "period": "时间段", "source": "来源", "all_sources": "全部",
			"day": "日期", "member": "成员", "model": "模型", "endpoint": "接口", "key": "密钥",
			"requests": "请求数", "input": "输入 token", "cached": "缓存输入", "output": "输出 token",
			"reasoning": "推理 token", "errors": "错误", "rate_limited": "429", "cost": "费用（美元）",
			"total": "合计", "unknown": "（未知）", "all_time": "全部时间", "utc": "（UTC）", "colon": "：",
			"src_app": "Steward 应用", "src_gateway": "网关", "empty": "该时间段没有用量记录。",
			"chart_day": "每日请求数", "chart_group": "各组请求数（前 %d 项）",
			"footer": "由 Steward 生成。日期按 UTC 计算。费用按生成时价格表估算（核对 openai.com/api/pricing），仅供参考，以 OpenAI 账单为准；未报告用量的请求不计 token。",
		}
	}
	return map[string]string{
		"title": "API usage report", "by": "Grouped by", "period": "Period", "source": "Source", "all_sources": "all",
		"day": "Day", "member": "Member", "model": "Model", "endpoint": "Endpoint", "key": "Key",
		"requests": "Requests", "input": "Input tokens", "cached": "Cached input", "output": "Output tokens",
		"reasoning": "Reasoning tokens", "errors": "Errors", "rate_limited": "429s", "cost": "Cost (USD)",
		"total": "Total", "unknown": "(unknown)", "all_time": "all time", "utc": " (UTC)", "colon": ": ",
		"src_app": "Steward app", "src_gateway": "gateway", "empty": "No usage in this period.",
		"chart_day": "Requests per day", "chart_group": "Requests per group (top %d)",
		"footer": "Made by Steward. Days are UTC. Costs are estimates from the price table in force (check openai.com/api/pricing); OpenAI's invoice is authoritative. Calls that reported no usage count no tokens.",
	}
}

// groupName is how a row's group reads in the table and HTML reports.
func groupName(by string, r ReportRow, w map[string]string) string {
	switch {
	case by == BySource && (r.Group == SourceApp || r.Group == SourceGateway):
		return w["src_"+r.Group]
	case r.Group == "":
		return w["unknown"]
	case by == ByKey:
		short := r.Group
		if len(short) > 12 {
			short = short[:12] + "…"
		}
		if r.Label != "" {
			return r.Label + " (" + short + ")"
		}
		return short
	}
	return r.Group
}

// periodText describes [since, until) with whole days as dates and the
// last day inclusive.
func periodText(since, until time.Time, w map[string]string) string {
	if since.Unix() <= 0 && until.Year() >= 9999 {
		return w["all_time"]
	}
	end := func(t time.Time, isUntil bool) string {
		if t.Equal(startOfDay(t)) {
			if isUntil {
				t = t.AddDate(0, 0, -1)
			}
			return t.Format(time.DateOnly)
		}
		return t.UTC().Format("2006-01-02 15:04")
	}
	from, to := end(since, false), end(until, true)
	if since.Unix() <= 0 {
		from = "…"
	}
	if until.Year() >= 9999 {
		to = "…"
	}
	if from == to {
		return from + w["utc"]
	}
	return from + " – " + to + w["utc"]
}

// sourceText names a source filter.
func sourceText(source string, w map[string]string) string {
	if source == "" {
		return w["all_sources"]
	}
	return w["src_"+source]
}

// num writes an integer with thousands separators.
func num(n int64) string { return digits(n) }

// usd writes dollars with four decimals, enough for cheap models.
func usd(v float64) string { return fmt.Sprintf("%.4f", v) }

// displayWidth is how many terminal columns s takes: two for CJK.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x1100 && (unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x30FF) || (r >= 0xFF00 && r <= 0xFF60)) {
			n++
		}
	}
	return n
}

// pad fills s with spaces to width columns, on the left when right-aligned.
func pad(s string, width int, right bool) string {
	fill := strings.Repeat(" ", max(width-displayWidth(s), 0))
	if right {
		return fill + s
	}
	return s + fill
}
