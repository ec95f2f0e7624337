package secret_test

import (
	"strings"
	"testing"

	"steward/backend/secret"
	"steward/backend/secret/fakekey"
)

// exampleKeys is a fresh key of each kind.
func exampleKeys(g *fakekey.Generator) map[string]string {
	return map[string]string{
		secret.KindProject: g.Project(), secret.KindServiceAccount: g.ServiceAccount(),
		secret.KindAdmin: g.Admin(), secret.KindLegacyUser: g.Legacy(),
	}
}

// TestFindEveryExample: the shared detector finds each true positive of the
// leak scanner (every kind, every encoding) as exactly the key, and
// RedactKeys leaves nothing of it but its redacted form.
func TestFindEveryExample(t *testing.T) {
	g := fakekey.New(11)
	for kind, key := range exampleKeys(g) {
		for _, tmpl := range secret.KeyExamples(kind) {
			text := g.Expand(tmpl, key)
			ms := secret.Find([]byte(text))
			if len(ms) != 1 || ms[0].Key([]byte(text)) != key || ms[0].Kind != kind {
				t.Errorf("%s %q: found %d matches, want the key once", kind, tmpl, len(ms))
				continue
			}
			AssertRedacted(t, tmpl, key, secret.RedactKeys(text))
		}
	}
}

// AssertRedacted fails if out holds a piece of key.
func AssertRedacted(t *testing.T, what, key, out string) {
	t.Helper()
	if fakekey.Holds(out, key) {
		t.Errorf("%s: the output still holds part of the key", what)
	}
}

// TestFindMarkedIgnoresNonExamples: placeholders and redacted forms are no keys.
func TestFindMarkedIgnoresNonExamples(t *testing.T) {
	g := fakekey.New(12)
	for _, tmpl := range secret.KeyNonExamples() {
		text := g.Expand(tmpl, "")
		if ms := secret.FindMarked([]byte(text), true, true, nil); len(ms) != 0 {
			t.Errorf("non-example %q gave %d matches", tmpl, len(ms))
		}
	}
}

// TestFindShapedKeyWithoutMarker: a key-shaped token without the marker (a
// registered key of a shape the scanner's rules do not know) is found.
func TestFindShapedKeyWithoutMarker(t *testing.T) {
	g := fakekey.New(13)
	key := "sk-proj-" + g.Alnum(48)
	text := `{"a":"x\n` + key + `"}`
	ms := secret.FindShaped([]byte(text), true, true, nil)
	if len(ms) != 1 || ms[0].Key([]byte(text)) != key {
		t.Fatalf("found %d, want the key", len(ms))
	}
	for _, not := range []string{"sk-learn-is-a-python-library", "task-force-alpha", "sk-short1A"} {
		if ms := secret.Find([]byte(not)); len(ms) != 0 {
			t.Errorf("%q taken for a key", not)
		}
	}
}

// TestRedactCutKeyPrefix: a body cut at a cap inside a key keeps nothing of
// the key, wherever the cut falls.
func TestRedactCutKeyPrefix(t *testing.T) {
	g := fakekey.New(14)
	for kind, key := range exampleKeys(g) {
		for _, head := range []string{`{"messages":"line1\n`, `KEY`, `x `, `"`} {
			if kind == secret.KindLegacyUser && head == "KEY" {
				continue
			}
			for _, enc := range []string{key, strings.ReplaceAll(key, "-", `\u002d`)} {
				for n := 15; n < len(enc); n++ {
					out := secret.RedactCut(head + enc[:n])
					if n-len(secret.Prefix(key)) >= 12 {
						AssertRedacted(t, kind, key[:min(len(key), n)], out)
					}
					if !strings.HasPrefix(out, head[:len(head)-1]) {
						t.Fatalf("%s cut at %d: text before the key was lost: %q", kind, n, out)
					}
				}
			}
		}
	}
}
