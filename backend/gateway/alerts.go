package gateway

import (
	"log/slog"
	"strings"
	"sync"
	"time"
)

// Kinds of Alert.
const (
	// AlertAccountTrouble: a provider answered that the account is in
	// trouble (deactivated, out of quota, region refused, team key refused,
	// a policy refusal). Evidence for OP-07.
	AlertAccountTrouble = "account_trouble"
	// AlertLowHeadroom: under 10% of a rate limit is left for a key and model.
	AlertLowHeadroom = "low_headroom"
	// AlertOutputFlagged: moderation flagged an answer.
	AlertOutputFlagged = "output_flagged"
	// AlertEndUserBlocked: an end user reached the blocklist threshold.
	AlertEndUserBlocked = "end_user_blocked"
)

// Alert is something the gateway saw that a person should hear about at
// once. It never holds a key, a prompt or an end user's own identifier.
type Alert struct {
	Time     string `json:"time"`  // RFC 3339, UTC, of the latest occurrence
	First    string `json:"first"` // RFC 3339, UTC, of the first
	Kind     string `json:"kind"`
	Provider string `json:"provider"`
	Member   string `json:"member"`
	Message  string `json:"message"`
	Count    int    `json:"count"` // occurrences folded into this alert
}

// maxAlerts is how many alerts the gateway keeps; the oldest go first.
const maxAlerts = 50

// alertBook keeps recent alerts, folding repeats of the same one together,
// writes each new one as a log line and passes it to the app's hook.
type alertBook struct {
	log  *slog.Logger
	hook func(Alert)

	mu   sync.Mutex
	list []Alert // newest last
}

// raise records an alert; a repeat of the last alert of the same kind,
// provider, member and message only counts up.
func (b *alertBook) raise(now time.Time, kind, provider, member, msg string) {
	msg = scrubSecrets(msg)
	t := now.UTC().Format(time.RFC3339)
	b.mu.Lock()
	for i := len(b.list) - 1; i >= 0; i-- {
		a := &b.list[i]
		if a.Kind == kind && a.Provider == provider && a.Member == member && a.Message == msg {
			a.Count++
			a.Time = t
			b.mu.Unlock()
			return
		}
	}
	a := Alert{Time: t, First: t, Kind: kind, Provider: provider, Member: member, Message: msg, Count: 1}
	b.list = append(b.list, a)
	if len(b.list) > maxAlerts {
		b.list = append(b.list[:0], b.list[len(b.list)-maxAlerts:]...)
	}
	b.mu.Unlock()
	b.log.Warn("ALERT "+kind+": "+msg, "provider", provider, "member", member)
	if b.hook != nil {
		b.hook(a)
	}
}

// snapshot lists the alerts, newest first.
func (b *alertBook) snapshot() []Alert {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]Alert, 0, len(b.list))
	for i := len(b.list) - 1; i >= 0; i-- {
		out = append(out, b.list[i])
	}
	return out
}

// accountTrouble says whether a call's final answer is one that puts the
// account at risk, and why: the error codes OpenAI gives a deactivated,
// unpaid or region-refused account, a 401 with the team key, or a refusal
// on policy grounds.
func accountTrouble(status int, errType string, own bool) (string, bool) {
	switch {
	case errType == codeAccountDeactivated || errType == codeInsufficientQuota || errType == codeUnsupportedRegion:
		return errType, true
	case status == 401 && !own:
		return "the team key was refused (401 " + errType + ")", true
	case status >= 400 && status < 500 && (strings.Contains(errType, "content_policy") ||
		strings.Contains(errType, "safety") || strings.Contains(errType, "flagged")):
		return "refused on policy grounds (" + errType + ")", true
	}
	return "", false
}
