// Package golden compares test output with files under testdata/golden/
// and rewrites them when the tests run with -update, the one flag every
// package's golden tests share:
//
//	go test ./backend/export -update   # then review the diff with git diff
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// Dir is where every package keeps its golden files.
const Dir = "testdata/golden"

// Path is the golden file name, under Dir.
func Path(name string) string { return filepath.Join(Dir, filepath.FromSlash(name)) }

// Assert fails t unless got equals the golden file name; with -update it
// writes got there instead.
func Assert(t testing.TB, name string, got []byte) {
	t.Helper()
	path := Path(name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s; run go test -update if the change is intended, and review the diff:\n%s", path, got)
	}
}
