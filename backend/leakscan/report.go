package leakscan

import (
	"fmt"
	"io"
	"strings"

	"steward/backend/apperr"
)

// Report formats.
const (
	FormatText  = "text"
	FormatJSON  = "json"
	FormatSARIF = "sarif"
)

// Formats lists the report formats, for flags and menus.
func Formats() []string { return []string{FormatText, FormatJSON, FormatSARIF} }

// WriteReport writes r to w in format (text, json or sarif).
func WriteReport(w io.Writer, r *Result, format string) error {
	switch format {
	case FormatText:
		return WriteText(w, r)
	case FormatJSON:
		return WriteJSON(w, r)
	case FormatSARIF:
		return WriteSARIF(w, r)
	}
	return apperr.New(apperr.FormatUnknown, "leakscan.report", "format", format, "valid", strings.Join(Formats(), ", "))
}

// errWriter keeps the first write error so a report reads as straight prose.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, a ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, a...)
	}
}

// WriteText writes r for people: registered keys first, each with the
// advice to rotate it now, then other keys, then literal env assignments;
// each key once, with every place it was found.
func WriteText(w io.Writer, r *Result) error {
	ew := &errWriter{w: w}
	st := r.Stats
	ew.printf("Steward leak scan: %s — %d finding(s) in %d file(s), %s", r.Status, len(r.Findings), st.Files, humanBytes(st.Bytes))
	if r.History {
		ew.printf(", %d commit(s)", st.Commits)
	}
	ew.printf(", %.2f s\n", st.Seconds)
	if r.Error != "" {
		ew.printf("Not everything was scanned: %s\n", r.Error)
	}
	groups := []struct {
		severity, title, advice string
	}{
		{SeverityCritical, "CRITICAL — keys from your register leaked: rotate now",
			"Rotate now: revoke the key on the OpenAI dashboard and give its owner a new one. Deleting the line does not un-leak it."},
		{SeverityHigh, "HIGH — OpenAI API keys",
			"Revoke each key and load keys from the environment or a secret manager."},
		{SeverityMedium, "MEDIUM — OPENAI_API_KEY set to a literal value in an env file",
			"Keep env files out of version control and inject the value at run time."},
	}
	for _, g := range groups {
		writeGroup(ew, r.Findings, g.severity, g.title, g.advice)
	}
	if len(r.Findings) == 0 && r.Status == StatusCompleted {
		ew.printf("\nNo leaked keys found.\n")
	}
	if st.Suppressed > 0 {
		ew.printf("\n%d finding(s) hidden by steward:allow or the baseline.\n", st.Suppressed)
	}
	if len(r.Skipped) > 0 {
		ew.printf("\nSkipped (%d):\n", len(r.Skipped))
		for _, s := range r.Skipped {
			ew.printf("  %s: %s\n", s.File, s.Reason)
		}
	}
	return ew.err
}

// writeGroup writes the findings of one severity, grouped by key.
func writeGroup(ew *errWriter, findings []LeakFinding, severity, title, advice string) {
	var order []string
	byKey := map[string][]LeakFinding{}
	for _, f := range findings {
		if f.Severity != severity {
			continue
		}
		if _, ok := byKey[f.Fingerprint]; !ok {
			order = append(order, f.Fingerprint)
		}
		byKey[f.Fingerprint] = append(byKey[f.Fingerprint], f)
	}
	if len(order) == 0 {
		return
	}
	ew.printf("\n%s\n", title)
	for _, fp := range order {
		fs := byKey[fp]
		ew.printf("\n  %s", fs[0].Redacted)
		if fs[0].Registered() {
			ew.printf("  %s", strings.TrimSpace(fs[0].Member+" · "+fs[0].Label))
		}
		ew.printf("  (%s, fingerprint %s)\n", fs[0].Rule, fp[:12])
		for _, f := range fs {
			ew.printf("    %s:%d:%d", f.File, f.Line, f.Column)
			if f.Commit != "" {
				ew.printf("  commit %s by %s on %s", shortHash(f.Commit), f.Author, f.Date)
			}
			ew.printf("\n")
		}
	}
	ew.printf("\n  → %s\n", advice)
}

func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// humanBytes shows a byte count in B, KB, MB or GB.
func humanBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	v, suffix := float64(n)/unit, "KB"
	for _, s := range []string{"MB", "GB", "TB"} {
		if v < unit {
			break
		}
		v, suffix = v/unit, s
	}
	return fmt.Sprintf("%.1f %s", v, suffix)
}
