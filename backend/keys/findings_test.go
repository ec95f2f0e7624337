package keys

import (
	"slices"
	"strings"
	"testing"
	"time"

	"steward/backend/secret"
)

func TestFindings(t *testing.T) {
	tests := []struct {
		name     string
		setup    func(t *testing.T, e *testEnv, leaks fakeLeaks)
		kind     string
		fires    bool
		severity string
		members  string // comma-joined, when it fires
	}{
		{"OK_SharedKey", func(t *testing.T, e *testEnv, _ fakeLeaks) {
			_, s := e.key(t, "Bob", "bob", EnvDev, "sk-proj-")
			e.r.AddKey(ctx, KeyInput{Label: "alice", Member: "Alice", Environment: EnvDev}, s)
		}, FindingSharedKey, true, SeverityHigh, "Alice,Bob"},
		{"OK_SharedKeyNotWhenRevoked", func(t *testing.T, e *testEnv, _ fakeLeaks) {
			_, s := e.key(t, "Bob", "bob", EnvDev, "sk-proj-")
			e.r.AddKey(ctx, KeyInput{Label: "alice", Member: "Alice", Environment: EnvDev}, s)
			e.r.RevokeKey(ctx, "alice", "")
		}, FindingSharedKey, false, "", ""},
		{"OK_MemberWithoutKey", func(t *testing.T, e *testEnv, _ fakeLeaks) {
			e.key(t, "Bob", "bob", EnvDev, "sk-proj-")
		}, FindingMemberWithoutKey, true, SeverityMedium, "Alice"},
		{"OK_MemberWithOnlySharedKey", func(t *testing.T, e *testEnv, _ fakeLeaks) {
			_, s := e.key(t, "Alice", "alice", EnvDev, "sk-proj-")
			e.key(t, "Alice", "alice-own", EnvDev, "sk-proj-")
			e.r.AddKey(ctx, KeyInput{Label: "bob", Member: "Bob", Environment: EnvDev}, s)
		}, FindingMemberWithoutKey, true, SeverityMedium, "Bob"},
		{"OK_MemberWithoutKeyNotWhenEachHasOne", func(t *testing.T, e *testEnv, _ fakeLeaks) {
			e.key(t, "Alice", "alice", EnvDev, "sk-proj-")
			e.key(t, "Bob", "bob", EnvDev, "sk-proj-")
		}, FindingMemberWithoutKey, false, "", ""},
		{"OK_RotationOverdue", func(t *testing.T, e *testEnv, _ fakeLeaks) {
			e.key(t, "Alice", "alice", EnvDev, "sk-proj-")
			e.clock.advance(90 * day24)
		}, FindingRotationOverdue, true, SeverityMedium, "Alice"},
		{"OK_RotationNotYetDue", func(t *testing.T, e *testEnv, _ fakeLeaks) {
			e.key(t, "Alice", "alice", EnvDev, "sk-proj-")
			e.clock.advance(89 * day24)
		}, FindingRotationOverdue, false, "", ""},
		{"OK_RotationPolicyPerEnvironment", func(t *testing.T, e *testEnv, _ fakeLeaks) {
			e.r.SetPolicy(ctx, EnvProd, 30)
			e.r.SetPolicy(ctx, EnvDev, 365)
			e.key(t, "Alice", "alice-dev", EnvDev, "sk-proj-")
			e.key(t, "Bob", "bob-prod", EnvProd, "sk-proj-")
			e.clock.advance(31 * day24)
		}, FindingRotationOverdue, true, SeverityMedium, "Bob"},
		{"OK_RotationResetByRotate", func(t *testing.T, e *testEnv, _ fakeLeaks) {
			e.key(t, "Alice", "alice", EnvDev, "sk-proj-")
			e.clock.advance(100 * day24)
			e.r.Rotate(ctx, "alice", genKey(t, "sk-proj-"))
		}, FindingRotationOverdue, false, "", ""},
		{"OK_NotVerified", func(t *testing.T, e *testEnv, _ fakeLeaks) {
			e.key(t, "Alice", "alice", EnvDev, "sk-proj-")
			e.clock.advance(30 * day24)
		}, FindingNotVerified, true, SeverityLow, "Alice"},
		{"OK_NotVerifiedNotWhenRecent", func(t *testing.T, e *testEnv, _ fakeLeaks) {
			e.key(t, "Alice", "alice", EnvDev, "sk-proj-")
			e.clock.advance(25 * day24)
			e.r.Verify(ctx, "alice")
			e.clock.advance(25 * day24)
		}, FindingNotVerified, false, "", ""},
		{"OK_VerificationFailed", func(t *testing.T, e *testEnv, _ fakeLeaks) {
			e.key(t, "Alice", "alice", EnvDev, "sk-proj-")
			e.ver.result = Verification{Result: VerifyRevoked}
			e.r.Verify(ctx, "alice")
		}, FindingVerifyFailed, true, SeverityHigh, "Alice"},
		{"OK_VerificationFailedNotWhenValid", func(t *testing.T, e *testEnv, _ fakeLeaks) {
			e.key(t, "Alice", "alice", EnvDev, "sk-proj-")
			e.r.Verify(ctx, "alice")
		}, FindingVerifyFailed, false, "", ""},
		{"OK_AdminKeyLocal", func(t *testing.T, e *testEnv, _ fakeLeaks) {
			e.key(t, "Alice", "alice-admin", EnvProd, "sk-admin-")
		}, FindingAdminKeyLocal, true, SeverityHigh, "Alice"},
		{"OK_AdminKeyNotWhenRevoked", func(t *testing.T, e *testEnv, _ fakeLeaks) {
			e.key(t, "Alice", "alice-admin", EnvProd, "sk-admin-")
			e.key(t, "Alice", "alice", EnvProd, "sk-proj-")
			e.r.RevokeKey(ctx, "alice-admin", "moved to the server")
		}, FindingAdminKeyLocal, false, "", ""},
		{"OK_Leaked", func(t *testing.T, e *testEnv, leaks fakeLeaks) {
			_, s := e.key(t, "Alice", "alice", EnvDev, "sk-proj-")
			leaks[secret.Fingerprint(s)] = LeakRef{Where: "app/config.py:12", FoundAt: fixedNow}
		}, FindingLeaked, true, SeverityCritical, "Alice"},
		{"OK_LeakedRetiredKey", func(t *testing.T, e *testEnv, leaks fakeLeaks) {
			_, s := e.key(t, "Alice", "alice", EnvDev, "sk-proj-")
			e.r.Rotate(ctx, "alice", genKey(t, "sk-proj-"))
			leaks[secret.Fingerprint(s)] = LeakRef{Where: "commit 1a2b3c README.md"}
		}, FindingLeaked, true, SeverityHigh, "Alice"},
		{"OK_NotLeaked", func(t *testing.T, e *testEnv, leaks fakeLeaks) {
			e.key(t, "Alice", "alice", EnvDev, "sk-proj-")
			leaks[secret.Fingerprint(genKey(t, "sk-proj-"))] = LeakRef{Where: "elsewhere"}
		}, FindingLeaked, false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			leaks := fakeLeaks{}
			e := newEnv(t, nil, Options{Leaks: leaks})
			e.member(t, "Alice")
			e.member(t, "Bob")
			tt.setup(t, e, leaks)
			fs, err := e.r.Findings(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var got []Finding
			for _, f := range fs {
				checkFindingComplete(t, f, e.clock.Now())
				if f.Kind == tt.kind {
					got = append(got, f)
				}
			}
			if !tt.fires {
				if len(got) != 0 {
					t.Fatalf("%s fired: %+v", tt.kind, got)
				}
				return
			}
			if len(got) != 1 || got[0].Severity != tt.severity || strings.Join(got[0].Members, ",") != tt.members {
				t.Fatalf("%s findings = %+v", tt.kind, got)
			}
		})
	}
}

// checkFindingComplete fails unless a finding carries everything the
// checklist and the UI need.
func checkFindingComplete(t *testing.T, f Finding, now time.Time) {
	t.Helper()
	texts := []Text{f.Title, f.Why, f.Fix}
	for _, x := range texts {
		if x.En == "" || x.Zh == "" || strings.Contains(x.En, "%!") || strings.Contains(x.Zh, "%!") {
			t.Fatalf("finding %s lacks a text: %+v", f.ID, x)
		}
	}
	if !strings.HasPrefix(f.ID, f.Kind+":") || !slices.Contains(Severities, f.Severity) || len(f.Checklist) == 0 ||
		f.ComputedAt != now.UTC().Format(time.RFC3339) || len(f.Members) == 0 {
		t.Fatalf("finding incomplete: %+v", f)
	}
}

func TestFindingsOrderAndEmpty(t *testing.T) {
	e := newEnv(t, nil, Options{})
	fs, err := e.r.Findings(ctx)
	if err != nil || fs == nil || len(fs) != 0 {
		t.Fatalf("empty register findings = %#v, %v", fs, err)
	}
	e.member(t, "Alice")
	e.key(t, "Alice", "admin", EnvProd, "sk-admin-")
	e.clock.advance(100 * day24)
	fs, _ = e.r.Findings(ctx)
	var kinds []string
	for _, f := range fs {
		kinds = append(kinds, f.Kind)
	}
	want := []string{FindingAdminKeyLocal, FindingRotationOverdue, FindingNotVerified}
	if !slices.Equal(kinds, want) {
		t.Fatalf("order = %v; want %v", kinds, want)
	}
}
