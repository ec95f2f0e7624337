package usage

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"steward/backend/apperr"
	"steward/backend/openaitest"
)

func TestScreen(t *testing.T) {
	svc, _ := fixture(t)
	w := NewWriter(svc, WriterOptions{})
	defer w.Close(context.Background())
	s := NewScreen(svc, w, nil, nil)

	rep, err := s.Report(ReportRequest{Since: "2026-03-08", Until: "2026-03-10", By: ByMember})
	if err != nil || rep.Totals.Requests != 7 {
		t.Fatalf("Report = %+v, %v", rep.Totals, err)
	}
	series, err := s.Series("2026-03-04", "", BucketDay)
	if err != nil || len(series.Points) != 7 || series.Points[6].Requests != 2 {
		t.Fatalf("Series = %+v, %v", series, err)
	}
	if alerts, err := s.Alerts(); err != nil || alerts == nil {
		t.Fatalf("Alerts = %v, %v", alerts, err)
	}
	if list, err := s.SetPrice(Price{Model: "gpt-5", InputPerMillion: 2, OutputPerMillion: 20}); err != nil || len(list.Prices) != len(DefaultPrices()) {
		t.Fatalf("SetPrice = %+v, %v", list, err)
	}
	pol := s.DefaultPolicy()
	pol.MonthlyBudgetUSD = 100
	if got, err := s.SetPolicy(pol); err != nil || got.MonthlyBudgetUSD != 100 {
		t.Fatalf("SetPolicy = %+v, %v", got, err)
	}
	if st := s.Stats(); st.Capacity != 10_000 {
		t.Fatalf("Stats = %+v", st)
	}
	if _, err := s.Reconcile("", ""); codeOf(err) != CodeReconcileMissing {
		t.Fatalf("Reconcile without admin access = %v", err)
	}
	if err := s.ExportReport(ReportRequest{}, FormatCSV, LangEn, " "); codeOf(err) != apperr.Invalid {
		t.Fatalf("ExportReport without a path = %v", err)
	}
	path := filepath.Join(t.TempDir(), "usage.json")
	if err := s.ExportReport(ReportRequest{By: ByModel}, FormatJSON, LangEn, path); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || len(b) == 0 {
		t.Fatalf("export = %q, %v", b, err)
	}
}

func TestScreenReconcile(t *testing.T) {
	svc, _, clock := newTestService(t)
	srv := openaitest.New(t, openaitest.WithClock(clock.Now), openaitest.WithUsage(
		openaitest.UsageRecord{Time: day(-1), APIKeyID: "key_leaked", Model: "gpt-4o", Requests: 40, InputTokens: 4000}))
	admin := testKey(t)
	s := NewScreen(svc, nil, nil, func(context.Context) (*http.Client, string, string, error) {
		return srv.Client(), srv.URL, admin, nil
	})
	rec, err := s.Reconcile("2026-03-01", "")
	if err != nil || rec.UnseenRequests != 40 || len(rec.Unmapped) != 1 || rec.Unmapped[0] != "key_leaked" {
		t.Fatalf("Reconcile = %+v, %v", rec, err)
	}
	if st := s.Stats(); st != (Stats{}) {
		t.Fatalf("Stats without a writer = %+v", st)
	}
}
