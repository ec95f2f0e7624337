package keys

import (
	"strings"
	"testing"
)

func TestMembers(t *testing.T) {
	e := newEnv(t, nil, Options{})
	t.Run("OK_Add", func(t *testing.T) {
		m, err := e.r.AddMember(ctx, MemberInput{Name: "  Alice ", Email: "alice@example.com", Role: "backend"})
		if err != nil || m.Name != "Alice" || m.Email != "alice@example.com" || m.CreatedAt != "2026-03-10T09:30:00Z" {
			t.Fatalf("AddMember = %+v, %v", m, err)
		}
	})
	t.Run("ErrMemberExists_AnyCase", func(t *testing.T) {
		_, err := e.r.AddMember(ctx, MemberInput{Name: "ALICE"})
		wantCode(t, err, CodeMemberExists)
	})
	t.Run("ErrFieldRequired", func(t *testing.T) {
		_, err := e.r.AddMember(ctx, MemberInput{Name: " "})
		wantCode(t, err, CodeFieldRequired)
	})
	t.Run("ErrFieldInvalid_Email", func(t *testing.T) {
		_, err := e.r.AddMember(ctx, MemberInput{Name: "Bob", Email: "bob at example"})
		wantCode(t, err, CodeFieldInvalid)
	})
	t.Run("ErrLooksLikeKey", func(t *testing.T) {
		k := genKey(t, "sk-proj-")
		_, err := e.r.AddMember(ctx, MemberInput{Name: "Bob", Role: k})
		wantCode(t, err, CodeLooksLikeKey)
		if strings.Contains(err.Error(), k) {
			t.Fatal("error echoes the key")
		}
	})
	t.Run("OK_Edit", func(t *testing.T) {
		m, err := e.r.EditMember(ctx, "alice", MemberInput{Name: "Alice Liddell", Email: "", Role: "lead"})
		if err != nil || m.Name != "Alice Liddell" || m.Role != "lead" {
			t.Fatalf("EditMember = %+v, %v", m, err)
		}
	})
	t.Run("ErrMemberExists_EditIntoAnother", func(t *testing.T) {
		e.member(t, "Bob")
		_, err := e.r.EditMember(ctx, "bob", MemberInput{Name: "alice liddell"})
		wantCode(t, err, CodeMemberExists)
	})
	t.Run("ErrMemberUnknown", func(t *testing.T) {
		_, err := e.r.EditMember(ctx, "Zed", MemberInput{Name: "Zed"})
		wantCode(t, err, CodeMemberUnknown)
	})
	t.Run("OK_RemoveWithoutKeysAndReuseName", func(t *testing.T) {
		if err := e.r.RemoveMember(ctx, "bob", Decision{}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.r.Member(ctx, "Bob"); err == nil {
			t.Fatal("removed member still listed")
		}
		e.member(t, "Bob") // a new Bob may join
		list, _ := e.r.Members(ctx)
		if len(list) != 2 {
			t.Fatalf("members = %+v", list)
		}
	})
}

func TestRemoveMemberWithKeys(t *testing.T) {
	setup := func(t *testing.T) (*testEnv, Key, Key) {
		e := newEnv(t, nil, Options{})
		e.member(t, "Alice")
		e.member(t, "Bob")
		k1, _ := e.key(t, "Alice", "alice-dev", EnvDev, "sk-proj-")
		k2, _ := e.key(t, "Alice", "alice-prod", EnvProd, "sk-svcacct-")
		return e, k1, k2
	}
	t.Run("ErrMemberHasKeys", func(t *testing.T) {
		e, _, _ := setup(t)
		err := e.r.RemoveMember(ctx, "Alice", Decision{})
		wantCode(t, err, CodeMemberHasKeys)
		if !strings.Contains(err.Error(), "alice-dev, alice-prod") {
			t.Fatalf("error does not list the keys: %v", err)
		}
		if _, err := e.r.Member(ctx, "Alice"); err != nil {
			t.Fatal("member removed despite the refusal")
		}
	})
	t.Run("ErrDecisionInvalid", func(t *testing.T) {
		e, _, _ := setup(t)
		wantCode(t, e.r.RemoveMember(ctx, "Alice", Decision{Action: "shred"}), CodeDecisionInvalid)
		wantCode(t, e.r.RemoveMember(ctx, "Alice", Decision{Action: DecisionReassign, To: "Alice"}), CodeDecisionInvalid)
		wantCode(t, e.r.RemoveMember(ctx, "Alice", Decision{Action: DecisionReassign, To: "Nobody"}), CodeMemberUnknown)
	})
	t.Run("OK_Revoke", func(t *testing.T) {
		e, k1, k2 := setup(t)
		if err := e.r.RemoveMember(ctx, "Alice", Decision{Action: DecisionRevoke}); err != nil {
			t.Fatal(err)
		}
		for _, k := range []Key{k1, k2} {
			got, _ := e.r.keyByID(ctx, e.st.Read(), k.ID)
			if got.Status != StatusRevoked || got.RevokedAt != "2026-03-10T09:30:00Z" || got.Member != "Alice" {
				t.Fatalf("key after revoke = %+v", got)
			}
			if e.mem.has(account(k.ID)) {
				t.Fatalf("secret of %s still in the vault", k.Label)
			}
		}
		wantEvents(t, e, "", EventRevoked, EventRevoked, EventRemoved)
	})
	t.Run("OK_Reassign", func(t *testing.T) {
		e, k1, _ := setup(t)
		if err := e.r.RemoveMember(ctx, "Alice", Decision{Action: DecisionReassign, To: "bob"}); err != nil {
			t.Fatal(err)
		}
		got, _ := e.r.Key(ctx, k1.Label)
		if got.Member != "Bob" || got.Status != StatusActive || !e.mem.has(account(k1.ID)) {
			t.Fatalf("key after reassign = %+v", got)
		}
		evs := wantEvents(t, e, "", EventReassigned, EventReassigned, EventRemoved)
		if evs[0].Detail != "from Alice to Bob" || !strings.Contains(evs[2].Detail, "2 key(s) reassigned to Bob") {
			t.Fatalf("events = %+v", evs)
		}
	})
	t.Run("ErrVaultFails_NothingChanges", func(t *testing.T) {
		e, k1, k2 := setup(t)
		e.mem.failDel, e.mem.failAfter = errBoom, 1 // the first key's secret goes, the second's fails
		if err := e.r.RemoveMember(ctx, "Alice", Decision{Action: DecisionRevoke}); err == nil {
			t.Fatal("removal succeeded though the vault failed")
		}
		for _, k := range []Key{k1, k2} {
			got, _ := e.r.Key(ctx, k.Label)
			if got.Status != StatusActive || !e.mem.has(account(k.ID)) {
				t.Fatalf("key after failed removal = %+v (secret held: %v)", got, e.mem.has(account(k.ID)))
			}
		}
		if _, err := e.r.Member(ctx, "Alice"); err != nil {
			t.Fatal("member removed although the vault failed")
		}
	})
}

// wantEvents checks the event log, ignoring member_added and added events.
func wantEvents(t *testing.T, e *testEnv, label string, want ...string) []Event {
	t.Helper()
	all, err := e.r.Events(ctx, label)
	if err != nil {
		t.Fatal(err)
	}
	var got []Event
	var names []string
	for _, ev := range all {
		if ev.Event != EventMemberAdded && ev.Event != EventAdded {
			got = append(got, ev)
			names = append(names, ev.Event)
		}
	}
	if strings.Join(names, ",") != strings.Join(want, ",") {
		t.Fatalf("events = %v; want %v", names, want)
	}
	return got
}
