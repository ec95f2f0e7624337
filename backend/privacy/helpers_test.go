package privacy

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"steward/backend/apperr"
	"steward/backend/store"
	goldenfile "steward/tools/golden"
)

// fixedNow is the clock every test runs at.
var fixedNow = time.Date(2026, 3, 10, 9, 30, 0, 0, time.UTC)

// answerSets are the answer files the golden tests draft and check: "all" is
// the shipped example, the others live in testdata/answers.
var answerSets = []string{"eu", "california", "china", "all"}

func setPath(name string) string {
	if name == "all" {
		return filepath.Join("..", "..", "docs", "examples", "privacy-answers.yaml")
	}
	return filepath.Join("testdata", "answers", name+".yaml")
}

// loadSet loads one answer set, failing the test on any error.
func loadSet(t testing.TB, name string) Answers {
	t.Helper()
	f, err := os.Open(setPath(name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := LoadAnswers(f, filepath.Base(setPath(name)))
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return a
}

// golden compares got with testdata/golden/name, rewriting it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Assert(t, name, got)
}

// newTestService opens a fresh database in a temporary directory.
func newTestService(t *testing.T) *Service {
	t.Helper()
	st, err := store.Open(context.Background(), t.TempDir(), store.Options{Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return New(st, Options{Now: func() time.Time { return fixedNow }})
}

func ptr[T any](v T) *T { return &v }

// asAppErr finds the *apperr.Error in err's chain.
func asAppErr(err error, target **apperr.Error) bool { return errors.As(err, target) }
