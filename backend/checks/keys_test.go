package checks

import (
	"strings"
	"testing"

	"steward/backend/keys"
)

func TestKeyChecks(t *testing.T) {
	t.Run("UnknownWithoutKeys", func(t *testing.T) {
		w := newWorld(t)
		for _, item := range []string{"KH-01", "KH-02", "KH-06", "KH-07", "KH-08", "KH-10"} {
			w.want("", item, Unknown)
		}
	})
	t.Run("NotConnected", func(t *testing.T) {
		w := newWorld(t)
		w.svc = New(w.st, w.list, Sources{}, Options{Now: w.clock.Now})
		for _, info := range w.svc.Checks() {
			if r := w.want("", info.Item, Unknown); r.Evidence["connected"] != false {
				t.Fatalf("%s evidence = %v; want connected=false", info.Item, r.Evidence)
			}
		}
	})
	t.Run("PassWithOwnKeys", func(t *testing.T) {
		w := newWorld(t)
		w.member("ana")
		w.member("bo")
		w.addKey("ana", "ana-prod", "sk-proj-")
		w.addKey("bo", "bo-prod", "sk-svcacct-")
		for _, item := range []string{"KH-01", "KH-02", "KH-06", "KH-07", "KH-10"} {
			w.want("", item, Pass)
		}
		w.want("", "KH-08", Unknown) // needs the organization
	})
	t.Run("FailSharedLegacyOldAdmin", func(t *testing.T) {
		w := newWorld(t)
		w.member("ana")
		w.member("bo")
		shared := w.addKey("ana", "ana-prod", "sk-")
		if _, err := w.reg.AddKey(w.ctx, keys.KeyInput{Label: "bo-prod", Member: "bo", Environment: keys.EnvProd}, shared); err != nil {
			t.Fatal(err)
		}
		w.addKey("ana", "ana-admin", "sk-admin-")
		w.clock.advance(100 * day)
		r := w.want("", "KH-01", Fail)
		if ids := r.Evidence["findings"].([]string); len(ids) == 0 {
			t.Fatalf("KH-01 evidence = %v", r.Evidence)
		}
		w.want("", "KH-06", Fail)
		if r := w.want("", "KH-07", Fail); len(r.Evidence["legacy_keys"].([]string)) != 2 {
			t.Fatalf("KH-07 evidence = %v", r.Evidence)
		}
		w.want("", "KH-10", Fail)
		assertNoKey(t, w, shared)
	})
	t.Run("Organization", func(t *testing.T) {
		w := newWorld(t)
		w.member("ana")
		w.addKey("ana", "ana-prod", "sk-proj-")
		w.org = &fakeOrg{state: OrgState{SyncedAt: start, Users: []OrgUser{{ID: "user-1", Email: "ana@example.com"}},
			Keys: []OrgKey{{ID: "key-1", OwnerType: "user", OwnerID: "user-1", CreatedAt: start.Add(-10 * day)}}}}
		w.rewire()
		w.want("", "KH-01", Pass)
		w.want("", "KH-08", Pass)
		w.want("", "KH-06", Pass)
		// A second user without a key, a key of someone who left, a key created a year ago.
		w.org.state.Users = append(w.org.state.Users, OrgUser{ID: "user-2", Email: "cy@example.com"})
		w.org.state.Keys = append(w.org.state.Keys, OrgKey{ID: "key-2", OwnerType: "user", OwnerID: "user-9", CreatedAt: start.Add(-365 * day)})
		if r := w.want("", "KH-01", Fail); len(r.Evidence["org_users_without_key"].([]string)) != 1 {
			t.Fatalf("KH-01 evidence = %v", r.Evidence)
		}
		w.want("", "KH-08", Fail)
		w.want("", "KH-06", Fail)
	})
}

// assertNoKey fails if any stored result or evidence holds the key.
func assertNoKey(t *testing.T, w *world, key string) {
	t.Helper()
	for _, q := range []string{`SELECT group_concat(evidence || reason_en || reason_zh, '') FROM check_results`,
		`SELECT group_concat(ref || label, '') FROM item_evidence`, `SELECT group_concat(old_value || new_value, '') FROM item_audit`} {
		var all *string
		if err := w.st.Read().QueryRow(q).Scan(&all); err != nil {
			t.Fatal(err)
		}
		if all != nil && (strings.Contains(*all, key) || strings.Contains(*all, key[len(key)-20:])) {
			t.Fatalf("a key is stored: %s", q)
		}
	}
}
