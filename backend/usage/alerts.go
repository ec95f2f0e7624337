package usage

import (
	"context"
	"fmt"
	"sort"
	"time"
)

// Kinds of alert.
const (
	KindRequestSpike   = "request_spike"    // a day or hour far above its trailing median
	KindRateLimitBurst = "rate_limit_burst" // many 429s within a few minutes
	KindBudget         = "budget"           // month-to-date spend near or over the budget
)

// Severities of an alert, most severe first.
const (
	SeverityCritical = "critical"
	SeverityWarning  = "warning"
)

// Localized is a text in English and Simplified Chinese.
type Localized struct {
	En   string `json:"en"`
	ZhCN string `json:"zh-CN"`
}

// Alert is a condition in the usage log worth a look. Since is when it
// began; Value and Threshold are the measured number and the limit it
// crossed (requests, 429s or US dollars, by Kind).
type Alert struct {
	Kind      string    `json:"kind"`
	Severity  string    `json:"severity"`
	Title     Localized `json:"title"`
	Detail    Localized `json:"detail"`
	Since     time.Time `json:"since"`
	Value     float64   `json:"value"`
	Threshold float64   `json:"threshold"`
}

// Alerts checks the log as of now: request spikes by day (against the 7
// days before) and by hour (against the 24 hours before), bursts of 429s in
// the last 24 hours, and this UTC month's spend against the budget. The
// most severe come first.
func (s *Service) Alerts(ctx context.Context, now time.Time) ([]Alert, error) {
	pol, err := s.st.Policy(ctx)
	if err != nil {
		return nil, err
	}
	out := []Alert{}
	for _, check := range []func(context.Context, time.Time, Policy) ([]Alert, error){
		s.daySpike, s.hourSpike, s.rateLimitBurst, s.budget,
	} {
		found, err := check(ctx, now, pol)
		if err != nil {
			return nil, err
		}
		out = append(out, found...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Severity != out[j].Severity {
			return out[i].Severity == SeverityCritical
		}
		return out[i].Since.After(out[j].Since)
	})
	return out, nil
}

// spike finds the latest of the last two points whose requests exceed
// factor × the median of the window points before it (and the minimum).
func spike(points []Point, window int, r AlertRules) (p Point, median float64, ok bool) {
	for i := len(points) - 1; i >= max(len(points)-2, 1); i-- {
		med := medianRequests(points[max(0, i-window):i])
		if points[i].Requests >= int64(r.SpikeMinRequests) && float64(points[i].Requests) > r.SpikeFactor*med {
			return points[i], med, true
		}
	}
	return Point{}, 0, false
}

func medianRequests(ps []Point) float64 {
	v := make([]int64, len(ps))
	for i, p := range ps {
		v[i] = p.Requests
	}
	sort.Slice(v, func(i, j int) bool { return v[i] < v[j] })
	n := len(v)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return float64(v[n/2])
	}
	return float64(v[n/2-1]+v[n/2]) / 2
}

func (s *Service) daySpike(ctx context.Context, now time.Time, pol Policy) ([]Alert, error) {
	today := startOfDay(now)
	series, err := s.st.Series(ctx, SeriesQuery{Since: today.AddDate(0, 0, -8), Until: today.AddDate(0, 0, 1), Bucket: BucketDay})
	if err != nil {
		return nil, err
	}
	p, med, ok := spike(series.Points, 7, pol.Alerts)
	if !ok {
		return nil, nil
	}
	day := p.Start.Format(time.DateOnly)
	ratio := float64(p.Requests) / max(med, 1)
	return []Alert{{
		Kind: KindRequestSpike, Severity: SeverityWarning, Since: p.Start,
		Value: float64(p.Requests), Threshold: pol.Alerts.SpikeFactor * med,
		Title: Localized{"Request spike (day)", "请求量激增（按天）"},
		Detail: Localized{
			fmt.Sprintf("%s requests on %s (UTC), %.1f× the median of the 7 days before (%s). Check for a runaway loop, a leaked key or a new feature.", digits(p.Requests), day, ratio, digits(int64(med))),
			fmt.Sprintf("%s（UTC）共 %s 次请求，是此前 7 天中位数（%s）的 %.1f 倍。请检查是否有失控的循环、泄露的密钥或新上线的功能。", day, digits(p.Requests), digits(int64(med)), ratio),
		},
	}}, nil
}

func (s *Service) hourSpike(ctx context.Context, now time.Time, pol Policy) ([]Alert, error) {
	hour := now.UTC().Truncate(time.Hour)
	series, err := s.st.Series(ctx, SeriesQuery{Since: hour.Add(-25 * time.Hour), Until: hour.Add(time.Hour), Bucket: BucketHour})
	if err != nil {
		return nil, err
	}
	p, med, ok := spike(series.Points, 24, pol.Alerts)
	if !ok {
		return nil, nil
	}
	at := p.Start.Format("2006-01-02 15:04")
	ratio := float64(p.Requests) / max(med, 1)
	return []Alert{{
		Kind: KindRequestSpike, Severity: SeverityWarning, Since: p.Start,
		Value: float64(p.Requests), Threshold: pol.Alerts.SpikeFactor * med,
		Title: Localized{"Request spike (hour)", "请求量激增（按小时）"},
		Detail: Localized{
			fmt.Sprintf("%s requests in the hour from %s UTC, %.1f× the median of the 24 hours before (%s).", digits(p.Requests), at, ratio, digits(int64(med))),
			fmt.Sprintf("从 %s（UTC）起的一小时内共 %s 次请求，是此前 24 小时中位数（%s）的 %.1f 倍。", at, digits(p.Requests), digits(int64(med)), ratio),
		},
	}}, nil
}

// rateLimitBurst finds the latest window of Burst429Minutes holding at
// least Burst429Count 429s in the last 24 hours; it is critical while it
// is still going on.
func (s *Service) rateLimitBurst(ctx context.Context, now time.Time, pol Policy) ([]Alert, error) {
	times, err := s.st.RateLimitedTimes(ctx, now.Add(-24*time.Hour), now.Add(time.Second))
	if err != nil {
		return nil, err
	}
	window := time.Duration(pol.Alerts.Burst429Minutes) * time.Minute
	need := pol.Alerts.Burst429Count
	var since, last time.Time
	count := 0
	for i, j := 0, 0; j < len(times); j++ {
		for times[j].Sub(times[i]) >= window {
			i++
		}
		n := j - i + 1
		if n < need {
			continue
		}
		if count == 0 || times[i].After(last) { // a new burst, apart from the one before
			since, count = times[i], n
		}
		count, last = max(count, n), times[j]
	}
	if count == 0 {
		return nil, nil
	}
	sev := SeverityWarning
	if now.Sub(last) < window {
		sev = SeverityCritical
	}
	at := since.UTC().Format("2006-01-02 15:04")
	mins := pol.Alerts.Burst429Minutes
	return []Alert{{
		Kind: KindRateLimitBurst, Severity: sev, Since: since, Value: float64(count), Threshold: float64(need),
		Title: Localized{"Burst of rate-limited calls (429)", "频繁触发速率限制（429）"},
		Detail: Localized{
			fmt.Sprintf("%d calls were rate limited within %d minutes from %s UTC. Slow down or spread the requests: calls that keep exceeding the limits can get a key or account restricted.", count, mins, at),
			fmt.Sprintf("从 %s（UTC）起 %d 分钟内有 %d 次调用被限速。请降低或分散请求频率：持续超限的调用可能导致密钥或账号被限制。", at, mins, count),
		},
	}}, nil
}

// budget compares this UTC month's estimated spend with the budget.
func (s *Service) budget(ctx context.Context, now time.Time, pol Policy) ([]Alert, error) {
	if pol.MonthlyBudgetUSD <= 0 {
		return nil, nil
	}
	n := now.UTC()
	month := time.Date(n.Year(), n.Month(), 1, 0, 0, 0, 0, time.UTC)
	rep, err := s.st.Report(ctx, Query{Since: month, Until: startOfDay(now).AddDate(0, 0, 1), By: ByDay})
	if err != nil {
		return nil, err
	}
	spent, budget := rep.Totals.CostUSD, pol.MonthlyBudgetUSD
	pct := spent / budget * 100
	var a Alert
	switch {
	case pct >= 100:
		a = Alert{Severity: SeverityCritical, Title: Localized{"Monthly budget exceeded", "已超出月度预算"}}
	case pct >= float64(pol.Alerts.BudgetWarnPercent):
		a = Alert{Severity: SeverityWarning, Title: Localized{"Monthly budget nearly spent", "月度预算即将用完"}}
	default:
		return nil, nil
	}
	a.Kind, a.Since, a.Value, a.Threshold = KindBudget, month, roundMicro(spent), budget
	a.Detail = Localized{
		fmt.Sprintf("An estimated $%.2f of the $%.2f monthly budget was spent in %s (%.0f%%), at the prices in the price table.", spent, budget, month.Format("January 2006"), pct),
		fmt.Sprintf("%d 年 %d 月按价格表估算已花费 $%.2f，占月度预算 $%.2f 的 %.0f%%。", month.Year(), int(month.Month()), spent, budget, pct),
	}
	return []Alert{a}, nil
}

// digits writes n with thousands separators.
func digits(n int64) string {
	s := fmt.Sprint(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}
