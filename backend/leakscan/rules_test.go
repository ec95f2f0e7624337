package leakscan

import (
	"strings"
	"testing"

	"steward/backend/secret"
	"steward/backend/secret/fakekey"
)

// TestRulesMatchTheirExamples runs every rule's own examples: each true
// positive, with a key generated now, must give exactly that rule once (on
// that key); each false positive must give nothing at all.
func TestRulesMatchTheirExamples(t *testing.T) {
	g := fakekey.New(20240501)
	for _, r := range Rules() {
		t.Run(r.ID, func(t *testing.T) {
			if len(r.TruePositives) == 0 || len(r.FalsePositives) == 0 {
				t.Fatal("a rule needs true and false positive examples")
			}
			for _, tmpl := range r.TruePositives {
				key := keyOfKind(g, r.Kind)
				hits := scanText(t, r.ExampleFile, g.Expand(tmpl, key))
				if len(hits) != 1 || hits[0].rule != r.ID {
					t.Errorf("true positive %q gave %s, want one %s", tmpl, describeHits(hits), r.ID)
					continue
				}
				if key != "" && hits[0].fingerprint != secret.Fingerprint(key) {
					t.Errorf("true positive %q matched %s, not the whole key %s", tmpl, hits[0].redacted, secret.Redact(key))
				}
			}
			for _, tmpl := range r.FalsePositives {
				if hits := scanText(t, r.ExampleFile, g.Expand(tmpl, "")); len(hits) != 0 {
					t.Errorf("false positive %q gave %s", tmpl, describeHits(hits))
				}
			}
		})
	}
}

// TestKeyShapes covers the lengths real keys come in.
func TestKeyShapes(t *testing.T) {
	g := fakekey.New(7)
	tests := []struct {
		name, key, rule string
	}{
		{"OK_Project74", g.Prefixed("sk-proj-", 74), RuleProjectKey},
		{"OK_Project58", g.Prefixed("sk-proj-", 58), RuleProjectKey},
		{"OK_ProjectEarly", "sk-proj-" + g.Alnum(20) + fakekey.Marker + g.Alnum(20), RuleProjectKey},
		{"OK_ServiceAccount58", g.Prefixed("sk-svcacct-", 58), RuleServiceAccountKey},
		{"OK_Admin74", g.Prefixed("sk-admin-", 74), RuleAdminKey},
		{"OK_Legacy", g.Legacy(), RuleLegacyKey},
		{"OK_LegacyAtEndOfFileWithoutNewline", g.Legacy(), RuleLegacyKey},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits := scanText(t, "a.py", "x = '"+tt.key+"'\n")
			if len(hits) != 1 || hits[0].rule != tt.rule || hits[0].fingerprint != secret.Fingerprint(tt.key) {
				t.Fatalf("hits = %s, want one %s", describeHits(hits), tt.rule)
			}
			if hits[0].line != 1 || hits[0].column != 6 {
				t.Errorf("position = %d:%d, want 1:6", hits[0].line, hits[0].column)
			}
			if strings.Contains(hits[0].redacted, tt.key[12:30]) {
				t.Errorf("redacted form %s shows the key", hits[0].redacted)
			}
		})
	}
}

// TestEnvFiles decides which files the env rule reads.
func TestEnvFiles(t *testing.T) {
	tests := []struct {
		name string
		env  bool
	}{
		{".env", true}, {"app/.env.local", true}, {".env.production", true}, {"prod.env", true},
		{".envrc", true}, {`C:\work\.env`, true},
		{".env.example", false}, {".env.sample", false}, {"example.env", false}, {".env.template", false},
		{"env.py", false}, {"settings.json", false}, {".environment", false},
	}
	for _, tt := range tests {
		if got := isEnvFile(tt.name); got != tt.env {
			t.Errorf("isEnvFile(%q) = %v, want %v", tt.name, got, tt.env)
		}
	}
}

// TestKeyInEnvFileIsReportedOnceAsKey: a key assigned in .env is a key
// finding, not also an env assignment.
func TestKeyInEnvFileIsReportedOnceAsKey(t *testing.T) {
	g := fakekey.New(3)
	hits := scanText(t, ".env", "A=1\nOPENAI_API_KEY="+g.Project()+"\n")
	if len(hits) != 1 || hits[0].rule != RuleProjectKey || hits[0].line != 2 || hits[0].column != 16 {
		t.Fatalf("hits = %s, want one project key at 2:16", describeHits(hits))
	}
}

// TestAllowComment suppresses only the line that carries it.
func TestAllowComment(t *testing.T) {
	g := fakekey.New(4)
	text := "a = '" + g.Legacy() + "'  # steward:allow test fixture\nb = '" + g.Legacy() + "'\n"
	hits := scanText(t, "a.py", text)
	if len(hits) != 2 || !hits[0].allowed || hits[1].allowed {
		t.Fatalf("hits = %s (allowed %v)", describeHits(hits), hits)
	}
}

// TestPositions counts lines and columns in characters.
func TestPositions(t *testing.T) {
	g := fakekey.New(5)
	text := "line one\r\nzweite Zeile ü\n\tkey: «" + g.Admin() + "»\n"
	hits := scanText(t, "notes.md", text)
	if len(hits) != 1 || hits[0].line != 3 || hits[0].column != 8 {
		t.Fatalf("hits = %s, want one at 3:8", describeHits(hits))
	}
}
