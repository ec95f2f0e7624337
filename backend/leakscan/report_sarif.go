package leakscan

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// sarifSchema is the SARIF 2.1.0 schema code-scanning tools validate against.
const sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
	ColumnKind  string            `json:"columnKind"`
}

// sarifInvocation says how the scan ran; each file not scanned is a
// notification, so no code-scanning service shows a partial scan as whole.
type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID               string         `json:"id"`
	Name             string         `json:"name"`
	ShortDescription sarifText      `json:"shortDescription"`
	FullDescription  sarifText      `json:"fullDescription"`
	Help             sarifText      `json:"help"`
	DefaultConfig    sarifLevel     `json:"defaultConfiguration"`
	Properties       map[string]any `json:"properties"`
}

type sarifLevel struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          map[string]any    `json:"properties"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

// WriteSARIF writes r as a SARIF 2.1.0 log that code-scanning services
// (GitHub, GitLab, Azure DevOps) accept. Keys are shown redacted.
func WriteSARIF(w io.Writer, r *Result) error {
	rules := Rules()
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{
		Name: "Steward", InformationURI: "https://platform.openai.com/docs/api-reference/authentication",
	}}, Results: []sarifResult{}, ColumnKind: "unicodeCodePoints"}
	index := map[string]int{}
	for i, rule := range rules {
		index[rule.ID] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID: rule.ID, Name: sarifName(rule.ID), ShortDescription: sarifText{rule.Description},
			FullDescription: sarifText{rule.Detail}, Help: sarifText{rule.Help},
			DefaultConfig: sarifLevel{sarifLevelOf(rule.Severity)},
			Properties:    map[string]any{"tags": []string{"security", "secret"}, "security-severity": securitySeverity(rule.Severity)},
		})
	}
	for _, f := range r.Findings {
		run.Results = append(run.Results, sarifResult{
			RuleID: f.Rule, RuleIndex: index[f.Rule], Level: sarifLevelOf(f.Severity),
			Message: sarifText{sarifMessage(f)},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: fileURI(f.File)},
				Region:           &sarifRegion{StartLine: max(f.Line, 1), StartColumn: max(f.Column, 1)},
			}}},
			PartialFingerprints: map[string]string{"stewardFinding/v1": findingID(f)},
			Properties: map[string]any{"severity": f.Severity, "fingerprint": f.Fingerprint, "redacted": f.Redacted,
				"commit": f.Commit},
		})
	}
	run.Invocations = []sarifInvocation{sarifInvocationOf(r)}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}}); err != nil {
		return fmt.Errorf("write SARIF report: %w", err)
	}
	return nil
}

// sarifInvocationOf lists the files the scan did not read as warnings.
func sarifInvocationOf(r *Result) sarifInvocation {
	inv := sarifInvocation{ExecutionSuccessful: r.Status == StatusCompleted, Notifications: []sarifNotification{}}
	if r.Error != "" {
		inv.Notifications = append(inv.Notifications, sarifNotification{Level: "error", Message: sarifText{r.Error}})
	}
	for _, s := range r.Skipped {
		inv.Notifications = append(inv.Notifications, sarifNotification{
			Level: "warning", Message: sarifText{"Not scanned: " + s.File + ": " + s.Reason},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: fileURI(s.File)}}}},
		})
	}
	return inv
}

// sarifMessage says what was found, where it came from and what to do.
func sarifMessage(f LeakFinding) string {
	var b strings.Builder
	if f.Rule == RuleEnvAssignment {
		fmt.Fprintf(&b, "OPENAI_API_KEY is set to a literal value (%s).", f.Redacted)
	} else {
		fmt.Fprintf(&b, "OpenAI API key %s is in this file.", f.Redacted)
	}
	if f.Registered() {
		fmt.Fprintf(&b, " It is a registered key (%s): rotate it now.", strings.TrimSpace(f.Member+" · "+f.Label))
	}
	if f.Commit != "" {
		fmt.Fprintf(&b, " Added in commit %s by %s on %s.", f.Commit, f.Author, f.Date)
	}
	return b.String()
}

// findingID identifies a finding across runs without revealing the key:
// the same key in the same file and commit keeps the same alert.
func findingID(f LeakFinding) string {
	sum := sha256.Sum256([]byte(f.Fingerprint + "\x00" + f.File + "\x00" + f.Commit))
	return hex.EncodeToString(sum[:16])
}

// fileURI makes a relative path a relative URI reference.
func fileURI(rel string) string {
	parts := strings.Split(rel, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

func sarifLevelOf(severity string) string {
	if severity == SeverityMedium {
		return "warning"
	}
	return "error"
}

// securitySeverity is GitHub's 0–10 score for a severity.
func securitySeverity(severity string) string {
	switch severity {
	case SeverityCritical:
		return "9.5"
	case SeverityHigh:
		return "8.0"
	}
	return "5.0"
}

// sarifName is a rule's readable name, which SARIF wants distinct from
// its id: "openai-project-key" becomes "OpenAIProjectKey".
func sarifName(id string) string {
	var b strings.Builder
	for _, w := range strings.Split(id, "-") {
		if w == "openai" {
			b.WriteString("OpenAI")
			continue
		}
		if w != "" {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}
