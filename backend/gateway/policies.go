package gateway

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"steward/backend/apperr"
)

// Screening modes of a Policy.
const (
	ModerationOff   = "off"
	ModerationBlock = "block" // refuse inputs the moderation endpoint flags
	PIIOff          = "off"
	PIIRedact       = "redact" // replace personal data with placeholders before forwarding
	PIIBlock        = "block"  // refuse requests that contain personal data

	OutputModerationOff   = "off"
	OutputModerationLog   = "log"   // log flagged answers with their categories
	OutputModerationBlock = "block" // and replace them with an error
)

// Policy is what the gateway enforces for one member's calls, whether made
// with a member token or with the member's own registered key. Zero values
// mean no limit and no screening.
type Policy struct {
	Member            string `json:"member"`
	RequestsPerMinute int    `json:"requests_per_minute"`
	// TokensPerDay caps input plus output tokens per calendar day (the
	// gateway clock's time zone). It is checked before each call, so the
	// call that crosses the cap completes and the next is refused.
	TokensPerDay int64 `json:"tokens_per_day"`
	// AllowedModels lists the models the member may call; a trailing "*"
	// matches a prefix ("gpt-4o-mini*"). Empty allows any model.
	AllowedModels []string `json:"allowed_models"`
	Moderation    string   `json:"moderation"` // ModerationOff or ModerationBlock
	PII           string   `json:"pii"`        // PIIOff, PIIRedact or PIIBlock
	// OutputModeration screens non-streamed answers: OutputModerationOff,
	// OutputModerationLog (flagged answers are logged with their categories)
	// or OutputModerationBlock (and replaced by an error).
	OutputModeration string `json:"output_moderation"`
	UpdatedAt        string `json:"updated_at"`
}

// empty reports whether the policy enforces nothing.
func (p Policy) empty() bool {
	return p.RequestsPerMinute == 0 && p.TokensPerDay == 0 && len(p.AllowedModels) == 0 &&
		p.Moderation == ModerationOff && p.PII == PIIOff && (p.OutputModeration == "" || p.OutputModeration == OutputModerationOff)
}

// allows reports whether the policy lets the member call model.
func (p Policy) allows(model string) bool {
	if len(p.AllowedModels) == 0 {
		return true
	}
	for _, m := range p.AllowedModels {
		if prefix, ok := strings.CutSuffix(m, "*"); ok && strings.HasPrefix(model, prefix) || m == model {
			return true
		}
	}
	return false
}

// clean checks and normalises a policy as a user gave it.
func (p Policy) clean() (Policy, error) {
	const op = "gateway.set_policy"
	if p.Moderation == "" {
		p.Moderation = ModerationOff
	}
	if p.PII == "" {
		p.PII = PIIOff
	}
	if p.OutputModeration == "" {
		p.OutputModeration = OutputModerationOff
	}
	bad := func(en, zh string) (Policy, error) { return p, apperr.Text(CodePolicyInvalid, op, en, zh) }
	switch {
	case p.RequestsPerMinute < 0 || p.TokensPerDay < 0:
		return bad("Limits cannot be negative; use 0 for no limit.", "限额不能为负数；0 表示不限。")
	case p.Moderation != ModerationOff && p.Moderation != ModerationBlock:
		return bad(fmt.Sprintf("Moderation %q is not one of off or block.", p.Moderation),
			fmt.Sprintf("审核设置“%s”无效，只能是 off 或 block。", p.Moderation))
	case p.OutputModeration != OutputModerationOff && p.OutputModeration != OutputModerationLog && p.OutputModeration != OutputModerationBlock:
		return bad(fmt.Sprintf("Output moderation %q is not one of off, log or block.", p.OutputModeration),
			fmt.Sprintf("输出审核设置“%s”无效，只能是 off、log 或 block。", p.OutputModeration))
	case p.PII != PIIOff && p.PII != PIIRedact && p.PII != PIIBlock:
		return bad(fmt.Sprintf("Personal data handling %q is not one of off, redact or block.", p.PII),
			fmt.Sprintf("个人数据处理方式“%s”无效，只能是 off、redact 或 block。", p.PII))
	}
	models := []string{}
	seen := map[string]bool{}
	for _, m := range p.AllowedModels {
		if m = strings.TrimSpace(m); m != "" && !seen[m] {
			seen[m] = true
			models = append(models, m)
		}
	}
	sort.Strings(models)
	p.AllowedModels = models
	return p, nil
}

// Policies lists the policies of current members, by member name.
func (a *Access) Policies(ctx context.Context) ([]Policy, error) {
	all, err := a.loadPolicies(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Policy, 0, len(all))
	for _, p := range all {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return lower(out[i].Member) < lower(out[j].Member) })
	return out, nil
}

// SetPolicy sets a member's policy; a policy that enforces nothing removes
// it.
func (a *Access) SetPolicy(ctx context.Context, p Policy) (Policy, error) {
	p, err := p.clean()
	if err != nil {
		return p, err
	}
	m, err := a.dir.Member(ctx, p.Member)
	if err != nil {
		return p, err
	}
	p.Member, p.UpdatedAt = m.Name, a.stamp()
	models, _ := json.Marshal(p.AllowedModels)
	err = a.st.Write(ctx, func(tx *sql.Tx) error {
		if p.empty() {
			_, err := tx.ExecContext(ctx, `DELETE FROM gateway_policies WHERE member_id = ?`, m.ID)
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO gateway_policies(member_id, requests_per_minute, tokens_per_day,
			allowed_models, moderation, pii, output_moderation, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT(member_id) DO UPDATE SET requests_per_minute = excluded.requests_per_minute,
			tokens_per_day = excluded.tokens_per_day, allowed_models = excluded.allowed_models,
			moderation = excluded.moderation, pii = excluded.pii, output_moderation = excluded.output_moderation,
			updated_at = excluded.updated_at`,
			m.ID, p.RequestsPerMinute, p.TokensPerDay, string(models), p.Moderation, p.PII, p.OutputModeration, p.UpdatedAt)
		return err
	})
	if err != nil {
		return p, fmt.Errorf("save the policy for %q: %w", m.Name, err)
	}
	a.forget()
	return p, nil
}

// policyFor returns a member's policy (cached), and whether there is one.
func (a *Access) policyFor(ctx context.Context, member string) (Policy, bool, error) {
	if member == "" {
		return Policy{}, false, nil
	}
	now := a.now()
	fresh := func() bool {
		return a.policies != nil && now.Sub(a.policiesAt) < a.ttl && !now.Before(a.policiesAt)
	}
	a.pmu.RLock()
	if fresh() {
		p, ok := a.policies[lower(member)]
		a.pmu.RUnlock()
		return p, ok, nil
	}
	a.pmu.RUnlock()
	a.pmu.Lock()
	defer a.pmu.Unlock()
	if !fresh() {
		all, err := a.loadPolicies(ctx)
		switch {
		case err == nil:
			a.policies, a.policiesAt = all, now
		case a.policies != nil:
			a.policiesAt = now // keep enforcing the last policies read; try again after the TTL
		default:
			return Policy{}, false, err
		}
	}
	p, ok := a.policies[lower(member)]
	return p, ok, nil
}

// loadPolicies reads every current member's policy, keyed by lower-case name.
func (a *Access) loadPolicies(ctx context.Context) (map[string]Policy, error) {
	names, err := a.memberNames(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := a.st.Read().QueryContext(ctx, `SELECT member_id, requests_per_minute, tokens_per_day, allowed_models,
		moderation, pii, output_moderation, updated_at FROM gateway_policies`)
	if err != nil {
		return nil, fmt.Errorf("read policies: %w", err)
	}
	defer rows.Close()
	out := map[string]Policy{}
	for rows.Next() {
		var p Policy
		var id int64
		var models string
		if err := rows.Scan(&id, &p.RequestsPerMinute, &p.TokensPerDay, &models, &p.Moderation, &p.PII, &p.OutputModeration, &p.UpdatedAt); err != nil {
			return nil, fmt.Errorf("read policies: %w", err)
		}
		name, ok := names[id]
		if !ok {
			continue // a removed member
		}
		if err := json.Unmarshal([]byte(models), &p.AllowedModels); err != nil {
			return nil, fmt.Errorf("read the policy for %q: allowed models: %w", name, err)
		}
		p.Member = name
		out[lower(name)] = p
	}
	return out, rows.Err()
}
