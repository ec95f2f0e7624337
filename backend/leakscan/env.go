package leakscan

import (
	"bytes"
	"path"
	"steward/backend/secret"
	"strings"
)

// envName is the variable the env rule looks for.
const envName = "OPENAI_API_KEY"

// isEnvFile reports whether the file at name is an env file (.env,
// .env.local, prod.env, .envrc), not a template such as .env.example.
func isEnvFile(name string) bool {
	base := strings.ToLower(path.Base(strings.ReplaceAll(name, `\`, "/")))
	if base != ".env" && base != ".envrc" && !strings.HasPrefix(base, ".env.") && !strings.HasSuffix(base, ".env") {
		return false
	}
	for _, part := range strings.Split(base, ".") {
		switch part {
		case "example", "examples", "sample", "template", "tmpl", "tpl", "dist", "defaults":
			return false
		}
	}
	return true
}

// findEnvAssignments appends to out each line of buf that assigns
// OPENAI_API_KEY a literal value. A value that is itself a key, already in
// keys, is left to the key rules.
func findEnvAssignments(buf []byte, keys []match, atStart, final bool, out []match) []match {
	i := 0
	for {
		j := bytes.Index(buf[i:], []byte(envName))
		if j < 0 {
			return out
		}
		p := i + j
		i = p + len(envName)
		if m, ok := envAssignmentAt(buf, p, atStart, final); ok && !holdsKey(keys, m.start, m.anchor) {
			out = append(out, m)
		}
	}
}

// envAssignmentAt reads the assignment whose variable name starts at p.
func envAssignmentAt(buf []byte, p int, atStart, final bool) (match, bool) {
	ls := bytes.LastIndexByte(buf[:p], '\n') + 1
	if ls == 0 && !atStart {
		return match{}, false
	}
	switch string(bytes.TrimSpace(buf[ls:p])) {
	case "", "export", "-":
	default:
		return match{}, false
	}
	q := p + len(envName)
	le := bytes.IndexByte(buf[q:], '\n')
	if le < 0 {
		if !final {
			return match{}, false
		}
		le = len(buf)
	} else {
		le += q
	}
	for q < le && (buf[q] == ' ' || buf[q] == '\t') {
		q++
	}
	if q >= le || buf[q] != '=' {
		return match{}, false
	}
	vs, ve := envValue(buf, q+1, le)
	if placeholderValue(string(buf[vs:ve])) {
		return match{}, false
	}
	return match{rule: RuleEnvAssignment, start: vs, end: ve, anchor: le}, true
}

// envValue is the span of the value after '=' at from, up to the line end:
// inside quotes, or up to a " #" comment, without surrounding blanks.
func envValue(buf []byte, from, le int) (int, int) {
	for from < le && (buf[from] == ' ' || buf[from] == '\t') {
		from++
	}
	end := le
	for end > from && (buf[end-1] == '\r' || buf[end-1] == ' ' || buf[end-1] == '\t') {
		end--
	}
	if from < end && (buf[from] == '"' || buf[from] == '\'') {
		if k := bytes.IndexByte(buf[from+1:end], buf[from]); k >= 0 {
			return from + 1, from + 1 + k
		}
		return from + 1, end
	}
	if k := bytes.Index(buf[from:end], []byte(" #")); k >= 0 {
		end = from + k
	}
	if k := bytes.Index(buf[from:end], []byte("\t#")); k >= 0 {
		end = from + k
	}
	for end > from && (buf[end-1] == ' ' || buf[end-1] == '\t') {
		end--
	}
	return from, end
}

// placeholderValue tells a made-up or indirect value (a reference to
// another variable, a secret manager, an example) from a literal secret.
func placeholderValue(v string) bool {
	if len(v) < 8 || strings.ContainsAny(v[:1], "$<{%[") || strings.Contains(v, "://") {
		return true
	}
	lower := strings.ToLower(v)
	for _, w := range []string{"your", "example", "placeholder", "changeme", "change_me", "change-me",
		"replace", "dummy", "fake", "redacted", "insert", "here", "xxxx", "...", "…", "***", "todo", "<", ">"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	b := []byte(v)
	return secret.LooksMadeUp(b)
}

// holdsKey reports whether a key match lies within [from, to).
func holdsKey(keys []match, from, to int) bool {
	for _, k := range keys {
		if k.start < to && k.end > from {
			return true
		}
	}
	return false
}
