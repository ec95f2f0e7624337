package usage

import (
	"context"
	"testing"
	"time"
)

// Every gateway row names the provider that answered; reports group by it,
// from the rows for parts of days and from the rollups for whole days, and
// the grouping survives pruning and cost recomputation.
func TestReportByProvider(t *testing.T) {
	svc, _, clock := newTestService(t)
	ctx := context.Background()
	at := func(d, h int) time.Time { return day(d).Add(time.Duration(h) * time.Hour) }
	p := func(e Event, provider string) Event { e.Provider = provider; return e }
	insert(t, svc,
		p(ev(at(-2, 10), "mei", "gpt-4o-mini", 1000, 0, 100), "primary"),
		p(ev(at(-2, 11), "li", "gpt-4o-mini", 2000, 0, 200), "deepseek"),
		p(ev(at(-1, 9), "li", "gpt-4o-mini", 3000, 0, 300), "deepseek"),
		Event{Time: at(-1, 10), Source: SourceApp, Endpoint: "/v1/models", Method: "GET", Status: 200})
	want := "deepseek 2/5000/0/500/0/0/$0.00105; primary 1/1000/0/100/0/0/$0.00021;  1/0/0/0/0/0/$0"
	rep, err := svc.Report(ctx, Query{By: ByProvider})
	if err != nil {
		t.Fatal(err)
	}
	if got := rowsText(rep); got != want {
		t.Fatalf("rows:\n got %s\nwant %s", got, want)
	}
	part, err := svc.Report(ctx, Query{By: ByProvider, Since: at(-2, 10).Add(30 * time.Minute), Until: at(-1, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if got := rowsText(part); got != "deepseek 1/2000/0/200/0/0/$0.00042" {
		t.Fatalf("part of a day: %s", got)
	}
	clock.Set(testNow.AddDate(2, 0, 0))
	if _, err := svc.Prune(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Recompute(ctx); err != nil {
		t.Fatal(err)
	}
	after, err := svc.Report(ctx, Query{By: ByProvider})
	if err != nil {
		t.Fatal(err)
	}
	if got := rowsText(after); got != want {
		t.Fatalf("after prune and recompute:\n got %s\nwant %s", got, want)
	}
}
