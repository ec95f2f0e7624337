package secret

import (
	"strings"
	"testing"
)

func TestKindAndRedact(t *testing.T) {
	body := strings.Repeat("Ab9_", 10) + "wxyz"
	tests := []struct {
		key, kind, redacted string
	}{
		{"sk-proj-" + body, KindProject, "sk-proj-…wxyz"},
		{"sk-svcacct-" + body, KindServiceAccount, "sk-svcacct-…wxyz"},
		{"sk-admin-" + body, KindAdmin, "sk-admin-…wxyz"},
		{"sk-" + body, KindLegacyUser, "sk-…wxyz"},
		{"sk-short", KindLegacyUser, "sk-…"},
		{"hello", KindUnknown, "…"},
	}
	for _, tt := range tests {
		if got := Kind(tt.key); got != tt.kind {
			t.Errorf("Kind(%s) = %s, want %s", Redact(tt.key), got, tt.kind)
		}
		if got := Redact(tt.key); got != tt.redacted {
			t.Errorf("Redact = %s, want %s", got, tt.redacted)
		}
	}
	if Fingerprint("a") == Fingerprint("b") || len(Fingerprint("a")) != 64 {
		t.Fatal("fingerprints collide or have the wrong length")
	}
}
