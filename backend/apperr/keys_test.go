package apperr

import (
	"errors"
	"fmt"
	"testing"

	"steward/backend/secret"
	"steward/backend/secret/fakekey"
)

// TestErrorTextRedactsKeys: an error that carries a key, in any encoding
// the leak scanner knows, is shown and printed with the key redacted.
func TestErrorTextRedactsKeys(t *testing.T) {
	g := fakekey.New(51)
	for kind, key := range g.Keys() {
		for _, tmpl := range secret.KeyExamples(kind) {
			cause := errors.New("upstream said: " + g.Expand(tmpl, key))
			for _, err := range []error{cause, Wrap(cause, Internal, "x.y"), fmt.Errorf("ctx: %w", Wrap(cause, Internal, "x.y"))} {
				for _, lang := range []string{"en", "zh-CN"} {
					if _, msg := Describe(err, lang); fakekey.Holds(msg, key) {
						t.Errorf("%s %q: Describe shows the key", kind, tmpl)
					}
				}
			}
			if fakekey.Holds(Wrap(cause, Internal, "x.y").Error(), key) {
				t.Errorf("%s %q: Error() prints the key", kind, tmpl)
			}
		}
	}
}
