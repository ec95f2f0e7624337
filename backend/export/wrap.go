package export

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// canBreak reports whether a line may break between prev and r: after
// spaces, and on either side of a CJK character, except before closing or
// after opening punctuation.
func canBreak(prev, r rune) bool {
	switch {
	case unicode.IsSpace(r),
		strings.ContainsRune(noBreakBefore, r),
		strings.ContainsRune(noBreakAfter, prev):
		return false
	case unicode.IsSpace(prev), isCJK(r), isCJK(prev):
		return true
	}
	return false
}

// atoms splits a line of text into unbreakable pieces; each keeps the
// spaces that follow it.
func atoms(s string) []string {
	var out []string
	start := 0
	prev, first := rune(0), true
	for i, r := range s {
		if !first && canBreak(prev, r) {
			out = append(out, s[start:i])
			start = i
		}
		prev, first = r, false
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// wrapText breaks s into lines no wider than width as measured by measure.
// Newlines in s start new lines. Words wider than a line are broken between
// characters. The result has at least one line, possibly empty.
func wrapText(s string, width float64, measure func(string) float64) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		lines = wrapLine(lines, para, width, measure)
	}
	return lines
}

// wrapLine appends the wrapped lines of one line of text (no newlines).
func wrapLine(lines []string, s string, width float64, measure func(string) float64) []string {
	if s == "" {
		return append(lines, "")
	}
	var (
		line   strings.Builder
		lineW  float64 // width including trailing spaces
		filled bool
	)
	flush := func() {
		lines = append(lines, strings.TrimRightFunc(line.String(), unicode.IsSpace))
		line.Reset()
		lineW, filled = 0, false
	}
	for _, a := range atoms(s) {
		trimmed := strings.TrimRightFunc(a, unicode.IsSpace)
		w := measure(trimmed)
		if filled && lineW+w > width {
			flush()
		}
		if !filled && w > width {
			// Too wide for any line: break it between characters.
			for _, piece := range splitByWidth(trimmed, width, measure) {
				if filled {
					flush()
				}
				line.WriteString(piece)
				lineW, filled = measure(piece), true
			}
			rest := a[len(trimmed):]
			line.WriteString(rest)
			lineW += measure(rest)
			continue
		}
		line.WriteString(a)
		lineW += measure(a)
		filled = true
	}
	if filled || line.Len() > 0 {
		flush()
	}
	return lines
}

// splitByWidth cuts s into pieces no wider than width (at least one rune
// each).
func splitByWidth(s string, width float64, measure func(string) float64) []string {
	var out []string
	start := 0
	var w float64
	for i := 0; i < len(s); {
		_, size := utf8.DecodeRuneInString(s[i:])
		rw := measure(s[i : i+size])
		if i > start && w+rw > width {
			out = append(out, s[start:i])
			start, w = i, 0
		}
		w += rw
		i += size
	}
	return append(out, s[start:])
}

// truncateToWidth shortens s with an ellipsis so it fits width.
func truncateToWidth(s string, width float64, ellipsis string, measure func(string) float64) string {
	if measure(s) <= width {
		return s
	}
	limit := width - measure(ellipsis)
	var w float64
	for i, r := range s {
		w += measure(string(r))
		if w > limit {
			return strings.TrimRightFunc(s[:i], unicode.IsSpace) + ellipsis
		}
	}
	return s
}
