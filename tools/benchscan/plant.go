package main

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"steward/backend/secret/fakekey"
)

// fakeKey is a generated key and its kind.
type fakeKey struct{ value, kind string }

// anyKey makes a key of the next format in turn: every current and legacy
// form, at both lengths the newer ones come in.
func (c *corpus) anyKey() fakeKey {
	c.n++
	switch c.n % 7 {
	case 0:
		return fakeKey{c.g.Prefixed("sk-proj-", 74), "project"}
	case 1:
		return fakeKey{c.g.Prefixed("sk-proj-", 58), "project"}
	case 2:
		return fakeKey{c.g.Prefixed("sk-svcacct-", 74), "service_account"}
	case 3:
		return fakeKey{c.g.Prefixed("sk-svcacct-", 58), "service_account"}
	case 4:
		return fakeKey{c.g.Prefixed("sk-admin-", 58), "admin"}
	case 5:
		return fakeKey{c.g.Prefixed("sk-admin-", 74), "admin"}
	}
	return fakeKey{c.g.Legacy(), "legacy_user"}
}

// keyContexts are the ways a key is written, by file type; those with
// escapes before or after the key are the ones common scanners miss.
func keyContexts(ext string) map[string]string {
	switch ext {
	case ".ipynb":
		return map[string]string{
			"notebook-escaped-quotes": `    "client = OpenAI(api_key=\"{key}\")\n",`,
			"notebook-newline-escape": `    "keys = \"\"\"\n{key}\n\"\"\"\n",`,
		}
	case ".json":
		return map[string]string{
			"json-newline-escapes": `  "prompt": "settings:\n{key}\nend",`,
			"json-plain":           `  "openai_api_key": "{key}",`,
			"json-unicode-escape":  `  "raw": "\u0022{key}\u0022",`,
		}
	case ".yaml":
		return map[string]string{"yaml": `  api_key: {key}`}
	case ".log":
		return map[string]string{
			"log-bearer":      `2024-05-01T10:00:00Z DEBUG headers={'Authorization': 'Bearer {key}'}`,
			"log-url-encoded": `GET /proxy?cfg=%7B%22key%22%3A%22{key}%22%7D 200`,
		}
	case ".md", ".txt":
		return map[string]string{"markdown-code": "Run with `OPENAI_API_KEY={key}` set."}
	}
	return map[string]string{
		"source-assignment": `OPENAI_KEY = "{key}"`,
		"source-call":       `client = OpenAI(api_key='{key}')`,
	}
}

// keyLine plants a key in a context that suits the file type.
func (c *corpus) keyLine(ext, rel string) string {
	ctxs := keyContexts(ext)
	names := sortedKeys(ctxs)
	name := names[c.r.IntN(len(names))]
	key := c.anyKey()
	c.m.plant(&c.m.Planted, key.value, key.kind, name, rel)
	return strings.Replace(ctxs[name], "{key}", key.value, 1)
}

// envLine fills an env file: a key, a literal value, or a placeholder.
func (c *corpus) envLine(i int, rel string) string {
	switch i / 173 % 3 {
	case 0:
		key := c.anyKey()
		c.m.plant(&c.m.Planted, key.value, key.kind, "env-file-key", rel)
		return "OPENAI_API_KEY=" + key.value
	case 1:
		v := c.g.Alnum(32 + c.r.IntN(24))
		c.m.plant(&c.m.EnvPlanted, v, "env", "env-file-literal", rel)
		return "export OPENAI_API_KEY=\"" + v + "\""
	}
	p := []string{"OPENAI_API_KEY=", "OPENAI_API_KEY=sk-...", "OPENAI_API_KEY=${OPENAI_API_KEY}", "OPENAI_API_KEY=<your key>",
		"OPENAI_API_KEY=sk-your-key-here", "OPENAI_API_KEY=changeme"}[c.r.IntN(6)]
	c.m.plant(&c.m.Decoys, strings.TrimPrefix(p, "OPENAI_API_KEY="), "decoy", "env-placeholder", rel)
	return p
}

// decoyLine plants a placeholder, a redacted key or a key look-alike.
func (c *corpus) decoyLine(rel string) string {
	g := c.g
	decoys := []struct{ name, text string }{
		{"placeholder-dots", "sk-..."}, {"placeholder-words", "sk-your-key-here"}, {"placeholder-x", "sk-xxxxxxxx"},
		{"placeholder-proj-X", "sk-proj-XXXX"}, {"placeholder-angle", "<sk-...>"},
		{"redacted-ellipsis", "sk-proj-…" + g.Alnum(4)}, {"redacted-stars", "sk-proj-****" + g.Alnum(4)},
		{"marker-all-x", "sk-" + strings.Repeat("x", 20) + fakekey.Marker + strings.Repeat("x", 20)},
		{"marker-proj-all-X", "sk-proj-" + strings.Repeat("X", 74) + fakekey.Marker + strings.Repeat("X", 74)},
		{"marker-alphabet", "sk-abcdefghijklmnopqrst" + fakekey.Marker + "abcdefghijklmnopqrst"},
		{"marker-EXAMPLE", "sk-proj-EXAMPLEEXAMPLE" + g.Body(60) + fakekey.Marker + g.Body(74)},
		{"legacy-19-chars", "sk-" + g.Alnum(19) + fakekey.Marker + g.Alnum(20)},
		{"inside-word-task-", "task-" + g.Alnum(20) + fakekey.Marker + g.Alnum(20)},
		{"redacted-with-marker", "sk-proj-abc…" + fakekey.Marker + "…xyz"},
		{"base64-with-marker", "U2FsdGVkX1" + g.Alnum(20) + fakekey.Marker + "IGtleXM="},
	}
	d := decoys[c.r.IntN(len(decoys))]
	c.m.plant(&c.m.Decoys, d.text, "decoy", d.name, rel)
	return "# example: " + d.text
}

// fillerPools makes lines of plausible filler for each file type, with
// look-alikes such as "task-" and "disk-" that a naive "sk-" search trips on.
func fillerPools(r *rand.Rand) map[string][]string {
	words := strings.Fields("request model token stream chat completion embedding vector index cache task-queue " +
		"disk-usage desk-check risk-score mask-token user account billing usage limit retry backoff response " +
		"prompt system assistant tool function schema tenant region deploy build release config secret vault")
	w := func() string { return words[r.IntN(len(words))] }
	gen := func(n int, f func() string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = f() + "\n"
		}
		return out
	}
	code := func() string {
		return []string{
			fmt.Sprintf("def %s_%s(%s, %s=%d):", w(), w(), w(), w(), r.IntN(100)),
			fmt.Sprintf("    return %s.%s(%q)", w(), w(), w()+"-"+w()),
			fmt.Sprintf("    %s = %s[%d]  # %s %s", w(), w(), r.IntN(64), w(), w()),
			fmt.Sprintf("import %s.%s as %s", w(), w(), w()),
			fmt.Sprintf("\tif err := %s.%s(ctx); err != nil { return fmt.Errorf(\"%s: %%w\", err) }", w(), w(), w()),
			fmt.Sprintf("const %s%d = await %s.%s({ %s: '%s' });", w(), r.IntN(9), w(), w(), w(), w()),
			fmt.Sprintf("// %s %s %s %s-%d", w(), w(), w(), w(), r.IntN(1000)),
		}[r.IntN(7)]
	}
	return map[string][]string{
		".py": gen(4000, code), ".go": gen(4000, code), ".ts": gen(4000, code), ".js": gen(4000, code),
		".json": gen(4000, func() string {
			return fmt.Sprintf(`  {"id": %d, "%s": "%s %s", "score": %d.%d, "tags": ["%s", "%s"]},`, r.IntN(1e6), w(), w(), w(), r.IntN(100), r.IntN(100), w(), w())
		}),
		".ipynb": gen(4000, func() string {
			return fmt.Sprintf(`    "%s = %s.%s(\"%s\")\n",`, w(), w(), w(), w())
		}),
		".yaml": gen(4000, func() string { return fmt.Sprintf("  %s_%s: %s-%d", w(), w(), w(), r.IntN(100)) }),
		".md": gen(4000, func() string {
			return fmt.Sprintf("The %s %s sends a %s to the %s; see `%s`.", w(), w(), w(), w(), w())
		}),
		".txt": gen(4000, func() string { return fmt.Sprintf("%s %s %s %s %s", w(), w(), w(), w(), w()) }),
		".log": gen(4000, func() string {
			return fmt.Sprintf("2024-05-01T10:%02d:%02d.%03dZ INFO %s path=/v1/%s status=%d latency=%dms user=%s-%d",
				r.IntN(60), r.IntN(60), r.IntN(1000), w(), w(), 200+r.IntN(300), r.IntN(900), w(), r.IntN(1e4))
		}),
	}
}

func sortedKeys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
