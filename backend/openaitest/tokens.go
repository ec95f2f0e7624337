package openaitest

import (
	"fmt"
	"hash/fnv"
	"strings"
	"unicode/utf8"

	"steward/backend/secret"
)

// CountTokens is the server's deterministic stand-in for a tokenizer: one
// token per four characters, rounded up. Tests use it to predict usage.
func CountTokens(s string) int {
	return (utf8.RuneCountInString(s) + 3) / 4
}

// KeyID is the API key id the usage endpoint reports for key.
func KeyID(key string) string { return "key_" + secret.Fingerprint(key)[:16] }

// hash64 is a stable hash for deterministic ids, scores and vectors.
func hash64(parts ...string) uint64 {
	h := fnv.New64a()
	for _, p := range parts {
		_, _ = h.Write([]byte(p))
		_, _ = h.Write([]byte{0})
	}
	return h.Sum64()
}

// newID makes an id such as "chatcmpl-…" from the request sequence.
func (s *Server) newID(prefix string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	n := fmt.Sprint(s.seq)
	return fmt.Sprintf("%s%016x%016x", prefix, hash64(prefix, n), hash64(n, prefix))
}

// words splits a reply into stream deltas, keeping the spaces.
func words(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s[1:], ' ')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}
