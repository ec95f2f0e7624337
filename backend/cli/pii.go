package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"steward/backend/pii"
)

// piiFinding is one detection as the CLI reports it; API keys only ever
// appear redacted.
type piiFinding struct {
	Type   pii.Type `json:"type"`
	Line   int      `json:"line"`
	Column int      `json:"column"`
	Start  int      `json:"start"`
	End    int      `json:"end"`
	Text   string   `json:"text"`
}

func runPII(_ context.Context, env *Env, args []string) error {
	fs := newFlags("pii", env.Stderr)
	format := fs.String("format", "text", "text or json")
	redact := fs.Bool("redact", false, "print the text with each detection replaced by a typed placeholder")
	eval := fs.Bool("eval", false, "FILE is a labelled cases file: print precision and recall per type")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || (*format != "text" && *format != "json") {
		return usageErr("usage: steward pii FILE [--format text|json] [--redact]")
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return usageErr("cannot read %s: %v", pos[0], err)
	}
	defer f.Close()
	if *eval {
		return piiEval(env, f, *format)
	}
	b, err := io.ReadAll(io.LimitReader(f, 256<<20))
	if err != nil {
		return fmt.Errorf("read %s: %w", pos[0], err)
	}
	if !utf8.Valid(b) {
		return usageErr("%s is not UTF-8 text", pos[0])
	}
	text := string(b)
	matches := pii.Detect(text)
	if *redact {
		_, err := io.WriteString(env.Stdout, pii.Redact(text, matches))
		return err
	}
	found := make([]piiFinding, len(matches))
	for i, m := range matches {
		line, col := position(text, m.Start)
		shown := m.Text
		if m.Type == pii.APIKey {
			shown = m.Redacted
		}
		found[i] = piiFinding{Type: m.Type, Line: line, Column: col, Start: m.Start, End: m.End, Text: shown}
	}
	if *format == "json" {
		err = writeJSON(env.Stdout, map[string]any{"file": pos[0], "matches": found, "total": len(found)})
	} else {
		for _, m := range found {
			fmt.Fprintf(env.Stdout, "%s:%d:%d\t%s\t%s\n", pos[0], m.Line, m.Column, m.Type, m.Text)
		}
		fmt.Fprintf(env.Stdout, "%d personal data item(s) found\n", len(found))
	}
	if err == nil && len(found) > 0 {
		return errFinding
	}
	return err
}

func piiEval(env *Env, r io.Reader, format string) error {
	cases, err := pii.LoadCases(r)
	if err != nil {
		return err
	}
	rep := pii.Evaluate(cases)
	if format == "json" {
		return writeJSON(env.Stdout, rep)
	}
	_, err = io.WriteString(env.Stdout, rep.Table())
	return err
}

// position is the 1-based line and column (in characters) of a byte offset.
func position(text string, off int) (int, int) {
	before := text[:off]
	line := strings.Count(before, "\n") + 1
	col := utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}
