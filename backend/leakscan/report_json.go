package leakscan

import (
	"encoding/json"
	"fmt"
	"io"
)

// jsonReport is the JSON report's exact shape.
type jsonReport struct {
	Findings []jsonFinding `json:"findings"`
	Skipped  []jsonSkipped `json:"skipped"`
	Stats    jsonStats     `json:"stats"`
}

// jsonSkipped is a file the scan did not read, with why.
type jsonSkipped struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

type jsonFinding struct {
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Line        int    `json:"line"`
	Column      int    `json:"column"`
	Commit      string `json:"commit"`
	Author      string `json:"author"`
	Date        string `json:"date"`
	Redacted    string `json:"redacted"`
	Fingerprint string `json:"fingerprint"`
	Member      string `json:"member"`
	Label       string `json:"label"`
}

type jsonStats struct {
	Files   int64   `json:"files"`
	Bytes   int64   `json:"bytes"`
	Commits int64   `json:"commits"`
	Seconds float64 `json:"seconds"`
}

// WriteJSON writes r as {"findings": [...], "skipped": [...], "stats": {...}}
// for scripts; every file not scanned is in "skipped" with its reason;
// absent values are empty strings, never missing keys.
func WriteJSON(w io.Writer, r *Result) error {
	rep := jsonReport{
		Findings: make([]jsonFinding, 0, len(r.Findings)),
		Skipped:  make([]jsonSkipped, 0, len(r.Skipped)),
		Stats:    jsonStats{Files: r.Stats.Files, Bytes: r.Stats.Bytes, Commits: r.Stats.Commits, Seconds: r.Stats.Seconds},
	}
	for _, f := range r.Findings {
		rep.Findings = append(rep.Findings, jsonFinding{
			Rule: f.Rule, File: f.File, Line: f.Line, Column: f.Column, Commit: f.Commit, Author: f.Author,
			Date: f.Date, Redacted: f.Redacted, Fingerprint: f.Fingerprint, Member: f.Member, Label: f.Label,
		})
	}
	for _, s := range r.Skipped {
		rep.Skipped = append(rep.Skipped, jsonSkipped{File: s.File, Reason: s.Reason})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rep); err != nil {
		return fmt.Errorf("write JSON report: %w", err)
	}
	return nil
}
