package org

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"steward/backend/keys"
	"steward/backend/secret"
)

// Matching links a local key to the org key whose redacted_value agrees
// with it. The API shows a few first and last characters ("sk-abc...def");
// Steward keeps, per local key, only that much of it (a hint), computed
// from the key in the vault at sync time, so later comparisons need
// neither the vault nor more characters than the API shows.

// separators are what the API puts between the first and last characters.
var separators = []string{"...", "…"}

// hintLike is key redacted the way redacted shows a key: the same number
// of first and last characters around the same separator.
func hintLike(key, redacted string) (string, bool) {
	for _, sep := range separators {
		head, tail, ok := strings.Cut(redacted, sep)
		if !ok {
			continue
		}
		if len(head)+len(tail) >= len(key) {
			return "", false
		}
		return key[:len(head)] + sep + key[len(key)-len(tail):], true
	}
	return "", false
}

// shape is how a redacted_value is cut.
type shape struct {
	head, tail int
	sep        string
}

// commonShape is the most frequent shape among the org keys' redacted
// values, and one example of it.
func commonShape(orgKeys []OrgKey) (string, bool) {
	counts := map[shape]int{}
	example := map[shape]string{}
	best, bestN := shape{}, 0
	for _, k := range orgKeys {
		for _, sep := range separators {
			head, tail, ok := strings.Cut(k.Redacted, sep)
			if !ok {
				continue
			}
			sh := shape{len(head), len(tail), sep}
			counts[sh]++
			example[sh] = k.Redacted
			if counts[sh] > bestN {
				best, bestN = sh, counts[sh]
			}
			break
		}
	}
	return example[best], bestN > 0
}

// localHints computes the hint of every current local key from the vault.
// A key whose secret cannot be read keeps the hint it had.
func (s *Service) localHints(ctx context.Context, orgKeys []OrgKey) (map[int64]string, error) {
	old, err := s.hints(ctx)
	if err != nil {
		return nil, err
	}
	example, ok := commonShape(orgKeys)
	if !ok {
		return old, nil
	}
	local, err := s.reg.Keys(ctx)
	if err != nil {
		return nil, fmt.Errorf("read the key register: %w", err)
	}
	out := map[int64]string{}
	for _, k := range local {
		if !k.Current() || k.Kind == secret.KindAdmin {
			continue
		}
		if h, ok := old[k.ID]; ok {
			out[k.ID] = h
		}
		key, err := s.vault.Get(strconv.FormatInt(k.ID, 10))
		if err != nil {
			s.opts.Log.Warn("cannot read a key to match it", "label", k.Label, "err", err)
			continue
		}
		if h, ok := hintLike(key, example); ok {
			out[k.ID] = h
		}
	}
	return out, nil
}

// hints reads the stored hints.
func (s *Service) hints(ctx context.Context) (map[int64]string, error) {
	rows, err := s.st.Read().QueryContext(ctx, `SELECT local_key_id, hint FROM org_key_hints`)
	if err != nil {
		return nil, fmt.Errorf("read key hints: %w", err)
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var h string
		if err := rows.Scan(&id, &h); err != nil {
			return nil, err
		}
		out[id] = h
	}
	return out, rows.Err()
}

// matching is the outcome of comparing local keys with org keys.
type matching struct {
	byOrg     map[KeyRef]keys.Key // linked org key -> local key
	byLocal   map[int64]KeyRef
	ambiguous []Ambiguity
	unsure    map[KeyRef]bool // org keys some ambiguous local key could be
}

// match links local keys to org keys: a choice the user made wins; else a
// local key whose hint agrees with exactly one org key, which agrees with
// no other local key, is linked; any other agreement is ambiguous.
func match(local []keys.Key, orgKeys []OrgKey, hints map[int64]string, choices map[int64]KeyRef) matching {
	m := matching{byOrg: map[KeyRef]keys.Key{}, byLocal: map[int64]KeyRef{}, unsure: map[KeyRef]bool{}}
	exists := map[KeyRef]bool{}
	byRedacted := map[string][]KeyRef{}
	for _, k := range orgKeys {
		ref := KeyRef{k.ProjectID, k.ID}
		exists[ref] = true
		byRedacted[k.Redacted] = append(byRedacted[k.Redacted], ref)
	}
	cands := map[int64][]KeyRef{}
	claims := map[KeyRef]int{}
	var order []keys.Key
	for _, k := range local {
		if !k.Current() {
			continue
		}
		if ref, ok := choices[k.ID]; ok && exists[ref] {
			m.byOrg[ref], m.byLocal[k.ID] = k, ref
			continue
		}
		if h, ok := hints[k.ID]; ok && len(byRedacted[h]) > 0 {
			cands[k.ID] = byRedacted[h]
			order = append(order, k)
			for _, ref := range byRedacted[h] {
				claims[ref]++
			}
		}
	}
	for _, k := range order {
		var cs []KeyRef
		for _, ref := range cands[k.ID] {
			if !m.taken(ref) {
				cs = append(cs, ref)
			}
		}
		if len(cs) == 0 {
			continue
		}
		if len(cs) == 1 && claims[cs[0]] == 1 {
			m.byOrg[cs[0]], m.byLocal[k.ID] = k, cs[0]
			continue
		}
		m.ambiguous = append(m.ambiguous, Ambiguity{LocalKeyID: k.ID, Label: k.Label, Candidates: cs})
		for _, ref := range cs {
			m.unsure[ref] = true
		}
	}
	return m
}

func (m matching) taken(ref KeyRef) bool { _, ok := m.byOrg[ref]; return ok }
