package pii

import (
	"sort"
	"strings"
)

// Redact returns text with every match replaced by its type's placeholder,
// such as "[EMAIL]". Matches may come in any order; ones that are out of
// range or overlap an earlier one are skipped.
func Redact(text string, matches []Match) string {
	ms := append([]Match(nil), matches...)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	var b strings.Builder
	b.Grow(len(text))
	pos := 0
	for _, m := range ms {
		if m.Start < pos || m.End > len(text) || m.Start >= m.End {
			continue
		}
		b.WriteString(text[pos:m.Start])
		b.WriteString(m.Type.Placeholder())
		pos = m.End
	}
	b.WriteString(text[pos:])
	return b.String()
}

// RedactText detects and redacts in one step.
func RedactText(text string) string { return Redact(text, Detect(text)) }
