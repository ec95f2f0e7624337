// Package checks holds the automatic checks of checklist controls: each
// reads other services (the key register, leak scans, gateway policies, the
// usage log, moderation runs, privacy drafts, the organization), returns
// pass, fail or unknown with a reason in both languages and an evidence
// snapshot, and leaves that on the item.
package checks

import (
	"context"
	"strconv"
	"time"

	"steward/backend/checklist"
)

// Results a check can give.
const (
	Pass    = "pass"
	Fail    = "fail"
	Unknown = "unknown" // not enough data
)

// Source names, for SourceChanged: what changed in the app.
const (
	SourceKeys       = "keys"       // the key register
	SourceLeaks      = "leakscan"   // a leak scan finished
	SourceGateway    = "gateway"    // gateway policies or settings
	SourceUsage      = "usage"      // the usage log, its policy or a reconciliation
	SourceModeration = "moderation" // a moderation run or suite
	SourcePrivacy    = "privacy"    // a privacy draft
	SourceOrg        = "org"        // an organization sync
	SourceProviders  = "providers"  // fallback providers or a drill
)

// DefaultWindow is how long a result stays fresh unless its check says otherwise.
const DefaultWindow = 30 * 24 * time.Hour

// Result is one check's verdict on one item.
type Result struct {
	Item      string         `json:"item"`
	Status    string         `json:"status"` // Pass, Fail or Unknown
	Reason    checklist.Text `json:"reason"`
	CheckedAt string         `json:"checked_at"` // RFC 3339, UTC
	Evidence  map[string]any `json:"evidence"`   // counts, ids, fingerprints, paths; never a key
	Stale     bool           `json:"stale"`      // older than the check's window
	Proposed  string         `json:"proposed"`   // "done" when a pass waits for a person to accept it
	Override  *Override      `json:"override"`   // a person's decision against the check, if any
}

// Override is a person's decision to overrule a check, kept until the
// check's result changes.
type Override struct {
	Status      string `json:"status"`       // the item status they chose
	CheckStatus string `json:"check_status"` // the result they overruled
	Note        string `json:"note"`
	Source      string `json:"source"`
	At          string `json:"at"`
}

// Info describes a check for lists: what item it proves, what it tests and
// what it reads.
type Info struct {
	Item       string         `json:"item"`
	Title      checklist.Text `json:"title"`
	Sources    []string       `json:"sources"`
	WindowDays int            `json:"window_days"`
}

// check is one automatic check.
type check struct {
	item    string
	title   checklist.Text
	sources []string
	window  time.Duration // 0: DefaultWindow
	run     func(ctx context.Context, in *input) outcome
}

// outcome is what a check's run returns, before it is stamped.
type outcome struct {
	status   string
	reason   checklist.Text
	evidence map[string]any
}

func (c check) info() Info {
	w := c.window
	if w == 0 {
		w = DefaultWindow
	}
	return Info{Item: c.item, Title: c.title, Sources: c.sources, WindowDays: int(w / (24 * time.Hour))}
}

func (c check) freshFor() time.Duration {
	if c.window == 0 {
		return DefaultWindow
	}
	return c.window
}

func pass(en, zh string, ev map[string]any) outcome {
	return outcome{Pass, checklist.Text{En: en, Zh: zh}, ev}
}
func fail(en, zh string, ev map[string]any) outcome {
	return outcome{Fail, checklist.Text{En: en, Zh: zh}, ev}
}
func unknown(en, zh string, ev map[string]any) outcome {
	return outcome{Unknown, checklist.Text{En: en, Zh: zh}, ev}
}

// notConnected is the outcome of a check whose source is not wired in.
func notConnected(what, whatZh string) outcome {
	return unknown("Not connected: "+what+" is not available.", "未连接：无法读取"+whatZh+"。", map[string]any{"connected": false})
}

// unreadable is the outcome of a check whose source failed.
func unreadable(what, whatZh string, err error) outcome {
	return unknown("Could not read "+what+": "+err.Error(), "无法读取"+whatZh+"："+err.Error(), map[string]any{"error": err.Error()})
}

func itoa(n int) string { return strconv.Itoa(n) }

// plural writes "1 key found in " or "3 keys found in ".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return itoa(n) + " " + many
}
