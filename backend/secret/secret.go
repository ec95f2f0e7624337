// Package secret names, fingerprints and redacts OpenAI API keys, so that
// every other package can show or match a key without ever keeping it.
package secret

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Kinds of OpenAI API key, told apart by their prefix.
const (
	KindProject        = "project"         // sk-proj-
	KindServiceAccount = "service_account" // sk-svcacct-
	KindAdmin          = "admin"           // sk-admin-
	KindLegacyUser     = "legacy_user"     // sk- followed by the key itself
	KindUnknown        = "unknown"
)

// prefixes are the key prefixes, longest first.
var prefixes = []struct{ prefix, kind string }{
	{"sk-proj-", KindProject},
	{"sk-svcacct-", KindServiceAccount},
	{"sk-admin-", KindAdmin},
	{"sk-", KindLegacyUser},
}

// Kind tells which kind of key k is from its prefix.
func Kind(k string) string {
	for _, p := range prefixes {
		if strings.HasPrefix(k, p.prefix) {
			return p.kind
		}
	}
	return KindUnknown
}

// Prefix returns the kind prefix of k ("sk-proj-", ... or "").
func Prefix(k string) string {
	for _, p := range prefixes {
		if strings.HasPrefix(k, p.prefix) {
			return p.prefix
		}
	}
	return ""
}

// Fingerprint is the hex SHA-256 of the key: stable, matchable, not reversible.
func Fingerprint(k string) string {
	sum := sha256.Sum256([]byte(k))
	return hex.EncodeToString(sum[:])
}

// Redact shows a key as its prefix and last four characters: "sk-proj-…abcd".
// Short strings are masked whole.
func Redact(k string) string {
	p := Prefix(k)
	rest := k[len(p):]
	if len(rest) < 12 {
		return p + "…"
	}
	return p + "…" + rest[len(rest)-4:]
}
