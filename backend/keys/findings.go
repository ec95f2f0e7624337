package keys

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"steward/backend/secret"
)

// Kinds of hygiene finding.
const (
	FindingSharedKey        = "shared_key"          // one key on two members' records
	FindingMemberWithoutKey = "member_without_key"  // a member with no current key of their own
	FindingRotationOverdue  = "rotation_overdue"    // older than its environment's rotation period
	FindingNotVerified      = "not_verified"        // not checked for VerifyEveryDays
	FindingVerifyFailed     = "verification_failed" // last check said invalid or revoked
	FindingAdminKeyLocal    = "admin_key_local"     // an admin key in this machine's vault
	FindingLeaked           = "leaked"              // found by the leak scanner
)

// Severities, most urgent first.
const (
	SeverityCritical = "critical"
	SeverityHigh     = "high"
	SeverityMedium   = "medium"
	SeverityLow      = "low"
)

// Severities lists every severity, most urgent first.
var Severities = []string{SeverityCritical, SeverityHigh, SeverityMedium, SeverityLow}

// Finding is one hygiene problem in the register, worded for people in both
// languages. Its ID is stable across runs so checklist items can cite it.
type Finding struct {
	ID         string   `json:"id"` // kind:subject, e.g. "rotation_overdue:12"
	Kind       string   `json:"kind"`
	Severity   string   `json:"severity"`
	Members    []string `json:"members"`
	Labels     []string `json:"labels"`
	KeyIDs     []int64  `json:"key_ids"`
	Title      Text     `json:"title"`
	Why        Text     `json:"why"`       // why it matters
	Fix        Text     `json:"fix"`       // what to do
	Since      string   `json:"since"`     // YYYY-MM-DD the condition began, when known
	Checklist  []string `json:"checklist"` // checklist items this is evidence for
	ComputedAt string   `json:"computed_at"`
}

// Findings computes the register's hygiene findings as of now, most urgent
// first. Leak findings need the LeakSource given to New.
func (r *Register) Findings(ctx context.Context) ([]Finding, error) {
	keys, err := r.Keys(ctx)
	if err != nil {
		return nil, err
	}
	members, err := r.Members(ctx)
	if err != nil {
		return nil, err
	}
	policy, err := r.policyDays(ctx, r.st.Read())
	if err != nil {
		return nil, err
	}
	var leaks map[string]LeakRef
	if r.leaks != nil {
		if leaks, err = r.leaks.LeakedFingerprints(ctx); err != nil {
			return nil, fmt.Errorf("read leak scan results: %w", err)
		}
	}
	return computeFindings(r.now(), members, keys, policy, leaks), nil
}

// computeFindings is the hygiene rules over a snapshot of the register.
func computeFindings(now time.Time, members []Member, keys []Key, policy map[string]int, leaks map[string]LeakRef) []Finding {
	var out []Finding
	out = append(out, sharedKeys(keys)...)
	out = append(out, membersWithoutKey(members, keys)...)
	for _, k := range keys {
		if ref, ok := leaks[k.Fingerprint]; ok {
			out = append(out, leakedKey(k, ref))
		}
		if !k.Current() {
			continue
		}
		if days := ageDays(now, k.CreatedAt); days >= policy[k.Environment] {
			out = append(out, rotationOverdue(k, days, policy[k.Environment]))
		}
		if f, ok := verification(now, k); ok {
			out = append(out, f)
		}
		if k.Kind == secret.KindAdmin {
			out = append(out, adminKeyLocal(k))
		}
	}
	stamp := now.UTC().Format(time.RFC3339)
	for i := range out {
		out[i].ComputedAt = stamp
	}
	slices.SortFunc(out, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(slices.Index(Severities, a.Severity), slices.Index(Severities, b.Severity)),
			cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.ID, b.ID))
	})
	if out == nil {
		out = []Finding{}
	}
	return out
}

// sharedKeys finds fingerprints on current records of two or more members.
func sharedKeys(keys []Key) []Finding {
	byFP := map[string][]Key{}
	for _, k := range keys {
		if k.Current() {
			byFP[k.Fingerprint] = append(byFP[k.Fingerprint], k)
		}
	}
	var out []Finding
	for fp, ks := range byFP {
		f := Finding{ID: FindingSharedKey + ":" + fp[:12], Kind: FindingSharedKey, Severity: SeverityHigh, Checklist: []string{"KH-01"}}
		seen := map[int64]bool{}
		for _, k := range ks {
			if !seen[k.MemberID] {
				seen[k.MemberID] = true
				f.Members = append(f.Members, k.Member)
			}
			f.Labels = append(f.Labels, k.Label)
			f.KeyIDs = append(f.KeyIDs, k.ID)
		}
		if len(seen) < 2 {
			continue
		}
		slices.Sort(f.Members)
		f.Title, f.Why, f.Fix = sharedKeyText(f.Members, ks[0].Redacted)
		out = append(out, f)
	}
	return out
}

// membersWithoutKey finds members none of whose current keys is theirs alone.
func membersWithoutKey(members []Member, keys []Key) []Finding {
	holders := map[string]map[int64]bool{}
	for _, k := range keys {
		if k.Current() {
			if holders[k.Fingerprint] == nil {
				holders[k.Fingerprint] = map[int64]bool{}
			}
			holders[k.Fingerprint][k.MemberID] = true
		}
	}
	own := map[int64]bool{}
	for _, k := range keys {
		if k.Current() && len(holders[k.Fingerprint]) == 1 {
			own[k.MemberID] = true
		}
	}
	var out []Finding
	for _, m := range members {
		if own[m.ID] {
			continue
		}
		f := Finding{ID: FindingMemberWithoutKey + ":" + strconv.FormatInt(m.ID, 10), Kind: FindingMemberWithoutKey,
			Severity: SeverityMedium, Members: []string{m.Name}, Checklist: []string{"KH-01"}}
		f.Title, f.Why, f.Fix = memberWithoutKeyText(m.Name, m.ActiveKeys > 0)
		out = append(out, f)
	}
	return out
}

func keyFinding(kind, severity string, k Key, checklist ...string) Finding {
	return Finding{ID: kind + ":" + strconv.FormatInt(k.ID, 10), Kind: kind, Severity: severity,
		Members: []string{k.Member}, Labels: []string{k.Label}, KeyIDs: []int64{k.ID}, Checklist: checklist}
}

func rotationOverdue(k Key, days, policy int) Finding {
	f := keyFinding(FindingRotationOverdue, SeverityMedium, k, "KH-06")
	f.Since = k.RotateBy
	f.Title, f.Why, f.Fix = rotationOverdueText(k, days, policy)
	return f
}

// verification flags a key whose last check failed, or that has gone
// VerifyEveryDays without one.
func verification(now time.Time, k Key) (Finding, bool) {
	if k.VerifyResult == VerifyInvalid || k.VerifyResult == VerifyRevoked {
		f := keyFinding(FindingVerifyFailed, SeverityHigh, k, "KH-08")
		f.Since = day(k.VerifiedAt)
		f.Title, f.Why, f.Fix = verifyFailedText(k)
		return f, true
	}
	ref := k.CreatedAt
	if k.VerifiedAt != "" {
		ref = k.VerifiedAt
	}
	if ageDays(now, ref) < VerifyEveryDays {
		return Finding{}, false
	}
	f := keyFinding(FindingNotVerified, SeverityLow, k, "KH-06", "KH-08")
	f.Since = rotateBy(ref, VerifyEveryDays)
	f.Title, f.Why, f.Fix = notVerifiedText(k)
	return f, true
}

func adminKeyLocal(k Key) Finding {
	f := keyFinding(FindingAdminKeyLocal, SeverityHigh, k, "KH-10")
	f.Since = day(k.CreatedAt)
	f.Title, f.Why, f.Fix = adminKeyText(k)
	return f
}

func leakedKey(k Key, ref LeakRef) Finding {
	severity := SeverityHigh
	if k.Current() {
		severity = SeverityCritical
	}
	f := keyFinding(FindingLeaked, severity, k, "KH-03", "KH-11")
	if !ref.FoundAt.IsZero() {
		f.Since = ref.FoundAt.UTC().Format(time.DateOnly)
	}
	f.Title, f.Why, f.Fix = leakedText(k, shown(ref.Where))
	return f
}

// ageDays is how many whole days have passed since an RFC 3339 stamp.
func ageDays(now time.Time, stamp string) int {
	t, err := time.Parse(time.RFC3339, stamp)
	if err != nil {
		return 0
	}
	return int(now.Sub(t).Hours() / 24)
}
