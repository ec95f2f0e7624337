package leakscan

import "steward/backend/secret"

// maxKeyContext bounds how far a match reaches from its start, so a chunk
// overlap larger than this never splits a key unseen.
const maxKeyContext = secret.MaxKeyContext

// match is a leak found in a buffer: the secret's byte span, its rule and
// the offset that places it in exactly one chunk of a streamed file.
type match struct {
	rule       string
	start, end int  // the secret
	anchor     int  // end for keys, the end of the line for env assignments
	escaped    bool // a hyphen is written escaped: the key is secret.Canonical of the span
}

// key returns the key the match holds, as the API reads it.
func (m match) key(buf []byte) string {
	return secret.Match{Start: m.start, End: m.end, Escaped: m.escaped}.Key(buf)
}

// ruleOfKind is the key rule reporting keys of a secret.Kind.
func ruleOfKind(kind string) string {
	switch kind {
	case secret.KindProject:
		return RuleProjectKey
	case secret.KindServiceAccount:
		return RuleServiceAccountKey
	case secret.KindAdmin:
		return RuleAdminKey
	}
	return RuleLegacyKey
}

// findKeys appends to out the keys in buf, found by the shared detector
// (secret.FindMarked). atStart says buf begins at the start of its file,
// final that it ends at the end of the file: without them a candidate
// touching the edge is left for the neighbouring chunk.
func findKeys(buf []byte, atStart, final bool, out []match) []match {
	var tmp [8]secret.Match
	for _, k := range secret.FindMarked(buf, atStart, final, tmp[:0]) {
		out = append(out, match{rule: ruleOfKind(k.Kind), start: k.Start, end: k.End, anchor: k.End, escaped: k.Escaped})
	}
	return out
}

// findRegistered appends to out the key-shaped tokens of buf, outside the
// keys already in out, whose fingerprint is in the register: a registered
// key is found whatever its shape.
func findRegistered(buf []byte, atStart, final bool, lookup Lookup, out []match) []match {
	var tmp [8]secret.Match
	found := len(out)
	for _, k := range secret.FindShaped(buf, atStart, final, tmp[:0]) {
		if overlapsAny(out[:found], k.Start, k.End) {
			continue
		}
		if _, _, ok := lookup(secret.Fingerprint(k.Key(buf))); ok {
			out = append(out, match{rule: ruleOfKind(k.Kind), start: k.Start, end: k.End, anchor: k.End, escaped: k.Escaped})
		}
	}
	return out
}

func overlapsAny(ms []match, start, end int) bool {
	for _, m := range ms {
		if start < m.end && m.start < end {
			return true
		}
	}
	return false
}
