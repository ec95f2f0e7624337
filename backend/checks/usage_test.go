package checks

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"steward/backend/gateway"
	"steward/backend/privacy"
	"steward/backend/usage"
)

// fakeReconciliations stands in for the record of reconciliations, which
// nothing keeps yet.
type fakeReconciliations struct {
	rec usage.Reconciliation
	at  time.Time
}

func (f *fakeReconciliations) LastReconciliation(context.Context) (usage.Reconciliation, time.Time, bool, error) {
	return f.rec, f.at, !f.at.IsZero(), nil
}

func TestUsageChecks(t *testing.T) {
	t.Run("UnknownWithoutUsage", func(t *testing.T) {
		w := newWorld(t)
		for _, item := range []string{"KH-09", "OP-01", "OP-02", "OP-06"} {
			w.want("", item, Unknown)
		}
		w.want("", "OP-03", Fail) // no budget
		w.want("", "DP-04", Pass) // bodies are not kept by default
		w.want("", "OP-10", Unknown)
	})
	t.Run("PassAndFail", func(t *testing.T) {
		w := newWorld(t)
		w.member("ana")
		w.addKey("ana", "ana-prod", "sk-proj-")
		keys, _ := w.reg.Keys(w.ctx)
		fp := keys[0].Fingerprint
		for range 20 {
			w.calls(w.gatewayCall("ana", fp))
		}
		w.want("", "OP-01", Pass)
		w.want("", "OP-02", Pass)
		w.want("", "OP-06", Pass)
		w.want("", "KH-09", Unknown) // no reconciliation recorded
		rec := &fakeReconciliations{}
		w.svc.src.Reconciliations = rec
		w.want("", "KH-09", Fail) // never reconciled
		rec.at = w.clock.Now().Add(-2 * day)
		w.want("", "KH-09", Pass)
		w.want("", "OP-10", Pass)
		rec.rec.UnseenRequests = 7
		if r := w.want("", "KH-09", Fail); r.Evidence["unseen_requests"] != int64(7) {
			t.Fatalf("KH-09 evidence = %v", r.Evidence)
		}
		rec.at = w.clock.Now().Add(-40 * day)
		w.want("", "OP-10", Fail)

		anon := w.gatewayCall("", fp)
		limited := w.gatewayCall("ana", fp)
		limited.Status = 429
		w.calls(anon, limited, limited)
		w.want("", "OP-06", Fail)
		if r := w.want("", "OP-01", Fail); r.Evidence["rate_limited"] != int64(2) {
			t.Fatalf("OP-01 evidence = %v", r.Evidence)
		}
	})
	t.Run("Budget", func(t *testing.T) {
		w := newWorld(t)
		p, _ := w.usage.Policy(w.ctx)
		p.MonthlyBudgetUSD = 50
		if _, err := w.usage.SetPolicy(w.ctx, p); err != nil {
			t.Fatal(err)
		}
		w.want("", "OP-03", Pass)
		w.org = &fakeOrg{state: OrgState{SpendLimitUSD: 100}}
		w.rewire()
		w.want("", "OP-02", Fail) // the organization has no spend alert
	})
	t.Run("BodyRetention", func(t *testing.T) {
		w := newWorld(t)
		p, _ := w.usage.Policy(w.ctx)
		p.BodyLogging.Enabled, p.BodyLogging.RetentionDays = true, 7
		if _, err := w.usage.SetPolicy(w.ctx, p); err != nil {
			t.Fatal(err)
		}
		e := w.gatewayCall("ana", "")
		e.RequestBody, e.ResponseBody = `{"messages":[]}`, `{"choices":[]}`
		w.calls(e)
		w.want("", "DP-04", Pass)
		w.clock.advance(10 * day)
		w.want("", "DP-04", Fail)
		if _, err := w.usage.Prune(w.ctx); err != nil {
			t.Fatal(err)
		}
		w.want("", "DP-04", Pass)
	})
}

func TestGatewayChecks(t *testing.T) {
	t.Run("Moderation", func(t *testing.T) {
		w := newWorld(t)
		w.member("ana")
		w.want("", "OP-04", Fail)
		if _, err := w.gw.SetPolicy(w.ctx, gateway.Policy{Member: "ana", Moderation: gateway.ModerationBlock}); err != nil {
			t.Fatal(err)
		}
		w.want("", "OP-04", Pass)
	})
	t.Run("ModerationRun", func(t *testing.T) {
		w := newWorld(t)
		w.moderationRun("support prompts")
		if r := w.want("", "OP-04", Pass); r.Evidence["suite"] != "support prompts" {
			t.Fatalf("OP-04 evidence = %v", r.Evidence)
		}
		w.clock.advance(31 * day)
		w.want("", "OP-04", Fail)
	})
	t.Run("PIIScreen", func(t *testing.T) {
		w := newWorld(t)
		w.member("ana")
		w.want("", "DP-02", Unknown)
		w.calls(w.gatewayCall("ana", ""))
		w.want("", "DP-02", Fail)
		if _, err := w.gw.SetPolicy(w.ctx, gateway.Policy{Member: "ana", PII: gateway.PIIRedact}); err != nil {
			t.Fatal(err)
		}
		w.want("", "DP-02", Pass)
	})
	t.Run("Fallback", func(t *testing.T) {
		w := newWorld(t)
		w.want("", "OP-09", Unknown)
		w.drill = &fakeDrill{providers: []Provider{{Name: "openai", Primary: true}}}
		w.rewire()
		w.want("", "OP-09", Fail)
		w.drill.providers = append(w.drill.providers, Provider{Name: "azure", Position: 1})
		w.want("", "OP-09", Fail) // never drilled
		w.drill.drill = &Drill{At: w.clock.Now().Add(-day), OK: true, Provider: "azure"}
		w.want("", "OP-09", Pass)
	})
}

func TestPrivacyChecks(t *testing.T) {
	w := newWorld(t)
	for _, item := range []string{"DP-06", "DP-07", "DP-12", "DP-13", "DP-14", "DP-16"} {
		w.want("", item, Unknown)
	}
	yes := true
	a := privacy.Answers{Users: privacy.Users{Regions: []privacy.Region{privacy.RegionEU}}}
	if _, err := w.priv.SaveDraft(w.ctx, a, "en"); err != nil {
		t.Fatal(err)
	}
	w.want("", "DP-07", Fail)
	if r := w.want("", "DP-12", Fail); len(r.Evidence["missing"].([]string)) == 0 {
		t.Fatalf("DP-12 evidence = %v", r.Evidence)
	}
	w.want("", "DP-13", Unknown) // no Californian users
	w.want("", "DP-06", Fail)
	w.want("", "DP-16", Fail)
	a.AI.ProviderTrainsOnData, a.AI.ProviderRetention = &yes, privacy.T("30 days", "30 天")
	a.Children = privacy.Children{MinimumAge: 13, ParentalConsent: &yes}
	if _, err := w.priv.SaveDraft(w.ctx, a, "en"); err != nil {
		t.Fatal(err)
	}
	w.want("", "DP-06", Pass)
	w.want("", "DP-16", Pass)

	full := completeAnswers(t)
	if _, err := w.priv.SaveDraft(w.ctx, full, "en"); err != nil {
		t.Fatal(err)
	}
	if c := privacy.Check(full); c.Missing != 0 {
		t.Fatalf("test answers miss %d elements", c.Missing)
	}
	for _, item := range []string{"DP-06", "DP-07", "DP-12", "DP-13", "DP-14", "DP-16"} {
		w.want("", item, Pass)
	}
}

// completeAnswers reads the shipped example questionnaire: every region, nothing missing.
func completeAnswers(t *testing.T) privacy.Answers {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "docs", "examples", "privacy-answers.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := privacy.LoadAnswers(f, "privacy-answers.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return a
}
