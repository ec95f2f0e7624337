package checks

import (
	"testing"

	"steward/backend/checklist"
	"steward/backend/privacy"
)

func guideDone(t *testing.T, w *world) map[string]bool {
	t.Helper()
	o, err := w.svc.Overview(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, g := range o.Guide {
		out[g.ID] = g.Done
		if g.Title.En == "" || g.Title.Zh == "" || g.Screen == "" {
			t.Fatalf("guide step %+v", g)
		}
	}
	return out
}

func TestOverviewGuideTicks(t *testing.T) {
	w := newWorld(t)
	if o, _ := w.svc.Overview(w.ctx); !o.FirstRun || len(o.Guide) != 6 {
		t.Fatalf("overview = %+v", o)
	}
	steps := []struct {
		id string
		do func()
	}{
		{"keys", func() { w.member("ana"); w.addKey("ana", "ana-prod", "sk-proj-") }},
		{"scan", func() { w.scan(map[string]string{"main.go": "package main\n"}) }},
		{"moderation", func() { w.moderationRun("support") }},
		{"gateway", func() { w.calls(w.gatewayCall("ana", "")) }},
		{"privacy", func() {
			if _, err := w.priv.SaveDraft(w.ctx, privacy.Answers{}, "en"); err != nil {
				t.Fatal(err)
			}
		}},
		{"org", func() { w.org = &fakeOrg{}; w.rewire() }},
	}
	for i, st := range steps {
		if guideDone(t, w)[st.id] {
			t.Fatalf("%s ticked before it was done", st.id)
		}
		st.do()
		got := guideDone(t, w)
		for _, done := range steps[:i+1] {
			if !got[done.id] {
				t.Fatalf("%s not ticked after step %s", done.id, st.id)
			}
		}
	}
	if o, _ := w.svc.Overview(w.ctx); o.FirstRun {
		t.Fatal("still a first run after every step")
	}
}

func TestOverviewPosture(t *testing.T) {
	w := newWorld(t)
	w.workspace("Bot")
	w.member("ana")
	key := w.addKey("ana", "ana-prod", "sk-proj-")
	dir := w.scan(map[string]string{"app.py": "k = '" + key + "'\n"})
	due := "2026-06-05"
	if _, err := w.list.UpdateItem("Bot", "UP-01", checklist.Change{Due: &due}); err != nil {
		t.Fatal(err)
	}
	if err := w.svc.Startup(w.ctx); err != nil {
		t.Fatal(err)
	}
	o, err := w.svc.Overview(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	p := o.Workspaces[0]
	if p.Workspace != "Bot" || p.Failing == 0 || p.Checks[0].Status != Fail || p.DueSoon != 1 || len(p.Screens) != len(p.Checks) {
		t.Fatalf("posture = %+v", p)
	}
	for i, r := range p.Checks {
		if r.Item == "KH-03" && p.Screens[i] != "leakscan" {
			t.Fatalf("KH-03 opens %q; want leakscan", p.Screens[i])
		}
	}
	if len(o.Due) != 1 || o.Due[0].Item != "UP-01" {
		t.Fatalf("due = %+v", o.Due)
	}
	found := map[string]bool{}
	for _, f := range o.Findings {
		found[f.Source+" "+f.Ref] = true
	}
	if !found["leakscan "+dir] || o.Findings[0].Severity != "critical" {
		t.Fatalf("findings = %+v", o.Findings)
	}
	assertNoKey(t, w, key)
}
