package keys

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestVerify(t *testing.T) {
	e := newEnv(t, nil, Options{})
	e.member(t, "Alice")
	_, s := e.key(t, "Alice", "alice-dev", EnvDev, "sk-proj-")
	at := time.Date(2026, 3, 11, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		result     Verification
		err        error
		wantResult string
		wantDetail string
		wantAt     string
	}{
		{"OK_Valid", Verification{Result: VerifyValid, At: at}, nil, VerifyValid, "", "2026-03-11T08:00:00Z"},
		{"OK_Invalid", Verification{Result: VerifyInvalid, Detail: "invalid_api_key"}, nil, VerifyInvalid, "invalid_api_key", "2026-03-10T09:30:00Z"},
		{"OK_RateLimited", Verification{Result: VerifyRateLimited}, nil, VerifyRateLimited, "", "2026-03-10T09:30:00Z"},
		{"OK_VerifierErrorIsNetworkError", Verification{}, errors.New("dial tcp: connection refused"), VerifyNetworkError, "dial tcp: connection refused", "2026-03-10T09:30:00Z"},
		{"OK_DetailNeverKeepsTheKey", Verification{Result: VerifyInvalid, Detail: "bad key " + s}, nil, VerifyInvalid, "bad key sk-proj-…", "2026-03-10T09:30:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.ver.result, e.ver.err = tt.result, tt.err
			k, err := e.r.Verify(ctx, "alice-dev")
			if err != nil {
				t.Fatal(err)
			}
			if k.VerifyResult != tt.wantResult || !strings.HasPrefix(k.VerifyDetail, tt.wantDetail) || k.VerifiedAt != tt.wantAt {
				t.Fatalf("key = %+v", k)
			}
			if strings.Contains(k.VerifyDetail, s) {
				t.Fatal("the key was kept in the detail")
			}
			if e.ver.seen[len(e.ver.seen)-1] != s {
				t.Fatal("the verifier was not given the key")
			}
		})
	}
	t.Run("ErrCancelled_NothingRecorded", func(t *testing.T) {
		before, _ := e.r.Key(ctx, "alice-dev")
		c, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := e.r.Verify(c, "alice-dev"); !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v; want context.Canceled", err)
		}
		after, _ := e.r.Key(ctx, "alice-dev")
		if after.VerifiedAt != before.VerifiedAt || after.VerifyResult != before.VerifyResult {
			t.Fatal("a cancelled check was recorded")
		}
	})
	t.Run("ErrUnknownResult", func(t *testing.T) {
		e.ver.result, e.ver.err = Verification{Result: "maybe"}, nil
		if _, err := e.r.Verify(ctx, "alice-dev"); err == nil {
			t.Fatal("an unknown result was accepted")
		}
	})
	t.Run("ErrNoVerifier", func(t *testing.T) {
		r := New(e.st, e.vault, Options{})
		_, err := r.Verify(ctx, "alice-dev")
		wantCode(t, err, CodeNoVerifier)
	})
	t.Run("OK_EventsRecorded", func(t *testing.T) {
		evs, _ := e.r.Events(ctx, "alice-dev")
		n := 0
		for _, ev := range evs {
			if ev.Event == EventVerified {
				n++
			}
		}
		if n != len(tests) {
			t.Fatalf("verified events = %d; want %d", n, len(tests))
		}
	})
}
