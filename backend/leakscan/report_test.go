package leakscan

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"steward/backend/apperr"
	"steward/backend/secret"
	"steward/backend/secret/fakekey"
	"steward/tools/golden"
)

// sampleResult scans a repository built from a fixed seed, so every key,
// commit hash and count is the same on every run.
func sampleResult(t *testing.T) (*Result, []string) {
	t.Helper()
	g := fakekey.New(61)
	repo := newTestRepo(t)
	registered, shared, oldKey := g.Project(), g.Admin(), g.Legacy()
	repo.commit("initial", map[string]string{
		"src/app.py":              "from openai import OpenAI\nclient = OpenAI(api_key=\"" + registered + "\")\n",
		"notebooks/explore.ipynb": "{\"cells\": [{\"source\": [\"import os\\n\", \"key = \\\"" + g.Legacy() + "\\\"\\n\"]}]}\n",
		"config/settings.yaml":    "openai:\n  api_key: " + shared + "\n",
		"deploy/values.yaml":      "env:\n  - name: OPENAI_API_KEY\n    value: \"" + shared + "\"\n",
		".env":                    "# local\nOPENAI_API_KEY=" + g.Alnum(40) + "\n",
		"scripts/old_test.py":     "KEY = '" + oldKey + "'\n",
		"docs/setup.md":           "Put sk-... (like sk-proj-****abcd) in OPENAI_API_KEY.\n",
	})
	repo.commit("remove old script", nil, "scripts/old_test.py")
	mustSymlink(t, "missing.txt", filepath.Join(repo.dir, "broken-link"))
	lookup := func(fp string) (string, string, bool) {
		return "Ana", "production", fp == secret.Fingerprint(registered)
	}
	r := scanDir(t, repo.dir, Options{History: true, Lookup: lookup})
	r.Stats.Seconds = 1.25
	return r, []string{registered, shared, oldKey}
}

// TestReportGolden compares each format with testdata/golden (regenerate
// with go test -update) and checks no report shows a key.
func TestReportGolden(t *testing.T) {
	r, keys := sampleResult(t)
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteReport(&buf, r, format); err != nil {
				t.Fatal(err)
			}
			for _, k := range keys {
				if strings.Contains(buf.String(), k) || strings.Contains(buf.String(), k[20:50]) {
					t.Fatal("the report shows a key")
				}
			}
			golden.Assert(t, "report."+format, buf.Bytes())
		})
	}
}

// TestJSONReportShape has exactly the documented keys.
func TestJSONReportShape(t *testing.T) {
	r, _ := sampleResult(t)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	var findings, skipped []map[string]any
	var stats map[string]any
	json.Unmarshal(doc["findings"], &findings)
	json.Unmarshal(doc["stats"], &stats)
	json.Unmarshal(doc["skipped"], &skipped)
	if len(skipped) != 1 || !slices.Equal(sortedKeys(skipped[0]), []string{"file", "reason"}) {
		t.Fatalf("skipped = %v, want the broken link with its reason", skipped)
	}
	wantFinding := []string{"author", "column", "commit", "date", "file", "fingerprint", "label", "line", "member", "redacted", "rule"}
	if len(doc) != 3 || len(findings) == 0 || !slices.Equal(sortedKeys(findings[0]), wantFinding) ||
		!slices.Equal(sortedKeys(stats), []string{"bytes", "commits", "files", "seconds"}) {
		t.Fatalf("JSON shape: %s", buf.String()[:min(400, buf.Len())])
	}
}

func sortedKeys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestSARIFShape carries what code-scanning services require.
func TestSARIFShape(t *testing.T) {
	r, _ := sampleResult(t)
	var buf bytes.Buffer
	if err := WriteSARIF(&buf, r); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string
					Rules []struct {
						ID               string
						ShortDescription struct{ Text string }
						Help             struct{ Text string }
					}
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
				PartialFingerprints map[string]string
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || !strings.Contains(log.Schema, "sarif-2.1.0") || len(log.Runs) != 1 {
		t.Fatalf("header: %s %s", log.Schema, log.Version)
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "Steward" || len(run.Tool.Driver.Rules) != len(Rules()) {
		t.Fatalf("driver: %+v", run.Tool.Driver)
	}
	for _, rule := range run.Tool.Driver.Rules {
		if rule.ID == "" || rule.ShortDescription.Text == "" || rule.Help.Text == "" {
			t.Errorf("rule %+v lacks text", rule)
		}
	}
	if len(run.Results) != len(r.Findings) {
		t.Fatalf("%d results for %d findings", len(run.Results), len(r.Findings))
	}
	for _, res := range run.Results {
		loc := res.Locations[0].PhysicalLocation
		if run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID || res.Message.Text == "" ||
			loc.ArtifactLocation.URI == "" || loc.Region.StartLine < 1 || loc.Region.StartColumn < 1 ||
			len(res.PartialFingerprints) == 0 || (res.Level != "error" && res.Level != "warning") {
			t.Errorf("result %+v", res)
		}
	}
}

// TestUnknownFormat names the formats there are.
func TestUnknownFormat(t *testing.T) {
	err := WriteReport(&bytes.Buffer{}, &Result{}, "xml")
	if _, msg := apperr.Describe(err, "en"); !apperr.Is(err, apperr.FormatUnknown) || !strings.Contains(msg, "text, json, sarif") {
		t.Fatalf("err = %v", err)
	}
}
