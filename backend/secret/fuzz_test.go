package secret_test

import (
	"testing"

	"steward/backend/secret"
	"steward/backend/secret/fakekey"
)

// FuzzRedactKeys: for any text, redaction leaves no key the detector
// finds, and a cut text keeps no key-like tail.
func FuzzRedactKeys(f *testing.F) {
	g := fakekey.New(111)
	for kind, key := range g.Keys() {
		for _, tmpl := range secret.KeyExamples(kind) {
			f.Add(g.Expand(tmpl, key))
		}
	}
	f.Add(`sk\u00`)
	f.Add("sk-proj-\xff")
	f.Fuzz(func(t *testing.T, s string) {
		for _, out := range []string{secret.RedactKeys(s), secret.RedactCut(s)} {
			if ms := secret.Find([]byte(out)); len(ms) != 0 {
				t.Fatalf("redacted text still holds a key at %d..%d", ms[0].Start, ms[0].End)
			}
		}
	})
}
