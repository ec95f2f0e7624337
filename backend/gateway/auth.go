package gateway

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"steward/backend/secret"
)

// LookupFunc names the member and label of a registered key by its
// fingerprint; keys.Register.Lookup is one.
type LookupFunc func(fingerprint string) (member, label string, ok bool)

// Headers a credential can arrive in.
const (
	hdrAuthorization = "Authorization"
	hdrAPIKey        = "Api-Key" // Azure OpenAI's "api-key", canonicalised
)

// credential returns the key or token a request carries and the header it
// came in: "Authorization: Bearer X" or Azure's "api-key: X".
func credential(h http.Header) (cred, header string) {
	if a := h.Get(hdrAuthorization); a != "" {
		if len(a) > 7 && strings.EqualFold(a[:7], "bearer ") {
			return strings.TrimSpace(a[7:]), hdrAuthorization
		}
		return "", hdrAuthorization
	}
	if k := h.Get(hdrAPIKey); k != "" {
		return strings.TrimSpace(k), hdrAPIKey
	}
	return "", ""
}

// unauthorized is the 401 for a request with no usable credential.
func unauthorized(cred string) apiError {
	msg := "You didn't provide an API key. Use your Steward member token as the API key " +
		"(Authorization: Bearer stw_...), or your own OpenAI API key."
	switch {
	case strings.HasPrefix(cred, TokenPrefix):
		msg = fmt.Sprintf("Incorrect Steward member token provided: %s. It is unknown or revoked, "+
			"or its member was removed. Ask your Steward admin for a new token.", maskToken(cred))
	case cred != "":
		msg = "Incorrect API key provided. The Steward gateway accepts a Steward member token (stw_...) " +
			"or an OpenAI API key (sk-...)."
	}
	return invalidRequest(http.StatusUnauthorized, ReasonInvalidKey, "", msg)
}

// maskToken shows a token as its prefix and a few characters, as the API
// shows keys in its 401 message.
func maskToken(tok string) string {
	n := len(TokenPrefix) + shownChars
	if len(tok) <= n {
		return TokenPrefix + "****"
	}
	return tok[:n] + "****"
}

// scrubSecrets replaces anything in s that looks like an API key or a
// member token with its redacted form, before s is shown or kept.
func scrubSecrets(s string) string {
	s = secret.RedactKeys(s) // the one key detector every redaction point shares
	if !strings.Contains(s, TokenPrefix) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], TokenPrefix) {
			j := i
			for j < len(s) && isKeyChar(s[j]) {
				j++
			}
			b.WriteString(maskToken(s[i:j]))
			i = j
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func isKeyChar(c byte) bool {
	return c == '-' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// owners caches who registered own keys belong to, so the key register is
// not queried on every call.
type owners struct {
	lookup LookupFunc
	now    func() time.Time

	mu sync.RWMutex
	m  map[string]ownerEntry
}

type ownerEntry struct {
	member  string
	checked time.Time
}

const ownerTTL = 30 * time.Second

// member names the member a key fingerprint is registered to, or "".
func (o *owners) member(fp string) string {
	if o.lookup == nil {
		return ""
	}
	now := o.now()
	o.mu.RLock()
	e, ok := o.m[fp]
	o.mu.RUnlock()
	if ok && now.Sub(e.checked) < ownerTTL && !now.Before(e.checked) {
		return e.member
	}
	m, _, _ := o.lookup(fp)
	o.mu.Lock()
	if len(o.m) >= maxCached {
		clear(o.m)
	}
	o.m[fp] = ownerEntry{member: m, checked: now}
	o.mu.Unlock()
	return m
}
