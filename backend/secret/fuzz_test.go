package secret_test

import (
	"strings"
	"testing"

	"steward/backend/secret"
	"steward/backend/secret/fakekey"
)

// FuzzRedactKeys: for any text, no key the detector finds in it is left
// in its redacted form, plain or escaped.
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
		in := []byte(s)
		for _, out := range []string{secret.RedactKeys(s), secret.RedactCut(s)} {
			plain := string(secret.Canonical([]byte(out)))
			for _, m := range secret.Find(in) {
				if k := m.Key(in); strings.Contains(plain, k) {
					t.Fatalf("the key at %d..%d is still in the redacted text", m.Start, m.End)
				}
			}
		}
	})
}
