package privacy

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"steward/backend/apperr"
)

func TestAnswersStore(t *testing.T) {
	ctx := context.Background()
	s := newTestService(t)
	t.Run("OK_EmptyBeforeSave", func(t *testing.T) {
		a, err := s.Answers(ctx)
		if err != nil || !reflect.DeepEqual(a, Answers{}) {
			t.Fatalf("Answers = %+v, %v", a, err)
		}
	})
	t.Run("OK_RoundTrip", func(t *testing.T) {
		want := loadSet(t, "all")
		for range 2 { // the second save replaces the first
			if err := s.SaveAnswers(ctx, want); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.Answers(ctx)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("Answers differ after saving: %v", err)
		}
		var n int
		s.st.Read().QueryRow(`SELECT count(*) FROM privacy_answers`).Scan(&n)
		if n != 1 {
			t.Fatalf("%d answer rows; want 1", n)
		}
	})
	t.Run("ErrInvalidAnswers", func(t *testing.T) {
		err := s.SaveAnswers(ctx, Answers{Organisation: Organisation{Email: "nope"}})
		_, msg := apperr.Describe(err, "en")
		if !apperr.Is(err, apperr.Invalid) || !strings.Contains(msg, `field "organisation.email"`) {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestDraftVersions(t *testing.T) {
	ctx := context.Background()
	s := newTestService(t)
	eu := loadSet(t, "eu")
	first, err := s.SaveDraft(ctx, eu, LangEn)
	if err != nil {
		t.Fatal(err)
	}
	eu.DPO = DPO{Appointed: ptr(false)}
	second, err := s.SaveDraft(ctx, eu, "zh")
	if err != nil {
		t.Fatal(err)
	}
	if first.ID == second.ID || second.Lang != LangZh || second.CreatedAt != "2026-03-10T09:30:00Z" || second.Check.Missing != first.Check.Missing-1 {
		t.Fatalf("drafts = %+v / %+v", first.Check.Missing, second)
	}
	t.Run("OK_ListNewestFirst", func(t *testing.T) {
		list, err := s.Drafts(ctx)
		if err != nil || len(list) != 2 || list[0].ID != second.ID || list[1].Missing != first.Check.Missing {
			t.Fatalf("Drafts = %+v, %v", list, err)
		}
	})
	t.Run("OK_ByID", func(t *testing.T) {
		got, err := s.DraftByID(ctx, first.ID)
		if err != nil || !reflect.DeepEqual(got, first) {
			t.Fatalf("DraftByID = %+v, %v", got, err)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		if _, err := s.DraftByID(ctx, 999); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("ErrLanguageUnknown", func(t *testing.T) {
		if _, err := s.SaveDraft(ctx, eu, "de"); !apperr.Is(err, apperr.LanguageUnknown) {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("OK_CompareShowsTheChange", func(t *testing.T) {
		a, _ := s.SaveDraft(ctx, loadSet(t, "eu"), LangEn)
		b, _ := s.SaveDraft(ctx, eu, LangEn)
		var removed, added []string
		for _, l := range Compare(a, b) {
			switch l.Op {
			case DiffRemoved:
				removed = append(removed, l.Text)
			case DiffAdded:
				added = append(added, l.Text)
			}
		}
		if len(removed) != 1 || !strings.Contains(removed[0], "TODO") || len(added) != 1 || !strings.Contains(added[0], "not appointed") {
			t.Fatalf("removed %q added %q", removed, added)
		}
	})
}
