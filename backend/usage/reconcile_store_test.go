package usage

import (
	"context"
	"testing"
	"time"
)

func TestReconciliationsKeepTheNewest(t *testing.T) {
	ctx := context.Background()
	r := NewReconciliations(openTestStore(t))

	t.Run("NoneYet", func(t *testing.T) {
		_, _, ok, err := r.LastReconciliation(ctx)
		if err != nil || ok {
			t.Fatalf("before the first run: ok=%v err=%v, want none", ok, err)
		}
	})
	t.Run("Newest", func(t *testing.T) {
		older := Reconciliation{Since: testNow.AddDate(0, 0, -7), Until: testNow, UnseenRequests: 3, Unmapped: []string{"key_old"}}
		newer := Reconciliation{Since: testNow.AddDate(0, 0, -1), Until: testNow, UnseenRequests: 0,
			Rows: []ReconcileRow{{Day: "2026-01-01", APIKeyID: "key_a", Mapped: true, APIRequests: 5, LocalRequests: 5}}}
		if err := r.Save(ctx, older, testNow.Add(-time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := r.Save(ctx, newer, testNow); err != nil {
			t.Fatal(err)
		}
		got, at, ok, err := r.LastReconciliation(ctx)
		if err != nil || !ok {
			t.Fatalf("ok=%v err=%v", ok, err)
		}
		if !at.Equal(testNow.UTC().Truncate(time.Second)) {
			t.Errorf("ran at %v, want %v", at, testNow)
		}
		if got.UnseenRequests != 0 || len(got.Rows) != 1 || got.Rows[0].APIKeyID != "key_a" {
			t.Errorf("got %+v, want the newer run", got)
		}
	})
}
