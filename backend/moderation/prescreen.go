package moderation

import (
	"fmt"
	"sort"
	"strings"

	"steward/backend/pii"
)

// PII pre-screen policies: what a run does with prompts that contain
// personal data, decided offline before anything leaves the machine.
const (
	PIIOff    = "off"    // send prompts as they are
	PIIRedact = "redact" // replace each detection with a typed placeholder ([EMAIL], [PHONE], ...)
	PIIBlock  = "block"  // do not send a prompt that contains personal data; it ends as an error
)

// PIIPolicies lists the pre-screen policies.
var PIIPolicies = []string{PIIOff, PIIRedact, PIIBlock}

// prescreen applies policy to items about to be sent: it returns the items
// to send (redacted when asked) and the outcomes of blocked items.
func prescreen(policy string, items []ItemResult) ([]ItemResult, []outcome) {
	if policy != PIIRedact && policy != PIIBlock {
		return items, nil
	}
	send := make([]ItemResult, 0, len(items))
	var blocked []outcome
	for _, it := range items {
		found := pii.Detect(it.Input)
		switch {
		case len(found) == 0:
			send = append(send, it)
		case policy == PIIRedact:
			it.Input = pii.Redact(it.Input, found)
			send = append(send, it)
		default:
			kinds := piiKinds(found)
			blocked = append(blocked, outcome{idx: it.Index,
				errEn: fmt.Sprintf("Not sent: the prompt contains personal data (%s) and the PII setting blocks it.", kinds),
				errZh: fmt.Sprintf("未发送：该提示包含个人信息（%s），PII 设置禁止发送。", kinds)})
		}
	}
	return send, blocked
}

// piiKinds lists the placeholder names of what was found, e.g. "EMAIL, PHONE".
func piiKinds(found []pii.Match) string {
	seen := map[string]bool{}
	for _, m := range found {
		seen[strings.Trim(m.Type.Placeholder(), "[]")] = true
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// DetectPII finds personal data in text, offline, for the suite editor to
// show with its spans before a run. API keys come back redacted.
func (s *Service) DetectPII(text string) []pii.Match {
	out := pii.Detect(text)
	if out == nil {
		out = []pii.Match{}
	}
	return out
}

// RedactPII returns text with each detection replaced by a typed placeholder.
func (s *Service) RedactPII(text string) string { return pii.RedactText(text) }
