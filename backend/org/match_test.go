package org

import (
	"strings"
	"testing"

	"steward/backend/apperr"
	"steward/backend/openaitest"
	"steward/backend/secret"
)

func TestHintShowsNoMoreThanTheAPI(t *testing.T) {
	key := genKey(t, "sk-proj-")
	for _, red := range []string{"sk-abc...def", "sk-proj-...wxyz", "sk-…ab"} {
		h, ok := hintLike(key, red)
		if !ok || len(h) != len(red) || !strings.HasPrefix(key, strings.SplitN(strings.ReplaceAll(h, "…", "..."), "...", 2)[0]) {
			t.Errorf("hint of %q shaped like %q = %q", key[:8], red, h)
		}
	}
	if _, ok := hintLike(key, "no separator"); ok {
		t.Error("a redacted value without a separator gave a hint")
	}
}

// sameEnds makes two keys the API cannot tell apart: the same first eight
// and last three characters.
func sameEnds(t *testing.T, tail string) (string, string) {
	return genKey(t, "sk-proj-") + tail, genKey(t, "sk-proj-") + tail
}

func TestMatchAmbiguous(t *testing.T) {
	t.Run("TwoOrgKeysForOneLocalKey", func(t *testing.T) {
		org, _ := baseOrg(t, 0)
		a, b := sameEnds(t, "Qq7")
		alpha := &org.Projects[0]
		alpha.Keys = append(alpha.Keys,
			openaitest.ProjectKey{ID: "key_x", Name: "x", Value: a, OwnerUser: "user_ann", CreatedAt: t0, LastUsedAt: t0},
			openaitest.ProjectKey{ID: "key_y", Name: "y", Value: b, OwnerUser: "user_ann", CreatedAt: t0, LastUsedAt: t0})
		f := newFixture(t, org)
		f.addLocal("Ann", "ann-main", b)
		f.connect()
		if res := f.sync(); res.Ambiguous != 1 || res.Registered != 0 {
			t.Fatalf("sync: %+v", res)
		}
		amb, err := f.svc.Ambiguities(f.ctx)
		if err != nil || len(amb) != 1 || amb[0].Label != "ann-main" || len(amb[0].Candidates) != 2 {
			t.Fatalf("ambiguities: %+v %v", amb, err)
		}
		fs, err := f.svc.Findings(f.ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !hasKind(fs, FindingAmbiguous) || hasFinding(fs, FindingUnregistered, "proj_alpha/key_y") {
			t.Fatalf("findings: %v", kinds(fs))
		}
		if err := f.svc.Choose(f.ctx, "ann-main", KeyRef{"proj_alpha", "key_nope"}); !apperr.Is(err, CodeBadChoice) {
			t.Fatalf("choosing a key that is not a candidate: %v", err)
		}
		if err := f.svc.Choose(f.ctx, "ann-main", KeyRef{"proj_alpha", "key_y"}); err != nil {
			t.Fatal(err)
		}
		rows, _ := f.svc.Keys(f.ctx)
		for _, r := range rows {
			if (r.ID == "key_y") != (r.Label == "ann-main") {
				t.Fatalf("after choosing: %+v", r)
			}
		}
		fps, err := f.svc.LinkedFingerprints(f.ctx)
		if err != nil || len(fps) != 1 || fps[KeyRef{"proj_alpha", "key_y"}] != secret.Fingerprint(b) {
			t.Fatalf("linked fingerprints: %v %v", fps, err)
		}
	})
	t.Run("TwoLocalKeysForOneOrgKey", func(t *testing.T) {
		org, _ := baseOrg(t, 0)
		a, b := sameEnds(t, "Zz9")
		org.Projects[0].Keys = append(org.Projects[0].Keys,
			openaitest.ProjectKey{ID: "key_x", Name: "x", Value: a, OwnerUser: "user_ann", CreatedAt: t0, LastUsedAt: t0})
		f := newFixture(t, org)
		f.addLocal("Ann", "one", a)
		f.addLocal("Bob", "two", b)
		f.connect()
		if res := f.sync(); res.Ambiguous != 2 || res.Registered != 0 {
			t.Fatalf("sync: %+v", res)
		}
		if _, err := f.svc.Revoke(f.ctx, RevokeTarget{Label: "one"}, RevokeOptions{}); !apperr.Is(err, CodeAmbiguousLabel) {
			t.Fatalf("revoking an ambiguous label: %v", err)
		}
		if !f.srv.OrgKeyExists("proj_alpha", "key_x") {
			t.Fatal("an ambiguous revoke deleted a key")
		}
	})
}
