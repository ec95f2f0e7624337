package cli

import (
	"steward/backend/keys"
	"steward/backend/openai"
)

// verifier checks keys with GET /models at OPENAI_BASE_URL (OpenAI's by default).
func (s *services) verifier() keys.Verifier {
	return keys.APIVerifier{BaseURL: openai.FromEnv(s.env.Getenv).BaseURL, Observer: s.observer()}
}
