package app

import (
	"os/user"
	"strings"
	"testing"
)

// TestActor: the audit trail's actor is the front and the OS user's name.
func TestActor(t *testing.T) {
	env := func(k string) string { return map[string]string{"USER": "env-user"}[k] }
	got := actor("cli", env)
	want := "cli:env-user"
	if u, err := user.Current(); err == nil && u.Username != "" {
		name := u.Username[strings.LastIndexByte(u.Username, '\\')+1:]
		want = "cli:" + strings.ReplaceAll(name, ":", "")
	}
	if got != want {
		t.Fatalf("actor(cli) = %q, want %q", got, want)
	}
	if got := actor("", env); !strings.HasPrefix(got, "app:") {
		t.Fatalf(`actor("") = %q, want the app front`, got)
	}
}
