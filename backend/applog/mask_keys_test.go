package applog

import (
	"os"
	"testing"

	"steward/backend/secret"
	"steward/backend/secret/fakekey"
)

// TestLogMasksEveryScannerKey writes every true positive of the leak
// scanner (every kind, every encoding) to the log: the file keeps none.
func TestLogMasksEveryScannerKey(t *testing.T) {
	dir := t.TempDir()
	l, err := Open(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	g := fakekey.New(31)
	keys := g.Keys()
	for kind, key := range keys {
		for _, tmpl := range secret.KeyExamples(kind) {
			l.Info(g.Expand(tmpl, key), "detail", g.Expand(tmpl, key))
		}
	}
	l.Close()
	b, err := os.ReadFile(l.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range keys {
		if fakekey.Holds(string(b), key) {
			t.Errorf("the log holds a %s", secret.Redact(key))
		}
	}
}
