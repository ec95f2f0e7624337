package store

import "strconv"

// rebind rewrites each ? placeholder in q to $1..$n, leaving ? inside quoted
// strings, quoted identifiers, dollar-quoted bodies and comments alone, so
// the portable SQL written for SQLite runs on PostgreSQL unchanged. Every
// other ? is a placeholder: write jsonb_exists(a, b), not PostgreSQL's
// jsonb ? operator.
func rebind(q string) string {
	if !hasQuestion(q) {
		return q
	}
	out := make([]byte, 0, len(q)+8)
	n := 0
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == '\'' || c == '"':
			j := skipQuoted(q, i, c)
			out = append(out, q[i:j]...)
			i = j
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			j := i
			for j < len(q) && q[j] != '\n' {
				j++
			}
			out = append(out, q[i:j]...)
			i = j
		case c == '/' && i+1 < len(q) && q[i+1] == '*':
			j := skipBlockComment(q, i)
			out = append(out, q[i:j]...)
			i = j
		case c == '$':
			j := skipDollarQuoted(q, i)
			out = append(out, q[i:j]...)
			i = j
		case c == '?':
			n++
			out = append(out, '$')
			out = strconv.AppendInt(out, int64(n), 10)
			i++
		default:
			out = append(out, c)
			i++
		}
	}
	return string(out)
}

func hasQuestion(q string) bool {
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			return true
		}
	}
	return false
}

// skipQuoted returns the index after the quoted run starting at q[i]; a
// doubled quote character inside stands for itself.
func skipQuoted(q string, i int, quote byte) int {
	for j := i + 1; j < len(q); j++ {
		if q[j] == quote {
			if j+1 < len(q) && q[j+1] == quote {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(q)
}

// skipBlockComment returns the index after the (possibly nested) /* */
// comment starting at q[i].
func skipBlockComment(q string, i int) int {
	depth := 0
	for j := i; j < len(q)-1; j++ {
		switch {
		case q[j] == '/' && q[j+1] == '*':
			depth++
			j++
		case q[j] == '*' && q[j+1] == '/':
			depth--
			j++
			if depth == 0 {
				return j + 1
			}
		}
	}
	return len(q)
}

// skipDollarQuoted returns the index after a $tag$...$tag$ body starting at
// q[i], or i+1 when the $ opens no such body (e.g. an existing $1).
func skipDollarQuoted(q string, i int) int {
	j := i + 1
	for j < len(q) && (q[j] == '_' || isAlnum(q[j])) {
		if j == i+1 && q[j] >= '0' && q[j] <= '9' {
			return i + 1
		}
		j++
	}
	if j >= len(q) || q[j] != '$' {
		return i + 1
	}
	tag := q[i : j+1]
	for k := j + 1; k+len(tag) <= len(q); k++ {
		if q[k:k+len(tag)] == tag {
			return k + len(tag)
		}
	}
	return len(q)
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
