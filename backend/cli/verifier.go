package cli

import "steward/backend/keys"

// verifier checks keys against the API; none is wired in this build yet.
func (s *services) verifier() keys.Verifier { return nil }
