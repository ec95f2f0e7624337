package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// Markdown writes d as GitHub-flavoured Markdown. All text is escaped so it
// renders literally: no user text can open a heading, list, link, emphasis
// or raw HTML. Headings sit one level below the title (#), a tag follows
// its heading as inline code, fields become a list with bold labels, notes
// a blockquote and page breaks a thematic break.
func Markdown(w io.Writer, d Document) error {
	d, err := d.materialized()
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	m := &mdWriter{w: bw}
	if t := mdInline(d.Title); t != "" {
		m.block("# " + t)
	}
	if s := mdInline(d.Subtitle); s != "" {
		m.block("*" + s + "*")
	}
	if len(d.Meta) > 0 {
		m.block(mdFields(d.Meta, d.Lang))
	}
	for _, b := range d.Blocks {
		if s := mdBlock(b, d.Lang); s != "" {
			m.block(s)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: writing Markdown: %w", err)
	}
	return nil
}

// mdWriter separates blocks by blank lines.
type mdWriter struct {
	w       *bufio.Writer
	started bool
}

func (m *mdWriter) block(s string) {
	if m.started {
		m.w.WriteString("\n")
	}
	m.started = true
	m.w.WriteString(s)
	m.w.WriteString("\n")
}

// mdBlock renders one body block, or "" for an empty one.
func mdBlock(b Block, lang string) string {
	switch {
	case b.Heading != nil:
		level := min(max(b.Heading.Level, 1), 3)
		s := strings.Repeat("#", level+1) + " " + mdInline(b.Heading.Text)
		if tag := strings.TrimSpace(oneLine(b.Heading.Tag)); tag != "" {
			s += " " + mdCode(tag)
		}
		return s
	case b.PageBreak:
		return "---"
	case b.Table != nil:
		return mdTable(*b.Table)
	case b.Chart != nil:
		return mdTable(chartTable(*b.Chart))
	case b.Paragraph != "":
		return mdText(b.Paragraph, "")
	case len(b.List) > 0:
		lines := make([]string, 0, len(b.List))
		for _, item := range b.List {
			lines = append(lines, "- "+mdText(item, "  "))
		}
		return strings.Join(lines, "\n")
	case len(b.Fields) > 0:
		return mdFields(b.Fields, lang)
	case b.Note != "":
		return "> " + mdText(b.Note, "> ")
	}
	return ""
}

// mdFields renders label/value pairs as a list with bold labels.
func mdFields(fs []Field, lang string) string {
	colon := ":"
	if isChineseLang(lang) {
		colon = "："
	}
	lines := make([]string, 0, len(fs))
	for _, f := range fs {
		label, value := mdInline(f.Label), mdText(f.Value, "  ")
		switch {
		case label == "":
			lines = append(lines, "- "+value)
		default:
			lines = append(lines, "- **"+label+colon+"** "+value)
		}
	}
	return strings.Join(lines, "\n")
}

// mdTable renders a GFM table; cells keep line breaks as <br>.
func mdTable(t Table) string {
	ncol := len(t.Header)
	for _, row := range t.Rows {
		ncol = max(ncol, len(row))
	}
	if ncol == 0 {
		return ""
	}
	row := func(cells []string) string {
		var b strings.Builder
		b.WriteString("|")
		for j := range ncol {
			cell := ""
			if j < len(cells) {
				cell = mdCell(cells[j])
			}
			b.WriteString(" " + cell + " |")
		}
		return b.String()
	}
	lines := []string{row(t.Header), "|" + strings.Repeat(" --- |", ncol)}
	for _, r := range t.Rows {
		lines = append(lines, row(r))
	}
	return strings.Join(lines, "\n")
}

// mdCell escapes one table cell.
func mdCell(s string) string {
	parts := strings.Split(strings.TrimSpace(normalizeNewlines(s)), "\n")
	for i, p := range parts {
		parts[i] = mdEscape(strings.TrimSpace(p), false)
	}
	return strings.Join(parts, "<br>")
}

// mdText escapes multi-line text; later lines get prefix (to stay inside a
// list item or blockquote) and earlier lines end in a hard break. Blank
// lines are kept as paragraph breaks.
func mdText(s, prefix string) string {
	lines := strings.Split(strings.TrimSpace(normalizeNewlines(s)), "\n")
	var b strings.Builder
	for i, raw := range lines {
		line := mdEscape(strings.TrimSpace(raw), true)
		if i > 0 {
			switch {
			case line == "": // a paragraph break
				b.WriteString("\n" + strings.TrimRight(prefix, " "))
				continue
			case strings.TrimSpace(lines[i-1]) == "":
				b.WriteString("\n" + prefix)
			default: // a hard line break
				b.WriteString("\\\n" + prefix)
			}
		}
		b.WriteString(line)
	}
	return b.String()
}

// mdInline escapes single-line text (newlines become spaces).
func mdInline(s string) string {
	return mdEscape(strings.TrimSpace(oneLine(s)), true)
}

// oneLine joins the lines of s with spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(normalizeNewlines(s), "\n", " ")), " ")
}

// mdEscape backslash-escapes the characters that would turn s into
// Markdown syntax. lineStart says whether s starts a line, where list,
// heading and quote markers matter.
func mdEscape(s string, lineStart bool) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		prev, next := rune(' '), rune(' ')
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch r {
		case '\\', '`', '*', '[', ']', '<', '>', '|', '~':
			b.WriteByte('\\')
		case '_':
			// Inside a word (snake_case) an underscore is literal in GFM.
			if !isWordRune(prev) || !isWordRune(next) {
				b.WriteByte('\\')
			}
		case '&':
			if looksLikeEntity(rs[i+1:]) {
				b.WriteByte('\\')
			}
		case '#':
			if i == 0 && lineStart || prev == ' ' {
				b.WriteByte('\\')
			}
		case '-', '+', '=':
			// A list marker, or a line of them (a rule or setext underline).
			if i == 0 && lineStart && (next == ' ' && r != '=' || onlyRune(rs, r)) {
				b.WriteByte('\\')
			}
		case '.', ')':
			// "1. " or "1) " at the start of a line opens an ordered list.
			if lineStart && i > 0 && i <= 9 && allDigits(rs[:i]) && next == ' ' {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// onlyRune reports whether rs holds only r and spaces.
func onlyRune(rs []rune, r rune) bool {
	for _, c := range rs {
		if c != r && c != ' ' {
			return false
		}
	}
	return true
}

func allDigits(rs []rune) bool {
	for _, r := range rs {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// looksLikeEntity reports whether rs (what follows an '&') reads as an HTML
// entity such as "amp;" or "#39;".
func looksLikeEntity(rs []rune) bool {
	for i, r := range rs {
		switch {
		case r == ';':
			return i > 0
		case r == '#' && i == 0, isWordRune(r) && r < 128:
		default:
			return false
		}
	}
	return false
}

// mdCode renders s as an inline code span, fenced by enough backticks.
func mdCode(s string) string {
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}
