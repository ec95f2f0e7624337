package usage

import (
	"context"
	"strings"
	"testing"
	"time"
)

// withBodies is a call carrying a prompt with personal data and a key.
func withBodies(at time.Time, key string) Event {
	e := ev(at, "mei", "gpt-4o-mini", 10, 0, 10)
	e.RequestBody = `{"messages":[{"role":"user","content":"Mail mei.chen@example.com, key ` + key + `"}]}`
	e.ResponseBody = `{"choices":[{"message":{"content":"Sent to mei.chen@example.com"}}]}`
	return e
}

func TestBodyLogging(t *testing.T) {
	for _, tc := range []struct {
		name      string
		policy    func(*Policy)
		kept      bool
		redacted  bool
		wantEmail bool
	}{
		{"OffByDefault", func(*Policy) {}, false, false, false},
		{"KeptRedactedWhenOn", func(p *Policy) { p.BodyLogging.Enabled = true }, true, true, false},
		{"KeptAsIsWithoutRedaction", func(p *Policy) { p.BodyLogging.Enabled, p.BodyLogging.RedactPII = true, false }, true, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc, db, _ := newTestService(t)
			ctx := context.Background()
			pol, err := svc.Policy(ctx)
			if err != nil {
				t.Fatal(err)
			}
			tc.policy(&pol)
			if _, err := svc.SetPolicy(ctx, pol); err != nil {
				t.Fatal(err)
			}
			key := testKey(t)
			insert(t, svc, withBodies(testNow.Add(-time.Hour), key))
			bodies, err := svc.Bodies(ctx, day(-1), day(1), 0)
			if err != nil {
				t.Fatal(err)
			}
			if !tc.kept {
				if len(bodies) != 0 || countRows(t, db, "usage_bodies") != 0 {
					t.Fatalf("bodies kept while off: %+v", bodies)
				}
				return
			}
			if len(bodies) != 1 {
				t.Fatalf("bodies = %+v", bodies)
			}
			b := bodies[0]
			text := b.Request + b.Response
			if b.Redacted != tc.redacted || strings.Contains(text, "mei.chen@example.com") != tc.wantEmail ||
				b.Member != "mei" || b.Model != "gpt-4o-mini" {
				t.Fatalf("body = %+v", b)
			}
			if strings.Contains(text, key) {
				t.Fatalf("an API key was stored: %s", text)
			}
			if tc.redacted && !strings.Contains(b.Request, "[EMAIL]") {
				t.Fatalf("no placeholder: %s", b.Request)
			}
		})
	}
}

func TestBodyRetention(t *testing.T) {
	svc, db, _ := newTestService(t)
	ctx := context.Background()
	pol := DefaultPolicy()
	pol.BodyLogging = BodyLogging{Enabled: true, RetentionDays: 7, RedactPII: true}
	if _, err := svc.SetPolicy(ctx, pol); err != nil {
		t.Fatal(err)
	}
	key := testKey(t)
	insert(t, svc, withBodies(day(-8), key), withBodies(day(-6), key))
	p, err := svc.Prune(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if p.Bodies != 1 || p.Events != 0 || countRows(t, db, "usage_bodies") != 1 || countRows(t, db, "usage_events") != 2 {
		t.Fatalf("pruned %+v", p)
	}
	bodies, _ := svc.Bodies(ctx, day(-30), day(1), 10)
	if len(bodies) != 1 || !bodies[0].Time.Equal(day(-6)) {
		t.Fatalf("bodies = %+v", bodies)
	}
}

func TestPolicyRoundTrip(t *testing.T) {
	svc, _, _ := newTestService(t)
	ctx := context.Background()
	got, err := svc.Policy(ctx)
	if err != nil || got != DefaultPolicy() || got.BodyLogging.Enabled || got.RetentionDays != 365 {
		t.Fatalf("default policy = %+v, %v", got, err)
	}
	want := Policy{RetentionDays: 90, BodyLogging: BodyLogging{Enabled: true, RetentionDays: 14, RedactPII: false},
		MonthlyBudgetUSD: 250.5, Alerts: AlertRules{SpikeFactor: 4, SpikeMinRequests: 10, Burst429Count: 5,
			Burst429Minutes: 2, BudgetWarnPercent: 90}}
	if got, err := svc.SetPolicy(ctx, want); err != nil || got != want {
		t.Fatalf("SetPolicy = %+v, %v", got, err)
	}
	if got, _ := svc.Policy(ctx); got != want {
		t.Fatalf("Policy = %+v", got)
	}
}

func TestPolicyRejected(t *testing.T) {
	svc, _, _ := newTestService(t)
	for _, tc := range []struct {
		name   string
		change func(*Policy)
		en     string
	}{
		{"ErrRetentionZero", func(p *Policy) { p.RetentionDays = 0 }, "Keep usage rows"},
		{"ErrBodiesOutliveRows", func(p *Policy) { p.RetentionDays, p.BodyLogging.RetentionDays = 20, 30 }, "longer than the usage rows"},
		{"ErrNegativeBudget", func(p *Policy) { p.MonthlyBudgetUSD = -1 }, "monthly budget"},
		{"ErrSpikeFactorTooLow", func(p *Policy) { p.Alerts.SpikeFactor = 1 }, "spike factor"},
		{"ErrBurstWindow", func(p *Policy) { p.Alerts.Burst429Minutes = 0 }, "Burst window"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := DefaultPolicy()
			tc.change(&p)
			_, err := svc.SetPolicy(context.Background(), p)
			if codeOf(err) != CodePolicyInvalid || !strings.Contains(err.Error(), tc.en) {
				t.Fatalf("err = %v", err)
			}
		})
	}
}
