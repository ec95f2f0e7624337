package cli

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"steward/backend/openaitest"
)

// orgKey makes a key with prefix at run time.
func orgKey(t *testing.T, prefix string) string {
	b := make([]byte, 40)
	rand.Read(b)
	return prefix + base64.RawURLEncoding.EncodeToString(b)
}

// orgCLI runs the CLI against the stand-in (OPENAI_BASE_URL) with the
// encrypted file vault.
type orgCLI struct {
	t        *testing.T
	dir, url string
	seen     strings.Builder
}

func (c *orgCLI) run(stdin string, args ...string) (int, string, string) {
	c.t.Helper()
	var out, errOut bytes.Buffer
	env := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Version: "test", DataDir: c.dir,
		Getenv: func(k string) string {
			switch k {
			case "STEWARD_VAULT_PASSPHRASE":
				return "correct horse battery"
			case "OPENAI_BASE_URL":
				return c.url
			}
			return ""
		}}
	code := Run(context.Background(), env, args)
	c.seen.WriteString(out.String() + errOut.String())
	return code, out.String(), errOut.String()
}

func (c *orgCLI) must(stdin string, args ...string) string {
	c.t.Helper()
	code, out, errOut := c.run(stdin, args...)
	if code != ExitOK {
		c.t.Fatalf("%v = %d: %s%s", args, code, out, errOut)
	}
	return out
}

func TestOrgCommands(t *testing.T) {
	now := time.Now().UTC()
	admin, annKey, strayKey := orgKey(t, "sk-admin-"), orgKey(t, "sk-proj-"), orgKey(t, "sk-proj-")
	srv := openaitest.New(t, openaitest.WithOrg(openaitest.Org{
		Projects: []openaitest.OrgProject{{ID: "proj_web", Name: "Web", CreatedAt: now.AddDate(-1, 0, 0),
			ServiceAccounts: []openaitest.ServiceAccount{{ID: "svc_acct_ci", Name: "CI bot", CreatedAt: now}},
			RateLimits:      []openaitest.ProjectRateLimit{{ID: "rl-gpt-4o", Model: "gpt-4o", RequestsPerMinute: 500, TokensPerMinute: 30000}},
			Keys: []openaitest.ProjectKey{
				{ID: "key_ann", Name: "ann laptop", Value: annKey, OwnerUser: "user_ann", CreatedAt: now.AddDate(0, -1, 0), LastUsedAt: now},
				{ID: "key_stray", Name: "stray", Value: strayKey, OwnerUser: "user_ann", CreatedAt: now.AddDate(0, -1, 0), LastUsedAt: now},
				{ID: "key_ci", Name: "ci", Value: orgKey(t, "sk-svcacct-"), OwnerServiceAccount: "svc_acct_ci", CreatedAt: now},
			}}},
		Users:     []openaitest.OrgUser{{ID: "user_ann", Name: "Ann", Email: "ann@example.com", AddedAt: now}},
		AdminKeys: []openaitest.OrgAdminKey{{ID: "key_admin", Name: "Steward", Value: admin, OwnerName: "Ann", CreatedAt: now}},
		AuditLog: []openaitest.AuditEvent{{ID: "audit_log-1", Type: "api_key.created", EffectiveAt: now.Add(-time.Hour),
			ProjectID: "proj_web", ActorEmail: "ann@example.com", Object: "key_stray"}},
	}))
	c := &orgCLI{t: t, dir: t.TempDir(), url: srv.URL}
	c.must("", "keys", "vault", "file")
	c.must("", "members", "add", "Ann", "--email", "ann@example.com")
	c.must(annKey+"\n", "keys", "add", "--member", "Ann", "--label", "ann-laptop")

	if code, _, errOut := c.run("", "org", "sync"); code != ExitError || !strings.Contains(errOut, "not connected") {
		t.Fatalf("sync before connecting = %d: %s", code, errOut)
	}
	if code, _, errOut := c.run(annKey+"\n", "org", "connect"); code != ExitError || !strings.Contains(errOut, "not an admin key") {
		t.Fatalf("connect with a project key = %d: %s", code, errOut)
	}
	c.must(admin+"\n", "org", "connect")

	var synced struct {
		Sync struct {
			Keys, Registered, Unregistered int
		} `json:"sync"`
		Audit struct{ New int } `json:"audit"`
	}
	decodeJSON(t, c.must("", "org", "sync", "--format", "json"), &synced)
	if synced.Sync.Keys != 3 || synced.Sync.Registered != 1 || synced.Audit.New != 1 {
		t.Fatalf("sync: %+v", synced)
	}

	var inv struct {
		Keys []map[string]any `json:"keys"`
	}
	decodeJSON(t, c.must("", "org", "keys", "--format", "json"), &inv)
	wantFields := []string{"created_at", "id", "label", "last_used_at", "name", "owner", "project", "project_id", "redacted", "status"}
	for _, k := range inv.Keys {
		var fields []string
		for f := range k {
			fields = append(fields, f)
		}
		slices.Sort(fields)
		if !slices.Equal(fields, wantFields) {
			t.Fatalf("key fields %v; want %v", fields, wantFields)
		}
		if (k["id"] == "key_ann") != (k["status"] == "registered" && k["label"] == "ann-laptop") {
			t.Fatalf("key %v", k)
		}
	}
	if out := c.must("", "org", "keys"); !strings.Contains(out, "ann-laptop") || !strings.Contains(out, "unregistered") {
		t.Fatalf("org keys text: %s", out)
	}
	if out := c.must("", "org", "settings", "--format", "json"); !strings.Contains(out, `"max_tokens_per_1_minute": 30000`) {
		t.Fatalf("settings: %s", out)
	}

	code, findings, _ := c.run("", "keys", "findings", "--format", "json")
	if code != ExitFinding || !strings.Contains(findings, `"org_unregistered:proj_web/key_stray"`) || !strings.Contains(findings, "org_key_created_outside") {
		t.Fatalf("keys findings = %d without the organization's: %s", code, findings)
	}

	// Revoking: no terminal and no --yes refuses; a dry run names the call.
	if code, _, errOut := c.run("", "org", "revoke", "ann-laptop"); code != ExitError || !strings.Contains(errOut, "--yes") {
		t.Fatalf("revoke without --yes = %d: %s", code, errOut)
	}
	out := c.must("", "org", "revoke", "ann-laptop", "--dry-run")
	if !strings.Contains(out, "DELETE /organization/projects/proj_web/api_keys/key_ann") || !srv.OrgKeyExists("proj_web", "key_ann") {
		t.Fatalf("dry run: %s", out)
	}
	out = c.must("", "org", "revoke", "ann-laptop", "--yes")
	if srv.OrgKeyExists("proj_web", "key_ann") || !strings.Contains(out, "organization.project.api_key.deleted") {
		t.Fatalf("revoke: %s", out)
	}
	if list := c.must("", "keys", "list"); !strings.Contains(list, "revoked") {
		t.Fatalf("the local key is not revoked: %s", list)
	}
	out = c.must("", "org", "revoke", "--key-id", "key_ci", "--project", "proj_web", "--yes")
	if !strings.Contains(out, `service account "CI bot"`) || srv.OrgServiceAccountExists("proj_web", "svc_acct_ci") {
		t.Fatalf("service account revoke: %s", out)
	}
	if code, _, _ := c.run("", "org", "revoke", "--key-id", "key_ci"); code != ExitError {
		t.Fatal("--key-id without --project was accepted")
	}

	var audit struct {
		Events []struct{ Type, Label string } `json:"events"`
	}
	decodeJSON(t, c.must("", "org", "audit", "--type", "api_key", "--format", "json"), &audit)
	types := map[string]string{}
	for _, e := range audit.Events {
		types[e.Type] = e.Label
	}
	if _, ok := types["api_key.created"]; !ok || types["api_key.deleted"] != "ann-laptop" {
		t.Fatalf("audit: %+v", audit.Events)
	}
	if code, _, _ := c.run("", "org", "audit", "--since", "yesterday"); code != ExitError {
		t.Fatal("a bad --since was accepted")
	}
	c.must("", "org", "disconnect")
	if code, _, _ := c.run("", "org", "sync"); code != ExitError {
		t.Fatal("sync after disconnect worked")
	}
	for _, k := range []string{admin, annKey, strayKey} {
		if strings.Contains(c.seen.String(), k) {
			t.Fatal("a full key reached the output")
		}
	}
}

func decodeJSON(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("decode %s: %v", s, err)
	}
}

func TestOrgChooseAmbiguousMatch(t *testing.T) {
	now := time.Now().UTC()
	admin := orgKey(t, "sk-admin-")
	a, b := orgKey(t, "sk-proj-")+"Qq7", orgKey(t, "sk-proj-")+"Qq7" // the API shows both as sk-proj-...Qq7
	srv := openaitest.New(t, openaitest.WithOrg(openaitest.Org{
		Projects: []openaitest.OrgProject{{ID: "proj_web", Name: "Web", CreatedAt: now,
			Keys: []openaitest.ProjectKey{
				{ID: "key_a", Name: "a", Value: a, OwnerUser: "user_ann", CreatedAt: now, LastUsedAt: now},
				{ID: "key_b", Name: "b", Value: b, OwnerUser: "user_ann", CreatedAt: now, LastUsedAt: now},
			}}},
		Users:     []openaitest.OrgUser{{ID: "user_ann", Name: "Ann", Email: "ann@example.com", AddedAt: now}},
		AdminKeys: []openaitest.OrgAdminKey{{ID: "key_admin", Value: admin, CreatedAt: now}},
	}))
	c := &orgCLI{t: t, dir: t.TempDir(), url: srv.URL}
	c.must("", "keys", "vault", "file")
	c.must("", "members", "add", "Ann")
	c.must(b+"\n", "keys", "add", "--member", "Ann", "--label", "ann-b")
	c.must(admin+"\n", "org", "connect")
	out := c.must("", "org", "sync")
	if !strings.Contains(out, `Key "ann-b" could be any of: key_a (proj_web) key_b (proj_web)`) {
		t.Fatalf("sync does not surface the ambiguous match: %s", out)
	}
	if code, _, _ := c.run("", "org", "choose", "ann-b", "--key-id", "key_zzz", "--project", "proj_web"); code != ExitError {
		t.Fatal("a key that is not a candidate was accepted")
	}
	c.must("", "org", "choose", "ann-b", "--key-id", "key_b", "--project", "proj_web")
	out = c.must("", "org", "keys")
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "key_b") != strings.Contains(line, "ann-b") {
			t.Fatalf("after choosing: %s", out)
		}
	}
	for _, k := range []string{admin, a, b} {
		if strings.Contains(c.seen.String(), k) {
			t.Fatal("a full key reached the output")
		}
	}
}
