// Package pii finds personal data in text before it leaves the machine: an
// offline pre-screen for prompts and files that are about to be sent to the
// OpenAI API. It detects emails, phone numbers, payment cards, IBANs, US
// SSNs, mainland China resident ID numbers, IP addresses and API keys, and
// replaces them with typed placeholders. Checksums (Luhn, mod-97, ISO 7064)
// are verified wherever a format has one, so numbers that merely look right
// are not reported.
package pii

import (
	"sort"
	"unicode/utf8"

	"steward/backend/secret"
)

// Type names a kind of personal data.
type Type string

// The kinds of personal data Detect finds.
const (
	Email  Type = "email"
	Phone  Type = "phone"
	Card   Type = "card"
	IBAN   Type = "iban"
	SSN    Type = "ssn"
	CNID   Type = "cn_id"
	IP     Type = "ip"
	APIKey Type = "api_key"
)

// TypeInfo describes a Type for people: its placeholder and its name in
// English and Simplified Chinese. Types lists them all, so the GUI, the CLI
// and exports show the same list.
type TypeInfo struct {
	Type        Type   `json:"type"`
	Placeholder string `json:"placeholder"`
	En          string `json:"en"`
	Zh          string `json:"zh"`
}

// Types returns every detected type in display order.
func Types() []TypeInfo {
	return []TypeInfo{
		{Email, "[EMAIL]", "Email address", "电子邮件地址"},
		{Phone, "[PHONE]", "Phone number", "电话号码"},
		{Card, "[CARD]", "Payment card number", "银行卡号"},
		{IBAN, "[IBAN]", "IBAN", "国际银行账号 (IBAN)"},
		{SSN, "[SSN]", "US Social Security number", "美国社会安全号码"},
		{CNID, "[CN_ID]", "China resident ID number", "中国居民身份证号"},
		{IP, "[IP]", "IP address", "IP 地址"},
		{APIKey, "[API_KEY]", "API key", "API 密钥"},
	}
}

// Placeholder is the text Redact puts in place of data of type t.
func (t Type) Placeholder() string {
	for _, info := range Types() {
		if info.Type == t {
			return info.Placeholder
		}
	}
	return "[PII]"
}

// Match is one piece of personal data found in a text. Start and End are
// byte offsets (text[Start:End]); RuneStart and RuneEnd count characters,
// for editors and for JavaScript. Text holds the matched text, except for
// API keys, which are never kept: they carry only their redacted form and
// fingerprint.
type Match struct {
	Type        Type   `json:"type"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	RuneStart   int    `json:"rune_start"`
	RuneEnd     int    `json:"rune_end"`
	Text        string `json:"text,omitempty"`
	Redacted    string `json:"redacted,omitempty"`
	Fingerprint string `json:"fingerprint,omitempty"`
}

// candidate is a span a detector proposes before overlaps are resolved.
type candidate struct {
	typ        Type
	start, end int
}

// priority ranks types when spans overlap: checksum-validated and more
// specific formats win over looser ones.
func priority(t Type) int {
	switch t {
	case APIKey:
		return 100
	case IBAN:
		return 90
	case CNID:
		return 85
	case Card:
		return 80
	case Email:
		return 75
	case SSN:
		return 70
	case IP:
		return 65
	case Phone:
		return 50
	}
	return 0
}

// Detect returns the personal data in text, in order of position, with no
// two matches overlapping. Where detectors disagree, the higher-priority
// (checksum-validated, more specific) type wins, then the longer span.
func Detect(text string) []Match {
	var cands []candidate
	cands = findAPIKeys(text, cands)
	cands = findEmails(text, cands)
	cands = findIBANs(text, cands)
	cands = findCNIDs(text, cands)
	cands = findNumberRuns(text, cands) // cards, phones and SSNs share one tokenizer
	cands = findIPv4(text, cands)
	cands = findIPv6(text, cands)
	kept := resolve(cands)
	return toMatches(text, kept)
}

// resolve drops candidates that overlap a better one and sorts the rest by
// position. Candidates are split into clusters of transitively overlapping
// spans; within a cluster the best are kept greedily.
func resolve(cands []candidate) []candidate {
	sort.Slice(cands, func(i, j int) bool { return cands[i].start < cands[j].start })
	var kept []candidate
	for i := 0; i < len(cands); {
		j, end := i+1, cands[i].end
		for j < len(cands) && cands[j].start < end {
			end = max(end, cands[j].end)
			j++
		}
		kept = append(kept, bestOf(cands[i:j])...)
		i = j
	}
	return kept
}

// bestOf picks non-overlapping candidates from one cluster, preferring
// higher priority, then longer spans, then earlier ones; the result is in
// position order.
func bestOf(cluster []candidate) []candidate {
	if len(cluster) == 1 {
		return cluster
	}
	sort.SliceStable(cluster, func(i, j int) bool {
		a, b := cluster[i], cluster[j]
		if pa, pb := priority(a.typ), priority(b.typ); pa != pb {
			return pa > pb
		}
		if la, lb := a.end-a.start, b.end-b.start; la != lb {
			return la > lb
		}
		return a.start < b.start
	})
	var kept []candidate
	for _, c := range cluster {
		if !overlapsAny(kept, c) {
			kept = append(kept, c)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	return kept
}

func overlapsAny(kept []candidate, c candidate) bool {
	for _, k := range kept {
		if c.start < k.end && k.start < c.end {
			return true
		}
	}
	return false
}

// toMatches turns sorted candidates into Matches, counting runes on the way.
func toMatches(text string, kept []candidate) []Match {
	if len(kept) == 0 {
		return nil
	}
	out := make([]Match, 0, len(kept))
	pos, runes := 0, 0
	advance := func(to int) int {
		runes += utf8.RuneCountInString(text[pos:to])
		pos = to
		return runes
	}
	for _, c := range kept {
		m := Match{Type: c.typ, Start: c.start, End: c.end}
		m.RuneStart = advance(c.start)
		m.RuneEnd = advance(c.end)
		raw := text[c.start:c.end]
		if c.typ == APIKey {
			key := string(secret.Canonical([]byte(raw)))
			m.Redacted = secret.Redact(key)
			m.Fingerprint = secret.Fingerprint(key)
		} else {
			m.Text = raw
		}
		out = append(out, m)
	}
	return out
}
