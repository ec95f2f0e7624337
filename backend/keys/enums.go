package keys

import "steward/backend/secret"

// Status is a key's status (see Statuses).
type Status string

// Environment is where a key is used (see Environments).
type Environment string

// Kind is a kind of OpenAI API key, told apart by its prefix (see Kinds).
type Kind string

// Kinds lists the kinds of key the register tells apart.
func Kinds() []string {
	return []string{secret.KindProject, secret.KindServiceAccount, secret.KindAdmin, secret.KindLegacyUser}
}
