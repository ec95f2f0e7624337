package privacy

import (
	"os"
	"strings"
	"testing"
)

// FuzzLoadAnswers feeds arbitrary bytes as YAML and JSON: loading must never
// panic, and answers it accepts must draft and check without panicking.
func FuzzLoadAnswers(f *testing.F) {
	for _, name := range []string{setPath("all"), setPath("eu"), setPath("china")} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(string(b), true)
		}
	}
	f.Add(`{"users": {"regions": ["eu", "mars"]}, "children": {"minimum_age": 2.5}}`, false)
	f.Add("a: &a [*a]\n", true)
	f.Add("products: [{en: x, zh: y}, ~, 3]\n", true)
	f.Add("{\"organisation\": {\"name\": [1, {\"x\": null}]}}", false)
	f.Fuzz(func(t *testing.T, input string, yaml bool) {
		name := "f.json"
		if yaml {
			name = "f.yaml"
		}
		a, err := LoadAnswers(strings.NewReader(input), name)
		if err != nil {
			return
		}
		Check(a)
		if _, err := Draft(a, LangZh); err != nil {
			t.Fatalf("loaded answers do not draft: %v", err)
		}
	})
}
