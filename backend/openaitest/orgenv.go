package openaitest

import (
	"fmt"
	"strings"
	"time"
)

// OrgFromEnv builds an organization for end-to-end runs from the
// environment: FAKEOPENAI_ADMIN_KEY is its admin key, and each key in the
// comma-separated FAKEOPENAI_ORG_KEYS is a project key of the user
// e2e@example.com in project "proj_e2e". ok is false without an admin key.
// Keys come from the environment, never from the command line.
func OrgFromEnv(getenv func(string) string, now time.Time) (Org, bool) {
	admin := strings.TrimSpace(getenv("FAKEOPENAI_ADMIN_KEY"))
	if admin == "" {
		return Org{}, false
	}
	p := OrgProject{ID: "proj_e2e", Name: "E2E", CreatedAt: now.AddDate(0, -1, 0),
		RateLimits: []ProjectRateLimit{{ID: "rl-gpt-4o-mini", Model: "gpt-4o-mini", RequestsPerMinute: 500, TokensPerMinute: 200000}}}
	for i, k := range strings.Split(getenv("FAKEOPENAI_ORG_KEYS"), ",") {
		if k = strings.TrimSpace(k); k != "" {
			p.Keys = append(p.Keys, ProjectKey{ID: fmt.Sprintf("key_e2e_%d", i+1), Name: fmt.Sprintf("e2e %d", i+1), Value: k,
				OwnerUser: "user_e2e", CreatedAt: now.AddDate(0, 0, -7), LastUsedAt: now.AddDate(0, 0, -1)})
		}
	}
	return Org{
		Projects:  []OrgProject{p},
		Users:     []OrgUser{{ID: "user_e2e", Name: "E2E bot", Email: "e2e@example.com", Role: "owner", AddedAt: now.AddDate(0, -1, 0)}},
		AdminKeys: []OrgAdminKey{{ID: "key_admin_e2e", Name: "Steward", Value: admin, OwnerID: "user_e2e", OwnerName: "E2E bot", CreatedAt: now.AddDate(0, -1, 0)}},
	}, true
}
