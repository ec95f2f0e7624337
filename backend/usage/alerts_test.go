package usage

import (
	"context"
	"strings"
	"testing"
	"time"
)

// calls makes n successful calls spread over the minutes after start.
func calls(start time.Time, n int, step time.Duration) []Event {
	out := make([]Event, n)
	for i := range out {
		out[i] = ev(start.Add(time.Duration(i)*step), "mei", "gpt-4o-mini", 100, 0, 10)
	}
	return out
}

// limited makes n 429s, one every step from start.
func limited(start time.Time, n int, step time.Duration) []Event {
	out := calls(start, n, step)
	for i := range out {
		out[i].Status, out[i].ErrorType = 429, "requests"
		out[i].InputTokens, out[i].OutputTokens = Unknown, Unknown
	}
	return out
}

func alertsOf(t *testing.T, svc *Service, kind string) []Alert {
	t.Helper()
	all, err := svc.Alerts(context.Background(), testNow)
	if err != nil {
		t.Fatal(err)
	}
	var out []Alert
	for _, a := range all {
		if a.Kind == kind {
			out = append(out, a)
		}
	}
	return out
}

func TestRequestSpikeByDay(t *testing.T) {
	for _, tc := range []struct {
		name  string
		today int
		fires bool
	}{
		{"FiresAboveThreeTimesTheMedian", 400, true},
		{"QuietAtTwiceTheMedian", 200, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc, _, _ := newTestService(t)
			for d := -7; d < 0; d++ {
				insert(t, svc, calls(day(d).Add(time.Hour), 100, time.Minute)...)
			}
			insert(t, svc, calls(day(0), tc.today, 2*time.Second)...)
			got := alertsOf(t, svc, KindRequestSpike)
			var daily []Alert
			for _, a := range got {
				if strings.Contains(a.Title.En, "day") {
					daily = append(daily, a)
				}
			}
			if !tc.fires {
				if len(daily) != 0 {
					t.Fatalf("alerts = %+v", daily)
				}
				return
			}
			if len(daily) != 1 || daily[0].Value != float64(tc.today) || daily[0].Threshold != 300 || !daily[0].Since.Equal(day(0)) ||
				!strings.Contains(daily[0].Detail.En, "400 requests on 2026-03-10") || !strings.Contains(daily[0].Detail.ZhCN, "4.0 倍") {
				t.Fatalf("alerts = %+v", daily)
			}
		})
	}
}

func TestRequestSpikeByHour(t *testing.T) {
	hour := testNow.Truncate(time.Hour)
	for _, tc := range []struct {
		name     string
		thisHour int
		fires    bool
	}{
		{"FiresOnABurstHour", 120, true},
		{"QuietBelowTheMinimum", 40, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc, _, _ := newTestService(t)
			for h := 1; h <= 24; h++ {
				insert(t, svc, calls(hour.Add(-time.Duration(h)*time.Hour), 10, time.Minute)...)
			}
			insert(t, svc, calls(hour, tc.thisHour, time.Second)...)
			var hourly []Alert
			for _, a := range alertsOf(t, svc, KindRequestSpike) {
				if strings.Contains(a.Title.En, "hour") {
					hourly = append(hourly, a)
				}
			}
			if tc.fires != (len(hourly) == 1) || (tc.fires && !hourly[0].Since.Equal(hour)) {
				t.Fatalf("alerts = %+v", hourly)
			}
		})
	}
}

func TestRateLimitBurst(t *testing.T) {
	for _, tc := range []struct {
		name     string
		events   []Event
		severity string // "" when it must not fire
		count    float64
	}{
		{"FiresWhileOngoing", limited(testNow.Add(-3*time.Minute), 12, 10*time.Second), SeverityCritical, 12},
		{"WarnsAfterItEnded", limited(testNow.Add(-5*time.Hour), 10, 20*time.Second), SeverityWarning, 10},
		{"QuietWhenSpreadOut", limited(testNow.Add(-2*time.Hour), 20, 6*time.Minute), "", 0},
		{"QuietBelowTheCount", limited(testNow.Add(-time.Minute), 9, time.Second), "", 0},
		{"OlderThanADayIgnored", limited(testNow.Add(-25*time.Hour), 30, time.Second), "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc, _, _ := newTestService(t)
			insert(t, svc, tc.events...)
			got := alertsOf(t, svc, KindRateLimitBurst)
			if tc.severity == "" {
				if len(got) != 0 {
					t.Fatalf("alerts = %+v", got)
				}
				return
			}
			if len(got) != 1 || got[0].Severity != tc.severity || got[0].Value != tc.count || !got[0].Since.Equal(tc.events[0].Time) {
				t.Fatalf("alerts = %+v", got)
			}
		})
	}
}

func TestBudget(t *testing.T) {
	for _, tc := range []struct {
		name     string
		budget   float64
		severity string
	}{
		{"CriticalWhenExceeded", 10, SeverityCritical},
		{"WarningNearTheBudget", 14, SeverityWarning},
		{"QuietWellWithin", 30, ""},
		{"QuietWithoutBudget", 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc, _, _ := newTestService(t)
			pol := DefaultPolicy()
			pol.MonthlyBudgetUSD = tc.budget
			if _, err := svc.SetPolicy(context.Background(), pol); err != nil {
				t.Fatal(err)
			}
			// $12.50 this month (gpt-4o), and last month's $100 that must not count.
			insert(t, svc, ev(day(-2), "mei", "gpt-4o", 1_000_000, 0, 1_000_000),
				ev(day(-20), "mei", "gpt-4o", 0, 0, 10_000_000))
			got := alertsOf(t, svc, KindBudget)
			if tc.severity == "" {
				if len(got) != 0 {
					t.Fatalf("alerts = %+v", got)
				}
				return
			}
			if len(got) != 1 || got[0].Severity != tc.severity || got[0].Value != 12.5 || got[0].Threshold != tc.budget ||
				!got[0].Since.Equal(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)) || !strings.Contains(got[0].Detail.En, "March 2026") {
				t.Fatalf("alerts = %+v", got)
			}
		})
	}
}

func TestAlertsMostSevereFirst(t *testing.T) {
	svc, _, _ := newTestService(t)
	pol := DefaultPolicy()
	pol.MonthlyBudgetUSD = 14
	if _, err := svc.SetPolicy(context.Background(), pol); err != nil {
		t.Fatal(err)
	}
	insert(t, svc, ev(day(-2), "mei", "gpt-4o", 1_000_000, 0, 1_000_000))
	insert(t, svc, limited(testNow.Add(-time.Minute), 10, time.Second)...)
	all, err := svc.Alerts(context.Background(), testNow)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0].Kind != KindRateLimitBurst || all[1].Kind != KindBudget {
		t.Fatalf("alerts = %+v", all)
	}
}

func TestMedianRequests(t *testing.T) {
	for _, tc := range []struct {
		in   []int64
		want float64
	}{{nil, 0}, {[]int64{5}, 5}, {[]int64{9, 1, 5}, 5}, {[]int64{4, 1, 3, 2}, 2.5}} {
		var ps []Point
		for _, n := range tc.in {
			ps = append(ps, Point{Requests: n})
		}
		if got := medianRequests(ps); got != tc.want {
			t.Errorf("median(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
