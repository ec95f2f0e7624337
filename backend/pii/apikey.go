package pii

import (
	"strings"

	"steward/backend/secret"
)

func isKeyChar(c byte) bool { return isAlnum(c) || c == '-' || c == '_' }

// findAPIKeys finds OpenAI-style secret keys: "sk-", "sk-proj-",
// "sk-svcacct-" or "sk-admin-" followed by a long random-looking body. The
// body must be at least 20 characters with letters and digits, and either
// mixed case or at least 32 characters, so identifiers such as
// "sk-learn-model" are not taken for keys.
func findAPIKeys(text string, out []candidate) []candidate {
	from := 0
	for {
		k := strings.Index(text[from:], "sk-")
		if k < 0 {
			return out
		}
		i := from + k
		from = i + 3
		if isKeyChar(before(text, i)) {
			continue
		}
		p := secret.Prefix(text[i:])
		j := i + len(p)
		for j < len(text) && isKeyChar(text[j]) {
			j++
		}
		if keyBodyLooksRandom(text[i+len(p) : j]) {
			out = append(out, candidate{APIKey, i, j})
			from = j
		}
	}
}

// keyBodyLooksRandom applies the length and character-mix rules above.
func keyBodyLooksRandom(body string) bool {
	if len(body) < 20 {
		return false
	}
	var digit, lower, upper bool
	for i := 0; i < len(body); i++ {
		c := body[i]
		digit = digit || isDigit(c)
		lower = lower || isLower(c)
		upper = upper || isUpper(c)
	}
	if !digit || !(lower || upper) {
		return false
	}
	return (lower && upper) || len(body) >= 32
}
