package app

import (
	"context"
	"strings"
	"testing"

	"steward/backend/apperr"
	"steward/backend/checklist"
	"steward/backend/keys"
)

// TestYou: the name chosen in Settings is the audit trail's actor; a member
// is spelled as in the register; empty falls back to the OS user's name.
func TestYou(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	if _, err := s.Keys.AddMember(ctx, keys.MemberInput{Name: "Ana Li"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Checklist.CreateWorkspace(ctx, "ws"); err != nil {
		t.Fatal(err)
	}
	items, err := s.Checklist.Items(ctx, "ws")
	if err != nil || len(items) == 0 {
		t.Fatalf("items: %v, %d", err, len(items))
	}
	id := items[0].ID
	lastActor := func() string {
		t.Helper()
		h, err := s.Checklist.History(ctx, "ws", id)
		if err != nil || len(h) == 0 {
			t.Fatalf("history: %v, %d entries", err, len(h))
		}
		latest := h[0]
		for _, e := range h {
			if e.ID > latest.ID {
				latest = e
			}
		}
		return latest.Source
	}
	note := func(text string) {
		t.Helper()
		if _, err := s.Checklist.UpdateItem(ctx, "ws", id, checklist.Change{Notes: &text}); err != nil {
			t.Fatal(err)
		}
	}

	you, err := s.Settings.You(ctx)
	if err != nil || you.Name != "" || len(you.Members) != 1 || you.Members[0] != "Ana Li" {
		t.Fatalf("You() = %+v, %v; want no name and the member Ana Li", you, err)
	}
	note("one")
	if got, want := lastActor(), actor("", func(string) string { return "" }); got != want {
		t.Errorf("with no one chosen the actor is %q, want the OS user's %q", got, want)
	}

	if you, err = s.Settings.SetYou(ctx, "  ana li "); err != nil || you.Name != "Ana Li" {
		t.Fatalf("SetYou(ana li) = %+v, %v; want the member's spelling", you, err)
	}
	note("two")
	if got := lastActor(); got != "app:Ana Li" {
		t.Errorf("actor = %q, want app:Ana Li", got)
	}

	// Free text is kept as typed; the CLI's named setting does the same.
	if got, err := s.Settings.Set(ctx, "you", "Bo from legal"); err != nil || got.Value != "Bo from legal" {
		t.Fatalf("settings set you = %+v, %v", got, err)
	}
	note("three")
	if got := lastActor(); got != "app:Bo from legal" {
		t.Errorf("actor = %q, want app:Bo from legal", got)
	}

	for _, bad := range []string{"a:b", "two\nlines", strings.Repeat("x", maxYouLen+1)} {
		if _, err := s.Settings.SetYou(ctx, bad); !apperr.Is(err, apperr.Invalid) {
			t.Errorf("SetYou(%q) = %v, want invalid", bad, err)
		}
	}

	if _, err := s.Settings.SetYou(ctx, ""); err != nil {
		t.Fatal(err)
	}
	note("four")
	if got := lastActor(); strings.Contains(got, "Bo") {
		t.Errorf("after clearing, the actor is still %q", got)
	}
}
