// Package keys is the team's key register: members, the OpenAI API keys each
// of them holds, where each key's secret is kept (the OS keychain or an
// opt-in encrypted file), verification, rotation, the key event log and the
// hygiene findings the checklist links to as evidence.
//
// SQLite holds metadata only. A full key exists in the vault and in memory
// while it is used; everywhere else it appears as secret.Fingerprint and
// secret.Redact.
package keys

import (
	"context"
	"log/slog"
	"strconv"
	"time"

	"steward/backend/store"
)

// Verification results.
const (
	VerifyValid        = "valid"
	VerifyInvalid      = "invalid"
	VerifyRevoked      = "revoked"
	VerifyRateLimited  = "rate_limited"
	VerifyNetworkError = "network_error"
)

// Verification is what a Verifier learnt about a key.
type Verification struct {
	Result string    // one of the Verify* results
	At     time.Time // when it was checked; the register's clock if zero
	Detail string    // a short note for people, e.g. the API's error code
}

// Verifier checks a key against the OpenAI API (GET /v1/models). It is given
// the key itself and must never log or return it.
type Verifier interface {
	Verify(ctx context.Context, apiKey string) (Verification, error)
}

// LeakRef says where the leak scanner found a key; never the key itself.
type LeakRef struct {
	Where   string    // file and line, or commit and path
	FoundAt time.Time // when the scan found it
}

// LeakSource reports the fingerprints of keys the leak scanner has found.
type LeakSource interface {
	LeakedFingerprints(ctx context.Context) (map[string]LeakRef, error)
}

// Register is the key register service, shared by the GUI and the CLI.
type Register struct {
	st       *store.Store
	vault    Vault
	verifier Verifier
	leaks    LeakSource
	log      *slog.Logger
	now      func() time.Time
}

// Options adjusts New; the zero value is usable (no verifier, no leak
// source, no log, the real clock).
type Options struct {
	Verifier Verifier         // verifies keys on request; Verify fails without one
	Leaks    LeakSource       // feeds the "leaked" finding; none when nil
	Log      *slog.Logger     // records key events (never secrets); discarded when nil
	Now      func() time.Time // clock; time.Now by default
}

// New returns the register over the store, keeping secrets in vault.
func New(st *store.Store, vault Vault, opts Options) *Register {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	return &Register{st: st, vault: vault, verifier: opts.Verifier, leaks: opts.Leaks, log: opts.Log, now: opts.Now}
}

func (r *Register) stamp() string { return r.now().UTC().Format(time.RFC3339) }

// account is the vault account of a key record.
func account(id int64) string { return strconv.FormatInt(id, 10) }
