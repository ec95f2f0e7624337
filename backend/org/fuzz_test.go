package org

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzHintLike: a hint never shows more of the key than the redacted value
// it is shaped like, and never panics on odd redacted values.
func FuzzHintLike(f *testing.F) {
	f.Add("sk-proj-abcdefghijklmnopqrstuvwxyz0123456789", "sk-abc...def")
	f.Add("sk-admin-abcdefghijklmnopqrstuvwxyz", "sk-admin...xyz")
	f.Add("sk-x", "……")
	f.Fuzz(func(t *testing.T, key, redacted string) {
		h, ok := hintLike(key, redacted)
		if !ok {
			return
		}
		if len(h) != len(redacted) {
			t.Fatalf("hint %q is not as long as %q", h, redacted)
		}
		if strings.Contains(key, h) && len(key) > len(h) {
			t.Fatalf("the hint is a run of the key longer than its ends")
		}
	})
}

// FuzzAuditEvent: any JSON the audit log endpoint returns is read without
// panicking.
func FuzzAuditEvent(f *testing.F) {
	f.Add(`{"id":"audit_log-1","type":"api_key.created","effective_at":1,"actor":{"type":"api_key","api_key":{"user":{"id":"u","email":"e"}}},"api_key.created":{"id":"key_1"}}`)
	f.Add(`{"id":"x","type":"login.failed","actor":null,"project":{"id":"p"}}`)
	f.Fuzz(func(t *testing.T, raw string) {
		var e apiAudit
		if json.Unmarshal([]byte(raw), &e) != nil {
			return
		}
		_ = actorOf(e)
		_ = projectOf(e)
		_ = objectOf(payloadOf(json.RawMessage(raw), e.Type))
	})
}
