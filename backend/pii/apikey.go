package pii

import (
	"steward/backend/secret"
)

// findAPIKeys finds OpenAI API keys with the detector the leak scanner
// uses (package secret): keys after escapes such as \n, with escaped
// hyphens, glued to text, and key-shaped tokens without the marker, so
// "sk-learn-model" is not taken for a key but every leaked key is.
func findAPIKeys(text string, out []candidate) []candidate {
	for _, m := range secret.Find([]byte(text)) {
		out = append(out, candidate{APIKey, m.Start, m.End})
	}
	return out
}
