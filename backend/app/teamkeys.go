package app

import (
	"context"

	"steward/backend/keys"
	"steward/backend/org"
)

// teamRegister is the key register as the checks and the Keys screen see
// it: its findings include the OpenAI organization's once it is connected
// (unregistered keys, stale keys, owners who left, ...), beside the
// register's own.
type teamRegister struct {
	*keys.Register
	org *org.Service
}

// Findings lists the register's findings and the organization's.
func (t teamRegister) Findings(ctx context.Context) ([]keys.Finding, error) {
	return t.org.AllFindings(ctx)
}
