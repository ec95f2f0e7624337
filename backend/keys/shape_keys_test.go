package keys

import (
	"testing"

	"steward/backend/apperr"
	"steward/backend/secret"
	"steward/backend/secret/fakekey"
)

// TestFreeTextRefusesEveryScannerKey: notes and names never become a place
// a key is kept, in any encoding the leak scanner finds keys in.
func TestFreeTextRefusesEveryScannerKey(t *testing.T) {
	g := fakekey.New(101)
	for kind, key := range g.Keys() {
		for _, tmpl := range secret.KeyExamples(kind) {
			text := g.Expand(tmpl, key)
			if err := checkText("keys.test", "notes", text); !apperr.Is(err, CodeLooksLikeKey) {
				t.Errorf("%s %q: accepted as notes", kind, tmpl)
			}
			if fakekey.Holds(shown(text), key) {
				t.Errorf("%s %q: shown with the key", kind, tmpl)
			}
		}
	}
}
