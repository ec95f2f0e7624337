package usage

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// fixture is seven calls over three days whose sums are worked out by hand
// in the tests below (prices from the shipped table):
//
//	e1 03-08 10:00 mei gpt-4o      chat       200  in 1000 (200 cached) out 500   $0.00725
//	e2 03-08 11:00 li  gpt-4o-mini responses  429  no usage                       $0
//	e3 03-09 09:00 mei gpt-4o-mini-2024-07-18 chat 200 in 2000 out 1000           $0.0009
//	e4 03-09 13:00 li  text-embedding-3-small embeddings 200 in 5000              $0.0001
//	e5 03-09 18:00 ""  omni-moderation-latest moderations 200 (app) no usage      $0
//	e6 03-10 08:00 mei gpt-5       chat       500  in 100                         $0.000125
//	e7 03-10 14:00 li  gpt-5-mini  responses  200  in 10000 (4000 cached) out 2000 (1500 reasoning) $0.0056
func fixture(t *testing.T) (*Service, *SQLite) {
	t.Helper()
	svc, db, _ := newTestService(t)
	at := func(d, h int) time.Time { return day(d).Add(time.Duration(h) * time.Hour) }
	e2 := ev(at(-2, 11), "li", "gpt-4o-mini", Unknown, Unknown, Unknown)
	e2.Endpoint, e2.Status, e2.ErrorType, e2.ReasoningTokens = "/v1/responses", 429, "requests", Unknown
	e3 := ev(at(-1, 9), "mei", "gpt-4o-mini-2024-07-18", 2000, 0, 1000)
	e4 := ev(at(-1, 13), "li", "text-embedding-3-small", 5000, 0, 0)
	e4.Endpoint = "/v1/embeddings"
	e5 := Event{Time: at(-1, 18), Source: SourceApp, KeyFingerprint: fp("app"), Endpoint: "/v1/moderations",
		Method: "POST", Model: "omni-moderation-latest", Status: 200,
		InputTokens: Unknown, CachedTokens: Unknown, OutputTokens: Unknown, ReasoningTokens: Unknown}
	e6 := ev(at(0, 8), "mei", "gpt-5", 100, 0, 0)
	e6.Status, e6.ErrorType = 500, "server_error"
	e7 := ev(at(0, 14), "li", "gpt-5-mini", 10000, 4000, 2000)
	e7.Endpoint, e7.ReasoningTokens = "/v1/responses", 1500
	insert(t, svc, ev(at(-2, 10), "mei", "gpt-4o", 1000, 200, 500), e2, e3)
	insert(t, svc, e4, e5, e6, e7)
	return svc, db
}

// rowsText renders rows compactly: group requests/in/cached/out/errors/429s/$cost.
func rowsText(rep Report) string {
	var b strings.Builder
	for _, r := range rep.Rows {
		fmt.Fprintf(&b, "%s %d/%d/%d/%d/%d/%d/$%g; ", r.Group, r.Requests, r.InputTokens, r.CachedTokens,
			r.OutputTokens, r.Errors, r.RateLimited, r.CostUSD)
	}
	return strings.TrimSuffix(b.String(), "; ")
}

func TestReportByEachGrouping(t *testing.T) {
	svc, _ := fixture(t)
	chat, resp := "/v1/chat/completions", "/v1/responses"
	for _, tc := range []struct {
		name string
		q    Query
		want string
	}{
		{"ByDay", Query{By: ByDay},
			"2026-03-08 2/1000/200/500/1/1/$0.00725; 2026-03-09 3/7000/0/1000/0/0/$0.001; 2026-03-10 2/10100/4000/2000/1/0/$0.005725"},
		{"ByMember", Query{By: ByMember},
			"mei 3/3100/200/1500/1/0/$0.008275; li 3/15000/4000/2000/1/1/$0.0057;  1/0/0/0/0/0/$0"},
		{"ByModel", Query{By: ByModel},
			"gpt-4o 1/1000/200/500/0/0/$0.00725; gpt-5-mini 1/10000/4000/2000/0/0/$0.0056; " +
				"gpt-4o-mini-2024-07-18 1/2000/0/1000/0/0/$0.0009; gpt-5 1/100/0/0/1/0/$0.000125; " +
				"text-embedding-3-small 1/5000/0/0/0/0/$0.0001; gpt-4o-mini 1/0/0/0/1/1/$0; omni-moderation-latest 1/0/0/0/0/0/$0"},
		{"ByEndpoint", Query{By: ByEndpoint},
			chat + " 3/3100/200/1500/1/0/$0.008275; " + resp + " 2/10000/4000/2000/1/1/$0.0056; " +
				"/v1/embeddings 1/5000/0/0/0/0/$0.0001; /v1/moderations 1/0/0/0/0/0/$0"},
		{"ByKey", Query{By: ByKey},
			fp("mei") + " 3/3100/200/1500/1/0/$0.008275; " + fp("li") + " 3/15000/4000/2000/1/1/$0.0057; " + fp("app") + " 1/0/0/0/0/0/$0"},
		{"BySource", Query{By: BySource},
			"gateway 6/18100/4200/3500/2/1/$0.013975; app 1/0/0/0/0/0/$0"},
		{"OneSourceOnly", Query{By: ByDay, Source: SourceApp}, "2026-03-09 1/0/0/0/0/0/$0"},
		{"PartsOfDaysFromRows", Query{By: ByMember, Since: day(-1).Add(12 * time.Hour), Until: day(0).Add(10 * time.Hour)},
			"mei 1/100/0/0/1/0/$0.000125; li 1/5000/0/0/0/0/$0.0001;  1/0/0/0/0/0/$0"},
		{"PartDayThenWholeDay", Query{By: ByDay, Since: day(-1).Add(12 * time.Hour), Until: day(1)},
			"2026-03-09 2/5000/0/0/0/0/$0.0001; 2026-03-10 2/10100/4000/2000/1/0/$0.005725"},
		{"EmptyPeriod", Query{By: ByDay, Since: day(5), Until: day(6)}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := svc.Report(context.Background(), tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if got := rowsText(rep); got != tc.want {
				t.Fatalf("rows:\n got %s\nwant %s", got, tc.want)
			}
			var sum Totals
			for _, r := range rep.Rows {
				sum.add(r.Totals)
			}
			sum.CostUSD = roundMicro(sum.CostUSD)
			if sum != rep.Totals {
				t.Fatalf("totals %+v, rows sum to %+v", rep.Totals, sum)
			}
		})
	}
}

func TestReportTotalsAndExtraFields(t *testing.T) {
	svc, _ := fixture(t)
	rep, err := svc.Report(context.Background(), Query{By: ByMember})
	if err != nil {
		t.Fatal(err)
	}
	want := Totals{Requests: 7, InputTokens: 18100, OutputTokens: 3500, Errors: 2, CostUSD: 0.013975,
		CachedTokens: 4200, ReasoningTokens: 1500, RateLimited: 1, RequestsWithoutUsage: 2}
	if rep.Totals != want {
		t.Fatalf("totals = %+v\nwant %+v", rep.Totals, want)
	}
}

func TestReportByKeyNamesMappedKeys(t *testing.T) {
	svc, _ := fixture(t)
	ctx := context.Background()
	if _, err := svc.SetKeyMapping(ctx, KeyMapping{APIKeyID: "key_li", Label: "li-prod", KeyFingerprint: fp("li")}); err != nil {
		t.Fatal(err)
	}
	svc.keyLabels = func(context.Context) (map[string]string, error) {
		return map[string]string{fp("mei"): "mei-laptop"}, nil
	}
	rep, err := svc.Report(ctx, Query{By: ByKey})
	if err != nil {
		t.Fatal(err)
	}
	labels := map[string]string{}
	for _, r := range rep.Rows {
		labels[r.Group] = r.Label
	}
	if labels[fp("li")] != "li-prod" || labels[fp("mei")] != "mei-laptop" || labels[fp("app")] != "" {
		t.Fatalf("labels = %v", labels)
	}
}

func TestQueryRejected(t *testing.T) {
	svc, _ := fixture(t)
	for _, tc := range []struct {
		name string
		q    Query
	}{
		{"ErrUnknownGrouping", Query{By: "week"}},
		{"ErrUnknownSource", Query{Source: "proxy"}},
		{"ErrEmptyPeriod", Query{Since: day(0), Until: day(0)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := svc.Report(context.Background(), tc.q)
			if codeOf(err) != CodeQueryInvalid {
				t.Fatalf("err = %v, want %s", err, CodeQueryInvalid)
			}
		})
	}
}

func TestSeries(t *testing.T) {
	svc, _ := fixture(t)
	ctx := context.Background()
	t.Run("DaysFromRollups", func(t *testing.T) {
		s, err := svc.Series(ctx, day(-3), day(1), BucketDay)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range s.Points {
			got = append(got, fmt.Sprintf("%s:%d/%d/%d/%d", p.Start.Format(time.DateOnly), p.Requests, p.Tokens, p.Errors, p.RateLimited))
		}
		want := "[2026-03-07:0/0/0/0 2026-03-08:2/1500/1/1 2026-03-09:3/8000/0/0 2026-03-10:2/12100/1/0]"
		if fmt.Sprint(got) != want {
			t.Fatalf("points = %v\nwant %s", got, want)
		}
	})
	t.Run("HoursFromRows", func(t *testing.T) {
		s, err := svc.Series(ctx, day(0), day(1), BucketHour)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Points) != 24 {
			t.Fatalf("%d points", len(s.Points))
		}
		for h, p := range s.Points {
			want := int64(0)
			if h == 8 || h == 14 {
				want = 1
			}
			if p.Requests != want || !p.Start.Equal(day(0).Add(time.Duration(h)*time.Hour)) {
				t.Fatalf("hour %d = %+v", h, p)
			}
		}
		if s.Points[14].CostUSD != 0.0056 || s.Points[8].Errors != 1 {
			t.Fatalf("hours 8, 14 = %+v, %+v", s.Points[8], s.Points[14])
		}
	})
	t.Run("ErrUnknownBucket", func(t *testing.T) {
		if _, err := svc.Series(ctx, day(0), day(1), "week"); codeOf(err) != CodeQueryInvalid {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("ErrTooManyHours", func(t *testing.T) {
		if _, err := svc.Series(ctx, day(-1000), day(1), BucketHour); codeOf(err) != CodeQueryInvalid {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestPruneKeepsRollups(t *testing.T) {
	svc, db, clock := newTestService(t)
	ctx := context.Background()
	old := day(-400).Add(9 * time.Hour)
	insert(t, svc, ev(old, "mei", "gpt-4o", 1000, 0, 100), ev(old.Add(time.Hour), "li", "gpt-4o", 1000, 0, 100),
		ev(day(-1).Add(9*time.Hour), "mei", "gpt-4o", 1000, 0, 100))
	before, _ := svc.Report(ctx, Query{By: ByDay})

	clock.Set(testNow)
	p, err := svc.Prune(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if p.Events != 2 || countRows(t, db, "usage_events") != 1 {
		t.Fatalf("pruned %+v, %d rows left", p, countRows(t, db, "usage_events"))
	}
	after, err := svc.Report(ctx, Query{By: ByDay})
	if err != nil {
		t.Fatal(err)
	}
	if rowsText(after) != rowsText(before) || after.Rows[0].Group != dayOf(old) || after.Rows[0].Requests != 2 {
		t.Fatalf("after prune:\n%s\nbefore:\n%s", rowsText(after), rowsText(before))
	}
	hours, err := svc.Series(ctx, startOfDay(old), startOfDay(old).AddDate(0, 0, 1), BucketHour)
	if err != nil {
		t.Fatal(err)
	}
	if hours.Points[9].Requests != 0 {
		t.Fatalf("hourly series still sees pruned rows: %+v", hours.Points[9])
	}
	if p, err := svc.Prune(ctx); err != nil || p.Events != 0 {
		t.Fatalf("second prune = %+v, %v", p, err)
	}
}

func TestPruneFollowsRetention(t *testing.T) {
	svc, db, _ := newTestService(t)
	ctx := context.Background()
	pol := DefaultPolicy()
	pol.RetentionDays, pol.BodyLogging.RetentionDays = 30, 7
	if _, err := svc.SetPolicy(ctx, pol); err != nil {
		t.Fatal(err)
	}
	insert(t, svc, ev(day(-31), "mei", "gpt-4o", 1, 0, 1), ev(day(-29), "mei", "gpt-4o", 1, 0, 1))
	if p, err := svc.Prune(ctx); err != nil || p.Events != 1 || countRows(t, db, "usage_events") != 1 {
		t.Fatalf("prune = %+v, %v", p, err)
	}
}
