package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestSettingsCommands(t *testing.T) {
	dir := t.TempDir()
	if code, out, _ := run(t, dir, "settings", "set", "rotation_days.prod", "30"); code != ExitOK || out != "rotation_days.prod = 30\n" {
		t.Fatalf("set = %d %q", code, out)
	}
	run(t, dir, "settings", "set", "gateway.upstream", "https://example.test/v1")
	code, out, _ := run(t, dir, "settings", "list", "--format", "json")
	var list []struct{ Name, Value string }
	if code != ExitOK || json.Unmarshal([]byte(out), &list) != nil {
		t.Fatalf("list = %d %q", code, out)
	}
	got := map[string]string{}
	for _, s := range list {
		got[s.Name] = s.Value
	}
	for _, name := range []string{"base_url", "language", "gateway.listen", "gateway.key", "rotation_days.dev", "rotation_days.staging"} {
		if _, ok := got[name]; !ok {
			t.Errorf("settings list lacks %s", name)
		}
	}
	if got["rotation_days.prod"] != "30" || got["gateway.upstream"] != "https://example.test/v1" {
		t.Fatalf("list = %v", got)
	}
	for _, bad := range [][]string{
		{"settings", "set", "base_url", "not a url"},
		{"settings", "set", "rotation_days.prod", "thirty"},
		{"settings", "set", "colour", "blue"},
		{"settings", "set", "language"},
		{"settings", "frobnicate"},
	} {
		if code, _, errOut := run(t, dir, bad...); code != ExitError || errOut == "" {
			t.Errorf("%v = %d %q, want exit 2 with a message", bad, code, errOut)
		}
	}
}

func TestMembersPolicyAndToken(t *testing.T) {
	dir := t.TempDir()
	run(t, dir, "members", "add", "ann")
	code, out, _ := run(t, dir, "members", "policy", "ann", "--models", "gpt-4o, gpt-5*", "--rpm", "10",
		"--tokens-per-day", "5000", "--moderate", "on", "--pii", "redact")
	if code != ExitOK || !strings.Contains(out, "gpt-4o,gpt-5*") || !strings.Contains(out, "moderate:       on") {
		t.Fatalf("policy = %d %q", code, out)
	}
	if _, out, _ = run(t, dir, "members", "policy", "ann"); !strings.Contains(out, "tokens-per-day: 5000") || !strings.Contains(out, "pii:            redact") {
		t.Fatalf("policy shown = %q", out)
	}
	if _, out, _ = run(t, dir, "members", "policy", "ann", "--output-moderation", "log"); !strings.Contains(out, "output-moderation: log") || !strings.Contains(out, "rpm:            10") {
		t.Fatalf("output moderation = %q", out)
	}
	if _, out, _ = run(t, dir, "members", "policy", "ann", "--clear"); !strings.Contains(out, "models:         any") || !strings.Contains(out, "rpm:            no limit") {
		t.Fatalf("cleared = %q", out)
	}
	for _, bad := range [][]string{
		{"members", "policy", "bob"},
		{"members", "policy", "ann", "--pii", "maybe"},
		{"members", "policy", "ann", "--moderate", "yes"},
		{"members", "policy", "ann", "--output-moderation", "maybe"},
		{"members", "policy", "ann", "--rpm", "-1"},
		{"members", "token", "ann", "--revoke"},
	} {
		if code, _, errOut := run(t, dir, bad...); code != ExitError || errOut == "" {
			t.Errorf("%v = %d %q, want exit 2 with a message", bad, code, errOut)
		}
	}
	code, tok, _ := run(t, dir, "members", "token", "ann")
	if code != ExitOK || !strings.HasPrefix(tok, "stw_") {
		t.Fatalf("token = %d %q", code, tok)
	}
	if code, out, _ = run(t, dir, "members", "token", "ann", "--revoke"); code != ExitOK || !strings.Contains(out, "Revoked 1") {
		t.Fatalf("revoke = %d %q", code, out)
	}
	if _, out, _ = run(t, dir, "members", "tokens"); strings.Contains(out, strings.TrimSpace(tok)) || !strings.Contains(out, "false") {
		t.Fatalf("tokens = %q", out)
	}
}

func TestUsagePolicyBudgetAlerts(t *testing.T) {
	dir := t.TempDir()
	code, out, _ := run(t, dir, "usage", "policy", "--log-bodies", "on", "--body-retention-days", "7", "--retention-days", "90", "--redact-pii", "on")
	if code != ExitOK || !strings.Contains(out, "log-bodies:          on") || !strings.Contains(out, "retention-days:      90") {
		t.Fatalf("policy = %d %q", code, out)
	}
	if _, out, _ = run(t, dir, "usage", "policy"); !strings.Contains(out, "body-retention-days: 7") || !strings.Contains(out, "redact-pii:          on") {
		t.Fatalf("policy shown = %q", out)
	}
	if _, out, _ = run(t, dir, "usage", "budget", "--monthly-usd", "120"); out != "monthly-usd: 120.00\n" {
		t.Fatalf("budget = %q", out)
	}
	if _, out, _ = run(t, dir, "usage", "alerts", "--spike-factor", "4", "--budget-warn-percent", "90"); !strings.Contains(out, "spike-factor:        4") || !strings.Contains(out, "budget-warn-percent: 90") {
		t.Fatalf("alerts = %q", out)
	}
	if _, out, _ = run(t, dir, "usage", "budget"); out != "monthly-usd: 120.00\n" {
		t.Fatalf("budget kept = %q", out)
	}
	for _, bad := range [][]string{
		{"usage", "policy", "--log-bodies", "yes"},
		{"usage", "policy", "--retention-days", "-5"},
		{"usage", "budget", "--monthly-usd", "lots"},
		{"usage", "budget", "--monthly-usd", "-1"},
		{"usage", "alerts", "extra"},
	} {
		if code, _, errOut := run(t, dir, bad...); code != ExitError || errOut == "" {
			t.Errorf("%v = %d %q, want exit 2 with a message", bad, code, errOut)
		}
	}
}
