package checks

import (
	"testing"

	"steward/backend/leakscan"
)

func TestLeakChecks(t *testing.T) {
	t.Run("UnknownWithoutScans", func(t *testing.T) {
		w := newWorld(t)
		for _, item := range []string{"KH-03", "KH-04", "KH-05", "KH-11"} {
			w.want("", item, Unknown)
		}
	})
	t.Run("CleanScanPasses", func(t *testing.T) {
		w := newWorld(t)
		dir := w.scan(map[string]string{"main.go": "package main\n"})
		r := w.want("", "KH-03", Pass)
		folders := r.Evidence["folders"].([]map[string]any)
		if len(folders) != 1 || folders[0]["root"] != dir {
			t.Fatalf("KH-03 evidence = %v", r.Evidence)
		}
		w.want("", "KH-04", Pass)
		w.want("", "KH-05", Pass)
		w.want("", "KH-11", Pass)
	})
	t.Run("LeakedKeyFailsUntilRevoked", func(t *testing.T) {
		w := newWorld(t)
		w.member("ana")
		key := w.addKey("ana", "ana-prod", "sk-proj-")
		dir := w.scan(map[string]string{"web/app.js": "const k = '" + key + "';\n", "notes.md": "nothing here\n"})
		r := w.want("", "KH-03", Fail)
		if found := r.Evidence["unrevoked"].([]map[string]any); len(found) != 1 || found[0]["file"] != "web/app.js" || found[0]["root"] != dir {
			t.Fatalf("KH-03 evidence = %v", r.Evidence)
		}
		w.want("", "KH-04", Fail)
		w.want("", "KH-05", Pass)
		w.want("", "KH-02", Fail) // a current key sits in a file
		if r := w.want("", "KH-11", Fail); len(r.Evidence["still_in_use"].([]string)) != 1 {
			t.Fatalf("KH-11 evidence = %v", r.Evidence)
		}
		w.clock.advance(3 * 3600e9) // revoked three hours after the scan found it
		if _, err := w.reg.RevokeKey(w.ctx, "ana-prod", "leaked"); err != nil {
			t.Fatal(err)
		}
		w.want("", "KH-03", Pass)
		w.want("", "KH-04", Pass)
		w.want("", "KH-11", Pass)
		assertNoKey(t, w, key)
	})
	t.Run("LateRevocationFails", func(t *testing.T) {
		w := newWorld(t)
		w.member("ana")
		key := w.addKey("ana", "ana-prod", "sk-proj-")
		w.scan(map[string]string{"log.txt": "token " + key + "\n"})
		w.want("", "KH-05", Fail)
		w.clock.advance(2 * day)
		if _, err := w.reg.RevokeKey(w.ctx, "ana-prod", "leaked"); err != nil {
			t.Fatal(err)
		}
		if r := w.want("", "KH-11", Fail); len(r.Evidence["revoked_late"].([]string)) != 1 {
			t.Fatalf("KH-11 evidence = %v", r.Evidence)
		}
	})
	t.Run("CancelledScanProvesNothing", func(t *testing.T) {
		w := newWorld(t)
		dir := w.scan(map[string]string{"main.go": "package main\n"})
		w.clock.advance(day)
		cancelled := &leakscan.Result{Roots: []string{dir}, History: true, StartedAt: w.clock.Now(), FinishedAt: w.clock.Now(),
			Status: leakscan.StatusCancelled}
		if _, err := w.leaks.Save(w.ctx, cancelled); err != nil {
			t.Fatal(err)
		}
		r := w.want("", "KH-03", Pass)
		if f := r.Evidence["folders"].([]map[string]any); f[0]["scan_id"] != int64(1) {
			t.Fatalf("KH-03 cites scan %v; want the completed scan 1", f[0]["scan_id"])
		}
	})
	t.Run("OldScanFails", func(t *testing.T) {
		w := newWorld(t)
		w.scan(map[string]string{"main.go": "package main\n"})
		w.clock.advance(31 * day)
		if r := w.want("", "KH-03", Fail); len(r.Evidence["too_old"].([]string)) != 1 {
			t.Fatalf("KH-03 evidence = %v", r.Evidence)
		}
	})
}
