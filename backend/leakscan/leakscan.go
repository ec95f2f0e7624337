// Package leakscan finds OpenAI API keys leaked in folders and git
// repositories: in the working tree, in every commit reachable from any ref,
// and in the changes staged for the next commit. Findings carry only the
// key's redacted form and fingerprint (package secret), never the key.
package leakscan

import (
	"time"

	"steward/backend/apperr"
)

// Severities of a finding, most urgent first.
const (
	SeverityCritical = "critical" // a key in the team's register leaked: rotate it now
	SeverityHigh     = "high"     // a live-looking key
	SeverityMedium   = "medium"   // OPENAI_API_KEY assigned a literal in an env file
)

// Statuses of a finished scan.
const (
	StatusCompleted = "completed"
	StatusCancelled = "cancelled"
	StatusFailed    = "failed"
)

// Error codes of the conditions a user can act on.
const (
	CodeRootMissing     apperr.Code = "leak_root_missing"
	CodeNotRepository   apperr.Code = "leak_not_repository"
	CodeGitMissing      apperr.Code = "leak_git_missing"
	CodeHookExists      apperr.Code = "leak_hook_exists"
	CodeBaselineInvalid apperr.Code = "leak_baseline_invalid"
)

// LeakFinding is one leaked key (or literal env assignment) at one place:
// a file of the working tree, or a file as a commit added it.
type LeakFinding struct {
	Rule        string `json:"rule"`
	Severity    string `json:"severity"`
	Root        string `json:"root"`             // the scanned folder the file is in
	File        string `json:"file"`             // slash-separated, relative to Root (or the repository for commits)
	Line        int    `json:"line"`             // 1-based
	Column      int    `json:"column"`           // 1-based, in characters
	Commit      string `json:"commit,omitempty"` // the commit that added it; empty for the working tree and staged changes
	Author      string `json:"author,omitempty"` // "Name <email>" of the commit's author
	Date        string `json:"date,omitempty"`   // the commit's author date, RFC 3339
	Redacted    string `json:"redacted"`         // e.g. "sk-proj-…abcd"
	Fingerprint string `json:"fingerprint"`      // secret.Fingerprint of the key
	Member      string `json:"member,omitempty"` // owner of the registered key with this fingerprint
	Label       string `json:"label,omitempty"`  // that key's label in the register
}

// Registered reports whether the finding is a key of the team's register.
func (f LeakFinding) Registered() bool { return f.Member != "" || f.Label != "" }

// Skipped is a file, folder or repository the scan could not read, with why.
type Skipped struct {
	Root   string `json:"root"`
	File   string `json:"file"`
	Reason string `json:"reason"`
}

// Stats measures a scan.
type Stats struct {
	Files       int64   `json:"files"`        // text files and blobs scanned
	Bytes       int64   `json:"bytes"`        // bytes read from them
	Commits     int64   `json:"commits"`      // commits reachable from all refs, with History
	Seconds     float64 `json:"seconds"`      // wall time
	BinaryFiles int64   `json:"binary_files"` // binary files among Files, scanned for keys only
	Suppressed  int64   `json:"suppressed"`   // findings hidden by steward:allow or the baseline
}

// Result is a scan's outcome: complete, or what was found before it was
// cancelled or failed.
type Result struct {
	Roots      []string      `json:"roots"`
	History    bool          `json:"history"`
	StartedAt  time.Time     `json:"started_at"`
	FinishedAt time.Time     `json:"finished_at"`
	Status     string        `json:"status"`
	Error      string        `json:"error,omitempty"`
	Findings   []LeakFinding `json:"findings"`
	Skipped    []Skipped     `json:"skipped"`
	Stats      Stats         `json:"stats"`
}

// Lookup finds the registered key with a fingerprint: its member and label.
type Lookup func(fingerprint string) (member, label string, ok bool)

// Progress is a snapshot of a running scan, sent at most every 100 ms.
type Progress struct {
	Files          int64   `json:"files"`
	Bytes          int64   `json:"bytes"`
	Commits        int64   `json:"commits"`
	FilesPerSecond float64 `json:"files_per_second"`
	Seconds        float64 `json:"seconds"`
	Done           bool    `json:"done"` // the last report of the scan
}

// Options says what to scan and how; Roots is required.
type Options struct {
	Roots            []string         // folders (or single files) to scan
	History          bool             // also scan every commit of the git repositories among Roots
	RespectGitignore bool             // skip what .gitignore files exclude
	Lookup           Lookup           // the key register; nil when there is none
	Baseline         *Baseline        // accepted findings; nil reads each root's BaselineFile if present
	Progress         func(Progress)   // called from one goroutine, at most every 100 ms, and once at the end
	Workers          int              // files scanned in parallel; twice the CPUs (at most 16) by default
	MaxFileSize      int64            // files (and archive entries) larger are skipped and listed; 0 scans every size
	Now              func() time.Time // clock; time.Now by default
}
