package checks

import (
	"encoding/json"
	"strings"
	"testing"

	"steward/backend/apperr"
	"steward/backend/checklist"
)

// auditBy returns the item's audit entries recorded by source.
func auditBy(t *testing.T, w *world, ws, item, source string) []checklist.AuditEntry {
	t.Helper()
	all, err := w.list.History(ws, item)
	if err != nil {
		t.Fatal(err)
	}
	var out []checklist.AuditEntry
	for _, e := range all {
		if e.Source == source {
			out = append(out, e)
		}
	}
	return out
}

func TestRecordOnItems(t *testing.T) {
	w := newWorld(t)
	w.workspace("Support bot")
	w.member("ana")
	key := w.addKey("ana", "ana-prod", "sk-proj-")
	dir := w.scan(map[string]string{"app.py": "k = '" + key + "'\n"})

	// A failing check marks the item at risk, with the check as the actor.
	w.want("Support bot", "KH-03", Fail)
	it := w.item("Support bot", "KH-03")
	if it.Status != checklist.StatusAtRisk {
		t.Fatalf("status = %s; want at_risk", it.Status)
	}
	if len(it.Evidence) != 1 || it.Evidence[0].Kind != checklist.EvidenceCheck || !strings.Contains(it.Evidence[0].Ref, dir) {
		t.Fatalf("evidence = %+v", it.Evidence)
	}
	var snap map[string]any
	if err := json.Unmarshal([]byte(it.Evidence[0].Ref), &snap); err != nil || snap["status"] != Fail {
		t.Fatalf("snapshot = %s (%v)", it.Evidence[0].Ref, err)
	}
	trail := auditBy(t, w, "Support bot", "KH-03", "check:KH-03")
	if len(trail) != 2 { // the result and the status
		t.Fatalf("audit = %+v", trail)
	}
	assertNoKey(t, w, key)

	// Running again with the same result adds no audit entry and keeps one evidence.
	w.want("Support bot", "KH-03", Fail)
	if n := len(auditBy(t, w, "Support bot", "KH-03", "check:KH-03")); n != 2 {
		t.Fatalf("audit grew to %d on an unchanged result", n)
	}

	// A pass proposes done; the item leaves "at risk" for review.
	if _, err := w.reg.RevokeKey(w.ctx, "ana-prod", "leaked"); err != nil {
		t.Fatal(err)
	}
	r := w.want("Support bot", "KH-03", Pass)
	if r.Proposed != checklist.StatusDone {
		t.Fatalf("proposed = %q", r.Proposed)
	}
	if st := w.item("Support bot", "KH-03").Status; st != checklist.StatusInProgress {
		t.Fatalf("status = %s; want in_progress", st)
	}

	// With auto-complete, a pass completes the item.
	if err := w.svc.SetAutoComplete(w.ctx, "Support bot", true); err != nil {
		t.Fatal(err)
	}
	w.want("Support bot", "KH-03", Pass)
	if st := w.item("Support bot", "KH-03").Status; st != checklist.StatusDone {
		t.Fatalf("status = %s; want done", st)
	}
	items, _ := w.list.Items("Support bot")
	if len(items[0].Evidence) != 0 && items[0].ID != "KH-03" {
		// Checks run for every item, but an unrelated item gets only its own evidence.
		for _, ev := range items[0].Evidence {
			if strings.Contains(ev.Ref, "KH-03") {
				t.Fatalf("%s carries KH-03's evidence", items[0].ID)
			}
		}
	}
}

func TestStale(t *testing.T) {
	w := newWorld(t)
	w.workspace("Support bot")
	if err := w.svc.SetAutoComplete(w.ctx, "Support bot", true); err != nil {
		t.Fatal(err)
	}
	w.want("Support bot", "DP-04", Pass)
	if st := w.item("Support bot", "DP-04").Status; st != checklist.StatusDone {
		t.Fatalf("status = %s; want done", st)
	}
	w.clock.advance(29 * day)
	if n, err := w.svc.ExpireStale(w.ctx); err != nil || n != 0 {
		t.Fatalf("expired %d, %v within the window", n, err)
	}
	w.clock.advance(2 * day)
	if n, err := w.svc.ExpireStale(w.ctx); err != nil || n == 0 {
		t.Fatalf("expired %d, %v after the window", n, err)
	}
	if st := w.item("Support bot", "DP-04").Status; st != checklist.StatusInProgress {
		t.Fatalf("status = %s; want in_progress (needs review)", st)
	}
	rs, err := w.svc.Results(w.ctx, "Support bot")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if !r.Stale && r.Item != "OP-09" {
			t.Fatalf("%s not stale after 31 days", r.Item)
		}
	}
	if n, _ := w.svc.ExpireStale(w.ctx); n != 0 {
		t.Fatalf("expired %d again", n)
	}
	// OP-09's window is 90 days: its result is not stale yet.
	w.drill = &fakeDrill{}
	w.rewire()
	if _, err := w.svc.RunOne(w.ctx, "Support bot", "OP-09"); err != nil {
		t.Fatal(err)
	}
	w.clock.advance(60 * day)
	rs, _ = w.svc.Results(w.ctx, "Support bot")
	for _, r := range rs {
		if r.Item == "OP-09" && r.Stale {
			t.Fatal("OP-09 stale within its 90-day window")
		}
	}
}

func TestOverride(t *testing.T) {
	w := newWorld(t)
	w.workspace("Support bot")
	w.want("Support bot", "OP-03", Fail)
	if _, err := w.svc.Override(w.ctx, "Support bot", "OP-03", checklist.StatusDone, " "); !apperr.Is(err, apperr.Invalid) {
		t.Fatalf("override without a note: %v", err)
	}
	if _, err := w.svc.Override(w.ctx, "Support bot", "OP-03", checklist.StatusDone, "Budget is set in the OpenAI dashboard"); err != nil {
		t.Fatal(err)
	}
	// The override holds while the check keeps failing.
	r := w.want("Support bot", "OP-03", Fail)
	if r.Override == nil || r.Override.Note == "" {
		t.Fatalf("override = %+v", r.Override)
	}
	if st := w.item("Support bot", "OP-03").Status; st != checklist.StatusDone {
		t.Fatalf("status = %s; want done (overridden)", st)
	}
	trail := auditBy(t, w, "Support bot", "OP-03", "cli")
	if len(trail) == 0 || !strings.Contains(trail[0].New, "OpenAI dashboard") {
		t.Fatalf("audit = %+v", trail)
	}
	// When the result changes, the override lapses and the check speaks again.
	p, _ := w.usage.Policy(w.ctx)
	p.MonthlyBudgetUSD = 20
	w.usage.SetPolicy(w.ctx, p)
	if r := w.want("Support bot", "OP-03", Pass); r.Override != nil {
		t.Fatalf("override kept after the result changed: %+v", r.Override)
	}
	p.MonthlyBudgetUSD = 0
	w.usage.SetPolicy(w.ctx, p)
	w.want("Support bot", "OP-03", Fail)
	if st := w.item("Support bot", "OP-03").Status; st != checklist.StatusAtRisk {
		t.Fatalf("status = %s; want at_risk", st)
	}
}

func TestScope(t *testing.T) {
	w := newWorld(t)
	w.workspace("Support bot")
	w.workspace("Search")
	w.member("ana")
	key := w.addKey("ana", "ana-prod", "sk-proj-")
	dirty := w.scan(map[string]string{"app.py": "k = '" + key + "'\n"})
	clean := w.scan(map[string]string{"main.go": "package main\n"})
	shared := w.scan(map[string]string{"README.md": "hello\n"})

	// Unclaimed folders count for every workspace.
	w.want("Support bot", "KH-03", Fail)
	w.want("Search", "KH-03", Fail)

	if _, err := w.svc.SetScope(w.ctx, "Support bot", Scope{Folders: []string{dirty}}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.SetScope(w.ctx, "Search", Scope{Folders: []string{clean}, Regions: []string{"china"}}); err != nil {
		t.Fatal(err)
	}
	w.want("Support bot", "KH-03", Fail)
	r := w.want("Search", "KH-03", Pass)
	roots := map[string]bool{}
	for _, f := range r.Evidence["folders"].([]map[string]any) {
		roots[f["root"].(string)] = true
	}
	if !roots[clean] || !roots[shared] || roots[dirty] {
		t.Fatalf("Search saw folders %v", roots)
	}
	// Keys are team-wide: a leak anywhere concerns every workspace.
	w.want("Search", "KH-11", Fail)

	// Regions come from the scope: the draft does not cover China.
	a := completeAnswers(t)
	a.Users.Regions = a.Users.Regions[:1]
	if _, err := w.priv.SaveDraft(w.ctx, a, "en"); err != nil {
		t.Fatal(err)
	}
	w.want("Search", "DP-14", Fail)
	w.want("Search", "DP-07", Fail)

	if _, err := w.svc.SetScope(w.ctx, "Search", Scope{Regions: []string{"mars"}}); !apperr.Is(err, apperr.Invalid) {
		t.Fatalf("unknown region: %v", err)
	}
	sc, err := w.svc.Scope(w.ctx, "Search")
	if err != nil || len(sc.Folders) != 1 || sc.Regions[0] != "china" {
		t.Fatalf("scope = %+v, %v", sc, err)
	}
}

func TestSourceChanged(t *testing.T) {
	w := newWorld(t)
	w.workspace("A")
	w.workspace("B")
	w.scan(map[string]string{"main.go": "package main\n"})
	if err := w.svc.SourceChanged(w.ctx, SourceLeaks); err != nil {
		t.Fatal(err)
	}
	for _, ws := range []string{"A", "B"} {
		rs, err := w.svc.Results(w.ctx, ws)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, r := range rs {
			got[r.Item] = r.Status
		}
		if got["KH-03"] != Pass || got["DP-07"] != "" {
			t.Fatalf("%s results after a scan = %v; want the leak checks only", ws, got)
		}
	}
	if err := w.svc.Startup(w.ctx); err != nil {
		t.Fatal(err)
	}
	if rs, _ := w.svc.Results(w.ctx, "B"); len(rs) != len(w.svc.Checks()) {
		t.Fatalf("%d results after start; want every check", len(rs))
	}
	if err := w.svc.SourceChanged(w.ctx, "nothing"); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.RunOne(w.ctx, "A", "UP-06"); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("RunOne without a check: %v", err)
	}
	if n := len(w.svc.Checks()); n < 20 {
		t.Fatalf("%d checks; want at least 20", n)
	}
}

func TestDecide(t *testing.T) {
	const todo, prog, done, risk, na = checklist.StatusTodo, checklist.StatusInProgress, checklist.StatusDone, checklist.StatusAtRisk, checklist.StatusNotApplicable
	for _, tc := range []struct {
		name                     string
		current, result, applied string
		auto, overridden         bool
		want                     string
	}{
		{"FailMarksAtRisk", done, Fail, "", false, false, risk},
		{"FailAlreadyAtRisk", risk, Fail, risk, false, false, ""},
		{"PassProposesOnly", todo, Pass, "", false, false, ""},
		{"PassAutoCompletes", todo, Pass, "", true, false, done},
		{"PassReleasesOwnAtRisk", risk, Pass, risk, false, false, prog},
		{"PassKeepsPersonsAtRisk", risk, Pass, done, false, false, ""},
		{"UnknownReviewsOwnDone", done, Unknown, done, true, false, prog},
		{"UnknownKeepsPersonsDone", done, Unknown, "", false, false, ""},
		{"NotApplicableUntouched", na, Fail, "", true, false, ""},
		{"OverriddenUntouched", done, Fail, "", false, true, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := decide(tc.current, tc.result, tc.applied, tc.auto, tc.overridden); got != tc.want {
				t.Fatalf("decide = %q; want %q", got, tc.want)
			}
		})
	}
}
