package pii

import (
	"testing"

	"steward/backend/secret"
	"steward/backend/secret/fakekey"
)

// TestDetectFindsEveryScannerKey: the PII screen finds what the leak
// scanner finds, in every encoding, as the key itself ("line1\nsk-proj-…").
func TestDetectFindsEveryScannerKey(t *testing.T) {
	g := fakekey.New(41)
	for kind, key := range g.Keys() {
		for _, tmpl := range secret.KeyExamples(kind) {
			text := g.Expand(tmpl, key)
			var keys []Match
			for _, m := range Detect(text) {
				if m.Type == APIKey {
					keys = append(keys, m)
				}
			}
			if len(keys) != 1 || keys[0].Fingerprint != secret.Fingerprint(key) {
				t.Errorf("%s %q: %d keys found, want the key once", kind, tmpl, len(keys))
				continue
			}
			if out := RedactText(text); fakekey.Holds(out, key) {
				t.Errorf("%s %q: redacted text holds the key", kind, tmpl)
			}
		}
	}
}
