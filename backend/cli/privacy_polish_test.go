package cli

import (
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"steward/backend/openaitest"
)

func TestPrivacyPolish(t *testing.T) {
	key := fakeKey(t)
	// dropMarkers makes the model answer without the draft's "TODO:" placeholders,
	// which polish must refuse: the markers are the product's, not unfinished work.
	var dropMarkers atomic.Bool
	srv := openaitest.New(t, openaitest.WithKeys(key), openaitest.WithReply(func(prompt string) string {
		if dropMarkers.Load() {
			return "A tidy notice."
		}
		return "# Polished\n\n" + prompt
	}))
	c := &orgCLI{t: t, dir: t.TempDir(), url: srv.URL}
	partial := filepath.Join(t.TempDir(), "partial.yaml")
	os.WriteFile(partial, []byte("organisation:\n  name: Tiny Co\nusers:\n  regions: [eu]\n"), 0o600)
	c.must("", "privacy", "answers", "--from", partial)

	c.fails("usage: steward privacy polish", "privacy", "polish")
	c.fails("usage: steward privacy polish", "privacy", "polish", "--lang", "fr")
	c.fails("moderation.key", "privacy", "polish", "--lang", "en", "--yes")

	c.must("", "keys", "vault", "file")
	c.must("", "members", "add", "Mei")
	c.must(key+"\n", "keys", "add", "--member", "Mei", "--label", "own")
	c.must("", "settings", "set", "moderation.key", "own")

	out := c.must("", "privacy", "polish", "--lang", "en", "--dry-run")
	if !strings.Contains(out, "model: gpt-4o-mini") || !strings.Contains(out, "editor of privacy notices") ||
		!strings.Contains(out, "Tiny Co") || !strings.Contains(out, "nothing was sent") {
		t.Fatalf("dry run = %q", out)
	}
	code, out, errOut := c.run("", "privacy", "polish", "--lang", "en")
	if code != ExitError || !strings.Contains(errOut, "no terminal") || !strings.Contains(errOut, "Tiny Co") || out != "" {
		t.Fatalf("without a terminal or --yes = %d %q %q", code, out, errOut)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Fatalf("%d requests before the user agreed", n)
	}

	code, out, errOut = c.run("", "privacy", "polish", "--lang", "en", "--yes")
	if code != ExitOK || !strings.HasPrefix(out, "# Polished") || !strings.Contains(out, "Tiny Co") || !strings.Contains(out, "TODO:") {
		t.Fatalf("polish = %d %q %q", code, out, errOut)
	}
	reqs := srv.Requests()
	if len(reqs) != 1 || reqs[0].Path != "/v1/chat/completions" || reqs[0].Status != 200 {
		t.Fatalf("requests = %+v", reqs)
	}
	written := filepath.Join(t.TempDir(), "polished.md")
	c.must("", "privacy", "polish", "--lang", "zh-CN", "--yes", "--out", written)
	if b, err := os.ReadFile(written); err != nil || !strings.Contains(string(b), "待补充") {
		t.Fatalf("the Chinese polish = %v %q", err, b)
	}

	dropMarkers.Store(true)
	c.fails("TODO marker", "privacy", "polish", "--lang", "en", "--yes")
	if strings.Contains(c.seen.String(), key) {
		t.Fatal("the key was printed")
	}
}
