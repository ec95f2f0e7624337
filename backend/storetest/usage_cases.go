package storetest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"steward/backend/usage"
)

// day0 is the first day of the usage cases' events, UTC.
var day0 = time.Date(2026, 3, 8, 0, 0, 0, 0, time.UTC)

func call(at time.Time, member, model string, status int, in, out int64, cost float64) usage.Event {
	return usage.Event{Time: at, Source: usage.SourceGateway, Member: member, KeyFingerprint: strings.Repeat("a", 64),
		Endpoint: "/v1/chat/completions", Method: "POST", Model: model, Status: status, Stream: status == 200,
		InputTokens: in, CachedTokens: 0, OutputTokens: out, ReasoningTokens: 0, CostUSD: cost, Provider: "primary"}
}

// RunUsage checks the usage log's Store on the stores open makes; reopen
// gives a second store on the same database (another replica).
func RunUsage(t *testing.T, open Opener, reopen Reopener) {
	ctx := context.Background()
	t.Run("InsertThenReport", func(t *testing.T) {
		db := usage.NewSQLite(open(t))
		events := []usage.Event{
			call(day0.Add(10*time.Hour), "mei", "gpt-4o", 200, 1000, 500, 0.5),
			call(day0.Add(11*time.Hour), "li", "gpt-4o", 429, usage.Unknown, usage.Unknown, 0),
			call(day0.Add(34*time.Hour), "mei", "gpt-5", 200, 10, 20, 0.25),
		}
		if err := db.Insert(ctx, events); err != nil {
			t.Fatal(err)
		}
		whole := usage.Query{By: usage.ByMember, Since: day0, Until: day0.AddDate(0, 0, 3)}
		part := usage.Query{By: usage.ByDay, Since: day0.Add(10 * time.Hour), Until: day0.Add(35 * time.Hour)}
		for _, c := range []struct {
			q    usage.Query
			want string
		}{
			{whole, "mei 2/1010/520/0/$0.75; li 1/0/0/1/$0"},
			{part, "2026-03-08 2/1000/500/1/$0.5; 2026-03-09 1/10/20/0/$0.25"},
			{usage.Query{By: usage.ByProvider, Since: day0, Until: day0.AddDate(0, 0, 3)}, "primary 3/1010/520/1/$0.75"},
		} {
			rep, err := db.Report(ctx, c.q)
			if err != nil {
				t.Fatal(err)
			}
			if got := rowsText(rep); got != c.want {
				t.Errorf("report %s %v..%v = %q, want %q", c.q.By, c.q.Since, c.q.Until, got, c.want)
			}
		}
		times, err := db.RateLimitedTimes(ctx, day0, day0.AddDate(0, 0, 1))
		if err != nil || len(times) != 1 || !times[0].Equal(day0.Add(11*time.Hour)) {
			t.Errorf("RateLimitedTimes = %v, %v", times, err)
		}
		models, err := db.Models(ctx)
		if err != nil || strings.Join(models, ",") != "gpt-4o,gpt-5" {
			t.Errorf("Models = %v, %v", models, err)
		}
		kmd, err := db.KeyModelDays(ctx, day0, day0.AddDate(0, 0, 3))
		if err != nil || len(kmd) != 2 || kmd[0].Requests != 1 || kmd[0].InputTokens != 1000 {
			t.Errorf("KeyModelDays = %+v, %v", kmd, err)
		}
		series, err := db.Series(ctx, usage.SeriesQuery{Since: day0, Until: day0.Add(24 * time.Hour), Bucket: usage.BucketHour})
		if err != nil || len(series.Points) != 24 || series.Points[10].Requests != 1 || series.Points[11].RateLimited != 1 {
			t.Errorf("hourly Series = %+v, %v", series, err)
		}
	})
	t.Run("BodiesNameTheirCall", func(t *testing.T) {
		db := usage.NewSQLite(open(t))
		plain := call(day0.Add(time.Hour), "li", "gpt-4o", 200, 1, 1, 0)
		logged := call(day0.Add(2*time.Hour), "mei", "gpt-5", 200, 1, 1, 0)
		logged.RequestBody, logged.ResponseBody, logged.BodyRedacted = "question?", "answer", true
		if err := db.Insert(ctx, []usage.Event{plain, logged, plain}); err != nil {
			t.Fatal(err)
		}
		bodies, err := db.Bodies(ctx, day0, day0.AddDate(0, 0, 1), 10)
		if err != nil || len(bodies) != 1 {
			t.Fatalf("Bodies = %+v, %v", bodies, err)
		}
		b := bodies[0]
		if b.Member != "mei" || b.Model != "gpt-5" || b.Request != "question?" || b.Response != "answer" || !b.Redacted {
			t.Errorf("body = %+v", b)
		}
	})
	t.Run("PruneKeepsRollups", func(t *testing.T) {
		db := usage.NewSQLite(open(t))
		if err := db.Insert(ctx, []usage.Event{call(day0.Add(time.Hour), "li", "gpt-4o", 200, 5, 5, 1),
			call(day0.Add(49*time.Hour), "li", "gpt-4o", 200, 7, 7, 1)}); err != nil {
			t.Fatal(err)
		}
		p, err := db.Prune(ctx, day0.AddDate(0, 0, 1), day0.AddDate(0, 0, 1))
		if err != nil || p.Events != 1 {
			t.Fatalf("Prune = %+v, %v", p, err)
		}
		rep, err := db.Report(ctx, usage.Query{By: usage.ByMember, Since: day0, Until: day0.AddDate(0, 0, 3)})
		if got := rowsText(rep); err != nil || got != "li 2/12/12/0/$2" {
			t.Errorf("after prune: %q, %v", got, err)
		}
	})
	t.Run("RecomputeReprices", func(t *testing.T) {
		db := usage.NewSQLite(open(t))
		if err := db.Insert(ctx, []usage.Event{call(day0.Add(time.Hour), "li", "m-x", 200, 1_000_000, 1_000_000, 0)}); err != nil {
			t.Fatal(err)
		}
		prices := usage.NewPriceTable([]usage.Price{{Model: "m-x", InputPerMillion: 2, CachedInputPerMillion: 1, OutputPerMillion: 8}})
		n, err := db.Recompute(ctx, prices, nil)
		if err != nil || n != 1 {
			t.Fatalf("Recompute = %d, %v", n, err)
		}
		rep, err := db.Report(ctx, usage.Query{By: usage.ByModel, Since: day0, Until: day0.AddDate(0, 0, 1)})
		if got := rowsText(rep); err != nil || got != "m-x 1/1000000/1000000/0/$10" {
			t.Errorf("after recompute: %q, %v", got, err)
		}
	})
	t.Run("SettingsReplace", func(t *testing.T) { usageSettings(t, usage.NewSQLite(open(t))) })
	t.Run("ReplicasInsertConcurrently", func(t *testing.T) {
		s1 := open(t)
		s2, err := reopen(t, s1)
		if err != nil {
			t.Fatal(err)
		}
		defer s2.Close()
		var wg sync.WaitGroup
		errs := make(chan error, 40)
		for i := range 40 {
			db := usage.NewSQLite(s1)
			if i%2 == 1 {
				db = usage.NewSQLite(s2)
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				batch := make([]usage.Event, 25)
				for j := range batch {
					batch[j] = call(day0.Add(time.Duration(j)*time.Hour), fmt.Sprintf("m%d", j%3), "gpt-4o", 200, 1, 2, 0.5)
				}
				errs <- db.Insert(ctx, batch)
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		rep, err := usage.NewSQLite(s2).Report(ctx, usage.Query{By: usage.BySource, Since: day0, Until: day0.AddDate(0, 0, 3)})
		if got := rowsText(rep); err != nil || got != "gateway 1000/1000/2000/0/$500" {
			t.Errorf("after 40 concurrent batches of 25: %q, %v", got, err)
		}
	})
}

func usageSettings(t *testing.T, db *usage.SQLite) {
	ctx := context.Background()
	p := usage.DefaultPolicy()
	p.BodyLogging.Enabled, p.BodyLogging.RedactPII, p.MonthlyBudgetUSD = true, true, 123.5
	for range 2 {
		if err := db.SetPolicy(ctx, p, day0); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := db.Policy(ctx); err != nil || got != p {
		t.Errorf("Policy = %+v, %v; want %+v", got, err, p)
	}
	for _, in := range []float64{1, 3} {
		if err := db.SetPriceEdit(ctx, usage.Price{Model: "m-x", InputPerMillion: in, AsOf: "2026-03-08"}); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := db.PriceEdits(ctx); err != nil || len(got) != 1 || got[0].InputPerMillion != 3 {
		t.Errorf("PriceEdits = %+v, %v", got, err)
	}
	for _, label := range []string{"old", "new"} {
		m := usage.KeyMapping{APIKeyID: "key_1", Label: label, KeyFingerprint: strings.Repeat("b", 64), UpdatedAt: "2026-03-08"}
		if err := db.SetKeyMapping(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := db.KeyMappings(ctx); err != nil || len(got) != 1 || got[0].Label != "new" {
		t.Errorf("KeyMappings = %+v, %v", got, err)
	}
}

// rowsText renders a report as "group requests/in/out/errors/$cost; …".
func rowsText(rep usage.Report) string {
	var b strings.Builder
	for _, r := range rep.Rows {
		fmt.Fprintf(&b, "%s %d/%d/%d/%d/$%g; ", r.Group, r.Requests, r.InputTokens, r.OutputTokens, r.Errors, r.CostUSD)
	}
	return strings.TrimSuffix(b.String(), "; ")
}
