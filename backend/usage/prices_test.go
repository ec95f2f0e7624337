package usage

import (
	"context"
	"testing"
	"time"
)

func TestPriceLookup(t *testing.T) {
	table := NewPriceTable(DefaultPrices())
	for _, tc := range []struct {
		name, model, want string
	}{
		{"ExactName", "gpt-4o", "gpt-4o"},
		{"DatedSnapshotMapsToFamily", "gpt-4o-2024-08-06", "gpt-4o"},
		{"LongestPrefixWins", "gpt-4o-mini-2024-07-18", "gpt-4o-mini"},
		{"LongestPrefixWinsForNano", "gpt-4.1-nano-2025-04-14", "gpt-4.1-nano"},
		{"CaseIgnored", "GPT-5-Mini", "gpt-5-mini"},
		{"ModerationSnapshotIsFree", "omni-moderation-2024-09-26", "omni-moderation"},
		{"UnknownModel", "llama-3-70b", ""},
		{"PrefixNeedsDash", "gpt-4ox", ""},
		{"FineTunedModelsAreNotGuessed", "ft:gpt-4o-mini:acme::abc123", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, ok := table.Lookup(tc.model)
			if ok != (tc.want != "") || p.Model != tc.want {
				t.Fatalf("Lookup(%q) = %q, %v; want %q", tc.model, p.Model, ok, tc.want)
			}
		})
	}
}

func TestDefaultPricesAreDatedAndComplete(t *testing.T) {
	table := NewPriceTable(DefaultPrices())
	for _, m := range []string{"gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "o3", "o4-mini",
		"gpt-5", "gpt-5-mini", "gpt-5-nano", "text-embedding-3-small", "text-embedding-3-large", "omni-moderation-latest"} {
		p, ok := table.Lookup(m)
		if !ok || p.Model != m || p.AsOf != DefaultPricesAsOf || p.Custom {
			t.Errorf("%s: %+v, %v", m, p, ok)
		}
	}
	if p, _ := table.Lookup("omni-moderation-latest"); p.InputPerMillion != 0 || p.OutputPerMillion != 0 {
		t.Errorf("moderation is not free: %+v", p)
	}
}

func TestCost(t *testing.T) {
	table := NewPriceTable(DefaultPrices())
	for _, tc := range []struct {
		name string
		e    Event
		want float64
	}{
		// (800 × 2.50 + 200 × 1.25 + 500 × 10) / 1e6
		{"CachedInputAtCachedPrice", Event{Model: "gpt-4o", InputTokens: 1000, CachedTokens: 200, OutputTokens: 500}, 0.00725},
		{"ReasoningIsPartOfOutput", Event{Model: "o3", InputTokens: 0, OutputTokens: 1000, ReasoningTokens: 800}, 0.008},
		{"UnknownTokensCostNothing", Event{Model: "gpt-4o", InputTokens: Unknown, CachedTokens: Unknown, OutputTokens: Unknown}, 0},
		{"CachedNeverExceedsInput", Event{Model: "gpt-4o", InputTokens: 100, CachedTokens: 500}, 0.000125},
		{"UnpricedModelCostsNothing", Event{Model: "my-local-model", InputTokens: 1000, OutputTokens: 1000}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := roundMicro(table.Cost(tc.e)*1e3) / 1e3; got != tc.want {
				t.Fatalf("cost = %g, want %g", table.Cost(tc.e), tc.want)
			}
		})
	}
}

func TestSetPriceRecomputesStoredCosts(t *testing.T) {
	svc, _, _ := newTestService(t)
	ctx := context.Background()
	old := day(-400).Add(time.Hour)
	insert(t, svc,
		ev(old, "mei", "gpt-4o-2024-08-06", 1_000_000, 0, 0),       // $2.50, pruned below
		ev(day(-1), "mei", "gpt-4o", 1_000_000, 0, 1_000_000),      // $12.50
		ev(day(-1), "li", "gpt-4o-mini", 1_000_000, 0, 0),          // $0.15, another model: unchanged
		ev(day(-1), "li", "acme-internal-7b", 1_000_000, 0, 0),     // unpriced
		ev(day(0).Add(time.Hour), "li", "gpt-4o", 0, 0, 1_000_000), // $10, part of today
	)
	if _, err := svc.Prune(ctx); err != nil {
		t.Fatal(err)
	}
	cost := func(q Query) map[string]float64 {
		t.Helper()
		rep, err := svc.Report(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]float64{"total": rep.Totals.CostUSD}
		for _, r := range rep.Rows {
			out[r.Group] = r.CostUSD
		}
		return out
	}
	if got := cost(Query{By: ByModel}); got["total"] != 25.15 {
		t.Fatalf("before edit: %v", got)
	}

	if _, err := svc.SetPrice(ctx, Price{Model: "gpt-4o", InputPerMillion: 5, CachedInputPerMillion: 2.5, OutputPerMillion: 20}); err != nil {
		t.Fatal(err)
	}
	byModel := cost(Query{By: ByModel})
	if byModel["gpt-4o-2024-08-06"] != 5 || byModel["gpt-4o"] != 45 || byModel["gpt-4o-mini"] != 0.15 || byModel["total"] != 50.15 {
		t.Fatalf("after edit by model: %v", byModel)
	}
	for _, by := range []string{ByDay, ByMember, ByEndpoint, ByKey, BySource} {
		if got := cost(Query{By: by}); got["total"] != 50.15 {
			t.Errorf("after edit by %s: %v", by, got)
		}
	}
	if got := cost(Query{By: ByModel, Since: day(0).Add(30 * time.Minute), Until: day(0).Add(2 * time.Hour)}); got["gpt-4o"] != 20 {
		t.Errorf("event rows not re-priced: %v", got)
	}

	list, err := svc.ResetPrice(ctx, "gpt-4o")
	if err != nil {
		t.Fatal(err)
	}
	if got := cost(Query{By: ByModel}); got["total"] != 25.15 {
		t.Fatalf("after reset: %v", got)
	}
	for _, p := range list.Prices {
		if p.Model == "gpt-4o" && (p.Custom || p.InputPerMillion != 2.5) {
			t.Fatalf("reset price = %+v", p)
		}
	}

	unpriced, err := svc.UnpricedModels(ctx)
	if err != nil || len(unpriced) != 1 || unpriced[0] != "acme-internal-7b" {
		t.Fatalf("unpriced = %v, %v", unpriced, err)
	}
	if _, err := svc.SetPrice(ctx, Price{Model: "acme-internal-7b", InputPerMillion: 1}); err != nil {
		t.Fatal(err)
	}
	if got := cost(Query{By: ByModel}); got["acme-internal-7b"] != 1 {
		t.Fatalf("added model not priced: %v", got)
	}
	list, _ = svc.Prices(ctx)
	for _, p := range list.Prices {
		if p.Model == "acme-internal-7b" && (!p.Custom || p.AsOf != "2026-03-10") {
			t.Fatalf("added price = %+v", p)
		}
	}
	if list.DefaultsAsOf != DefaultPricesAsOf || list.Source != PricesSource {
		t.Fatalf("list = %+v", list)
	}
}

func TestRecomputeAll(t *testing.T) {
	svc, db, _ := newTestService(t)
	ctx := context.Background()
	insert(t, svc, ev(day(-1), "mei", "gpt-4o", 1_000_000, 0, 0))
	// Costs went stale behind the service's back, as after an upgrade with new defaults.
	if err := db.SetPriceEdit(ctx, Price{Model: "gpt-4o", InputPerMillion: 3, AsOf: "2026-03-10"}); err != nil {
		t.Fatal(err)
	}
	n, err := svc.Recompute(ctx)
	if err != nil || n != 1 {
		t.Fatalf("Recompute = %d, %v", n, err)
	}
	rep, _ := svc.Report(ctx, Query{By: ByDay})
	if rep.Totals.CostUSD != 3 {
		t.Fatalf("cost = %v", rep.Totals.CostUSD)
	}
}

func TestSetPriceRejected(t *testing.T) {
	svc, _, _ := newTestService(t)
	for _, tc := range []struct {
		name string
		p    Price
	}{
		{"ErrNoModel", Price{Model: " ", InputPerMillion: 1}},
		{"ErrNegative", Price{Model: "gpt-4o", InputPerMillion: -1}},
		{"ErrAbsurd", Price{Model: "gpt-4o", OutputPerMillion: 1e9}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := svc.SetPrice(context.Background(), tc.p); codeOf(err) != CodePriceInvalid {
				t.Fatalf("err = %v", err)
			}
		})
	}
}
