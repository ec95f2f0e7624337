package keys

import (
	"strings"
	"testing"

	"steward/backend/secret"
)

func TestRotate(t *testing.T) {
	setup := func(t *testing.T) (*testEnv, Key, string) {
		e := newEnv(t, nil, Options{})
		e.member(t, "Alice")
		old, s := e.key(t, "Alice", "ci", EnvProd, "sk-")
		for _, p := range []string{"GitHub Actions secret OPENAI_API_KEY", "prod server .env"} {
			if _, err := e.r.AddPlace(ctx, "ci", p); err != nil {
				t.Fatal(err)
			}
		}
		e.r.MarkForRotation(ctx, "ci", true)
		e.clock.advance(100 * day24)
		return e, old, s
	}
	t.Run("OK", func(t *testing.T) {
		e, old, oldSecret := setup(t)
		ps, _ := e.r.Places(ctx, "ci")
		e.r.TickPlace(ctx, ps[0].ID, true)
		next := genKey(t, "sk-proj-")
		k, err := e.r.Rotate(ctx, "ci", next)
		if err != nil {
			t.Fatal(err)
		}
		if k.ID == old.ID || k.Label != "ci" || k.Member != "Alice" || k.Environment != EnvProd || k.Status != StatusActive ||
			k.Kind != secret.KindProject || k.Replaces != old.ID || k.CreatedAt != "2026-06-18T09:30:00Z" {
			t.Fatalf("successor = %+v", k)
		}
		retired, _ := e.r.keyByID(ctx, e.st.Read(), old.ID)
		if retired.Status != StatusRetired || retired.RotatedAt != "2026-06-18T09:30:00Z" || retired.ReplacedBy != k.ID || retired.RotateBy != "" {
			t.Fatalf("old record = %+v", retired)
		}
		if e.mem.has(account(old.ID)) {
			t.Fatal("old secret still in the vault")
		}
		if got, _ := e.r.Secret(ctx, "ci"); got != next || got == oldSecret {
			t.Fatal("Secret does not return the successor")
		}
		places, _ := e.r.Places(ctx, "ci")
		if len(places) != 2 || places[0].KeyID != k.ID || places[0].DoneAt != "" || places[1].Place != "prod server .env" {
			t.Fatalf("successor's places = %+v", places)
		}
		evs := wantEvents(t, e, "ci", EventPlaceAdded, EventPlaceAdded, EventMarked, EventPlaceTicked, EventRotated)
		if !strings.Contains(evs[4].Detail, secret.Redact(next)) {
			t.Fatalf("rotated event = %+v", evs[4])
		}
	})
	t.Run("OK_TickPlaces", func(t *testing.T) {
		e, _, _ := setup(t)
		e.r.Rotate(ctx, "ci", genKey(t, "sk-proj-"))
		places, _ := e.r.Places(ctx, "ci")
		p, err := e.r.TickPlace(ctx, places[1].ID, true)
		if err != nil || p.DoneAt != "2026-06-18T09:30:00Z" {
			t.Fatalf("Tick = %+v, %v", p, err)
		}
		p, _ = e.r.TickPlace(ctx, places[1].ID, false)
		if p.DoneAt != "" {
			t.Fatalf("Untick = %+v", p)
		}
	})
	t.Run("ErrKeyNotCurrent_TickRetiredPlace", func(t *testing.T) {
		e, _, _ := setup(t)
		places, _ := e.r.Places(ctx, "ci")
		e.r.Rotate(ctx, "ci", genKey(t, "sk-proj-"))
		_, err := e.r.TickPlace(ctx, places[0].ID, true)
		wantCode(t, err, CodeKeyNotCurrent)
		_, err = e.r.TickPlace(ctx, 9999, true)
		wantCode(t, err, CodePlaceUnknown)
	})
	t.Run("ErrKeyExists_SameKey", func(t *testing.T) {
		e, _, s := setup(t)
		_, err := e.r.Rotate(ctx, "ci", s)
		wantCode(t, err, CodeKeyExists)
	})
	t.Run("ErrNotAKey", func(t *testing.T) {
		e, _, _ := setup(t)
		_, err := e.r.Rotate(ctx, "ci", "sk-proj-short")
		wantCode(t, err, CodeNotAKey)
	})
	t.Run("ErrKeyUnknown", func(t *testing.T) {
		e, _, _ := setup(t)
		_, err := e.r.Rotate(ctx, "nope", genKey(t, "sk-proj-"))
		wantCode(t, err, CodeKeyUnknown)
	})
	t.Run("ErrVaultFails_NothingChanges", func(t *testing.T) {
		e, old, s := setup(t)
		e.mem.failDel = errBoom // the successor is stored, then deleting the old secret fails
		if _, err := e.r.Rotate(ctx, "ci", genKey(t, "sk-proj-")); err == nil {
			t.Fatal("Rotate succeeded though the vault failed")
		}
		e.mem.failDel = nil
		k, err := e.r.Key(ctx, "ci")
		if err != nil || k.ID != old.ID || k.Status != StatusRotationDue {
			t.Fatalf("key after failed rotation = %+v, %v", k, err)
		}
		if got, _ := e.r.Secret(ctx, "ci"); got != s || e.mem.len() != 1 {
			t.Fatalf("vault after failed rotation holds %d secrets", e.mem.len())
		}
	})
	t.Run("ErrLooksLikeKey_Place", func(t *testing.T) {
		e, _, _ := setup(t)
		_, err := e.r.AddPlace(ctx, "ci", "OPENAI_API_KEY="+genKey(t, "sk-proj-"))
		wantCode(t, err, CodeLooksLikeKey)
	})
}

func TestPolicies(t *testing.T) {
	e := newEnv(t, nil, Options{})
	t.Run("OK_Defaults", func(t *testing.T) {
		ps, err := e.r.Policies(ctx)
		if err != nil || len(ps) != 3 || ps[2].Environment != EnvProd || ps[2].RotationDays != DefaultRotationDays || !ps[2].Default {
			t.Fatalf("Policies = %+v, %v", ps, err)
		}
	})
	t.Run("OK_Set", func(t *testing.T) {
		if _, err := e.r.SetPolicy(ctx, "PROD", 30); err != nil {
			t.Fatal(err)
		}
		ps, _ := e.r.Policies(ctx)
		if ps[2].RotationDays != 30 || ps[2].Default || ps[0].RotationDays != DefaultRotationDays {
			t.Fatalf("Policies = %+v", ps)
		}
	})
	t.Run("ErrFieldInvalid", func(t *testing.T) {
		_, err := e.r.SetPolicy(ctx, EnvDev, 0)
		wantCode(t, err, CodeFieldInvalid)
	})
	t.Run("ErrEnvironment", func(t *testing.T) {
		_, err := e.r.SetPolicy(ctx, "qa", 10)
		wantCode(t, err, CodeEnvironment)
	})
}
