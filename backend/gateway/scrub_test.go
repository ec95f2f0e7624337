package gateway

import (
	"strings"
	"testing"

	"steward/backend/secret"
	"steward/backend/secret/fakekey"
)

// The gateway's alert and error texts go through the one key detector: every
// true positive of the leak scanner, in every encoding it handles, comes out
// redacted, and member tokens are masked too.
func TestScrubSecretsFindsEveryScannerKey(t *testing.T) {
	g := fakekey.New(77)
	for kind, key := range g.Keys() {
		for _, tmpl := range secret.KeyExamples(kind) {
			if out := scrubSecrets("upstream said: " + g.Expand(tmpl, key)); fakekey.Holds(out, key) {
				t.Errorf("%s %q: the key survives scrubbing", kind, tmpl)
			}
		}
	}
	tok := TokenPrefix + strings.Repeat("a1B2", 10)
	if out := scrubSecrets("token " + tok + " refused"); strings.Contains(out, tok) {
		t.Errorf("member token kept: %q", out)
	}
}
