package app

import (
	"testing"

	"steward/backend/apperr"
)

func TestUsageQueueFromTheEnvironment(t *testing.T) {
	ctx := t.Context()
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == EnvUsageQueue {
				return v
			}
			return ""
		}
	}
	s, err := Open(ctx, Options{DataDir: t.TempDir(), Getenv: env("250")})
	if err != nil {
		t.Fatal(err)
	}
	st, _ := s.Usage.Stats(ctx)
	s.Close()
	if st.Capacity != 250 {
		t.Fatalf("queue bound = %d, want 250 from %s", st.Capacity, EnvUsageQueue)
	}
	for _, bad := range []string{"0", "-3", "lots"} {
		if _, err := Open(ctx, Options{DataDir: t.TempDir(), Getenv: env(bad)}); !apperr.Is(err, apperr.Invalid) {
			t.Fatalf("%s=%q: err = %v, want an invalid-setting error", EnvUsageQueue, bad, err)
		}
	}
}
