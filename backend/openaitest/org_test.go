package openaitest

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// adminKey makes a random admin key at run time.
func adminKey(t testing.TB) string {
	t.Helper()
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "sk-admin-" + hex.EncodeToString(b)
}

var orgT0 = time.Date(2026, 1, 5, 12, 0, 0, 0, time.UTC)

// testOrg is one project with n user keys, one service account with a key,
// two users, an invite and the given admin key.
func testOrg(t *testing.T, admin string, n int) Org {
	p := OrgProject{ID: "proj_a", Name: "Alpha", CreatedAt: orgT0,
		ServiceAccounts: []ServiceAccount{{ID: "svc_acct_1", Name: "CI bot", Role: "member", CreatedAt: orgT0}},
		RateLimits:      []ProjectRateLimit{{ID: "rl-gpt-4o", Model: "gpt-4o", RequestsPerMinute: 500, TokensPerMinute: 30000}},
		ModelMode:       "allow_list", ModelIDs: []string{"gpt-4o"}, ToolsOff: []string{"web_search"},
		SpendLimit: &SpendLimit{Amount: 10000, Enforcing: true}}
	for i := range n {
		p.Keys = append(p.Keys, ProjectKey{ID: fmt.Sprintf("key_%03d", i), Name: fmt.Sprintf("k%d", i), Value: testKey(t),
			OwnerUser: "user_1", CreatedAt: orgT0.Add(time.Duration(i) * time.Minute)})
	}
	p.Keys = append(p.Keys, ProjectKey{ID: "key_sa", Name: "ci", Value: testKey(t), OwnerServiceAccount: "svc_acct_1", CreatedAt: orgT0})
	return Org{
		Projects:  []OrgProject{p, {ID: "proj_old", Name: "Old", CreatedAt: orgT0, Archived: true}},
		Users:     []OrgUser{{ID: "user_1", Name: "Ann", Email: "ann@example.com", Role: "owner", AddedAt: orgT0}},
		Invites:   []OrgInvite{{ID: "invite-1", Email: "bob@example.com", Role: "reader", CreatedAt: orgT0}},
		AdminKeys: []OrgAdminKey{{ID: "key_admin", Name: "Steward", Value: admin, OwnerID: "user_1", OwnerName: "Ann", CreatedAt: orgT0}},
	}
}

type listPage struct {
	Object  string           `json:"object"`
	Data    []map[string]any `json:"data"`
	FirstID *string          `json:"first_id"`
	LastID  *string          `json:"last_id"`
	HasMore bool             `json:"has_more"`
}

func get(t *testing.T, srv *Server, key, path string) (*http.Response, []byte) {
	t.Helper()
	return do(t, srv, key, http.MethodGet, srv.URL+path, nil)
}

func TestAdminListPaginatesWithAfter(t *testing.T) {
	admin := adminKey(t)
	srv := New(t, WithOrg(testOrg(t, admin, 45)))
	var ids []string
	after := ""
	for pages := 0; ; pages++ {
		path := "/organization/projects/proj_a/api_keys?limit=20"
		if after != "" {
			path += "&after=" + after
		}
		resp, b := get(t, srv, admin, path)
		if resp.StatusCode != 200 {
			t.Fatalf("status %d: %s", resp.StatusCode, b)
		}
		var pg listPage
		decode(t, b, &pg)
		if pg.Object != "list" || len(pg.Data) == 0 || *pg.FirstID != pg.Data[0]["id"] || *pg.LastID != pg.Data[len(pg.Data)-1]["id"] {
			t.Fatalf("bad page: %s", b)
		}
		for _, k := range pg.Data {
			ids = append(ids, k["id"].(string))
			if k["object"] != "organization.project.api_key" || k["redacted_value"] == "" {
				t.Fatalf("bad key object %v", k)
			}
		}
		if !pg.HasMore {
			break
		}
		after = *pg.LastID
	}
	if len(ids) != 46 {
		t.Fatalf("listed %d keys; want 46", len(ids))
	}
}

func TestAdminEmptyListHasNullIDs(t *testing.T) {
	admin := adminKey(t)
	srv := New(t, WithOrg(testOrg(t, admin, 0)))
	_, b := get(t, srv, admin, "/organization/projects/proj_old/api_keys")
	var pg listPage
	decode(t, b, &pg)
	if pg.FirstID != nil || pg.LastID != nil || pg.HasMore || len(pg.Data) != 0 {
		t.Fatalf("empty page: %s", b)
	}
	_, b = get(t, srv, admin, "/organization/projects")
	decode(t, b, &pg)
	if len(pg.Data) != 1 {
		t.Fatalf("archived projects are left out by default: %s", b)
	}
	_, b = get(t, srv, admin, "/organization/projects?include_archived=true")
	decode(t, b, &pg)
	if len(pg.Data) != 2 {
		t.Fatalf("include_archived lists both: %s", b)
	}
}

func TestAdminAuth(t *testing.T) {
	admin := adminKey(t)
	srv := New(t, WithOrg(testOrg(t, admin, 1)))
	resp, b := get(t, srv, testKey(t), "/organization/projects")
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("project key: status %d", resp.StatusCode)
	}
	checkErrorBody(t, b, "invalid_request_error", "")
	other := adminKey(t)
	resp, b = get(t, srv, other, "/organization/projects")
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("unknown admin key: status %d", resp.StatusCode)
	}
	checkErrorBody(t, b, "invalid_request_error", "invalid_api_key")
	noKey(t, string(b), other)

	org := testOrg(t, admin, 1)
	org.AdminKeys[0].ExpiresAt = orgT0
	srv = New(t, WithOrg(org), WithClock(func() time.Time { return orgT0.Add(time.Hour) }))
	if resp, _ := get(t, srv, admin, "/organization/projects"); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("expired admin key: status %d", resp.StatusCode)
	}
}

func TestAdminDeleteKeyEmitsAuditEvent(t *testing.T) {
	admin := adminKey(t)
	srv := New(t, WithOrg(testOrg(t, admin, 2)))
	resp, b := do(t, srv, admin, http.MethodDelete, srv.URL+"/organization/projects/proj_a/api_keys/key_001", nil)
	var del map[string]any
	decode(t, b, &del)
	if resp.StatusCode != 200 || del["object"] != "organization.project.api_key.deleted" || del["deleted"] != true || del["id"] != "key_001" {
		t.Fatalf("delete: %d %s", resp.StatusCode, b)
	}
	if srv.OrgKeyExists("proj_a", "key_001") {
		t.Fatal("key still listed after DELETE")
	}
	resp, b = do(t, srv, admin, http.MethodDelete, srv.URL+"/organization/projects/proj_a/api_keys/key_001", nil)
	if resp.StatusCode != http.StatusNotFound {
		t.Fatalf("second delete: %d", resp.StatusCode)
	}
	checkErrorBody(t, b, "invalid_request_error", "")
	_, b = get(t, srv, admin, "/organization/audit_logs?event_types[]=api_key.deleted")
	var pg listPage
	decode(t, b, &pg)
	if len(pg.Data) != 1 || pg.Data[0]["type"] != "api_key.deleted" {
		t.Fatalf("audit log: %s", b)
	}
	payload := pg.Data[0]["api_key.deleted"].(map[string]any)
	if payload["id"] != "key_001" {
		t.Fatalf("audit payload: %s", b)
	}
}

func TestAdminServiceAccountKeyNeedsAccountDeletion(t *testing.T) {
	admin := adminKey(t)
	srv := New(t, WithOrg(testOrg(t, admin, 1)))
	resp, b := do(t, srv, admin, http.MethodDelete, srv.URL+"/organization/projects/proj_a/api_keys/key_sa", nil)
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("service account key delete: %d %s", resp.StatusCode, b)
	}
	resp, b = do(t, srv, admin, http.MethodDelete, srv.URL+"/organization/projects/proj_a/service_accounts/svc_acct_1", nil)
	if resp.StatusCode != 200 {
		t.Fatalf("service account delete: %d %s", resp.StatusCode, b)
	}
	if srv.OrgKeyExists("proj_a", "key_sa") || srv.OrgServiceAccountExists("proj_a", "svc_acct_1") {
		t.Fatal("service account or its key survived")
	}
	if evs := srv.AuditEvents(); len(evs) != 1 || evs[0].Type != "service_account.deleted" {
		t.Fatalf("audit: %+v", evs)
	}
}

func TestAdminRateLimitAndPaginationFault(t *testing.T) {
	admin := adminKey(t)
	srv := New(t, WithOrg(testOrg(t, admin, 30)))
	srv.RateLimitAdmin(1, 1500*time.Millisecond)
	resp, b := get(t, srv, admin, "/organization/users")
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("retry-after-ms") != "1500" ||
		resp.Header.Get("x-ratelimit-remaining-requests") != "0" {
		t.Fatalf("429: %d %v", resp.StatusCode, resp.Header)
	}
	checkErrorBody(t, b, "requests", "rate_limit_exceeded")
	if resp, _ := get(t, srv, admin, "/organization/users"); resp.StatusCode != 200 {
		t.Fatalf("after the 429: %d", resp.StatusCode)
	}

	path := "/organization/projects/proj_a/api_keys"
	srv.FailListAfter(path, 1, http.StatusInternalServerError, 0)
	if resp, _ := get(t, srv, admin, path); resp.StatusCode != 200 {
		t.Fatalf("first page: %d", resp.StatusCode)
	}
	if resp, _ := get(t, srv, admin, path+"?after=key_019"); resp.StatusCode != 500 {
		t.Fatalf("second page: %d", resp.StatusCode)
	}
}

func TestAdminSettingsShapes(t *testing.T) {
	admin := adminKey(t)
	srv := New(t, WithOrg(testOrg(t, admin, 1)))
	cases := map[string]string{
		"/organization/projects/proj_a/data_retention":          `"object":"project.data_retention"`,
		"/organization/projects/proj_a/model_permissions":       `"mode":"allow_list"`,
		"/organization/projects/proj_a/hosted_tool_permissions": `"web_search":{"enabled":false}`,
		"/organization/projects/proj_a/spend_limit":             `"enforcement":{"status":"enforcing"}`,
		"/organization/projects/proj_a/rate_limits":             `"max_tokens_per_1_minute":30000`,
		"/organization/projects/proj_a/spend_alerts":            `"object":"list"`,
		"/organization/data_retention":                          `"type":"modified_abuse_monitoring"`,
		"/organization/admin_api_keys":                          `"redacted_value":"sk-admin...`,
		"/organization/invites":                                 `"status":"pending"`,
	}
	for path, want := range cases {
		resp, b := get(t, srv, admin, path)
		if resp.StatusCode != 200 || !contains(string(b), want) {
			t.Errorf("%s: %d %s; want %s", path, resp.StatusCode, b, want)
		}
	}
	if resp, _ := get(t, srv, admin, "/organization/spend_limit"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unset spend limit: %d", resp.StatusCode)
	}
	if resp, _ := get(t, srv, admin, "/organization/projects/nope/api_keys"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown project: %d", resp.StatusCode)
	}
}

func TestAdminAuditFiltersAndLoggingOff(t *testing.T) {
	admin := adminKey(t)
	org := testOrg(t, admin, 1)
	for i := range 5 {
		org.AuditLog = append(org.AuditLog, AuditEvent{ID: fmt.Sprintf("audit_log-%d", i), Type: "api_key.created",
			EffectiveAt: orgT0.Add(time.Duration(i) * time.Hour), ProjectID: "proj_a", Object: fmt.Sprintf("key_%d", i)})
	}
	srv := New(t, WithOrg(org))
	_, b := get(t, srv, admin, fmt.Sprintf("/organization/audit_logs?effective_at[gte]=%d", orgT0.Add(3*time.Hour).Unix()))
	var pg listPage
	decode(t, b, &pg)
	if len(pg.Data) != 2 || pg.Data[0]["id"] != "audit_log-4" {
		t.Fatalf("newest first, since hour 3: %s", b)
	}
	org.AuditLoggingOff = true
	srv = New(t, WithOrg(org))
	resp, b := get(t, srv, admin, "/organization/audit_logs")
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("logging off: %d", resp.StatusCode)
	}
	checkErrorBody(t, b, "invalid_request_error", "audit_logging_disabled")
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func TestListenServesTheOrgFromEnv(t *testing.T) {
	admin, k := adminKey(t), testKey(t)
	env := map[string]string{"FAKEOPENAI_ADMIN_KEY": admin, "FAKEOPENAI_ORG_KEYS": k + ", "}
	org, ok := OrgFromEnv(func(n string) string { return env[n] }, orgT0)
	if !ok {
		t.Fatal("no org from the environment")
	}
	srv, err := Listen("127.0.0.1:0", WithOrg(org), WithKeys(admin))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	resp, b := get(t, srv, admin, "/organization/projects/proj_e2e/api_keys")
	var pg listPage
	decode(t, b, &pg)
	if resp.StatusCode != 200 || len(pg.Data) != 1 || pg.Data[0]["redacted_value"] != Redacted(k) {
		t.Fatalf("%d %s", resp.StatusCode, b)
	}
	if _, ok := OrgFromEnv(func(string) string { return "" }, orgT0); ok {
		t.Fatal("an org without an admin key")
	}
}
