// Package fakekey makes fake OpenAI API keys that have the shape of real
// ones, from a seed, so tests, rule examples and benchmarks never need a
// key written into the repository.
package fakekey

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// Marker is the base64 of "OpenAI" that every real key carries.
const Marker = "T3BlbkFJ"

const (
	alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	body  = alnum + "_-"
)

// Generator makes deterministic fake keys and filler from one seed.
type Generator struct {
	r *rand.Rand
}

// New returns a generator whose output depends only on seed.
func New(seed uint64) *Generator {
	return &Generator{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

// Rand exposes the generator's source for callers that need other choices
// from the same deterministic stream.
func (g *Generator) Rand() *rand.Rand { return g.r }

// Alnum returns n random letters and digits.
func (g *Generator) Alnum(n int) string { return g.pick(alnum, n) }

// Body returns n random characters of the alphabet of the newer keys
// (letters, digits, '_' and '-').
func (g *Generator) Body(n int) string { return g.pick(body, n) }

func (g *Generator) pick(set string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = set[g.r.IntN(len(set))]
	}
	return string(b)
}

// Legacy returns a key of the legacy form: "sk-", 20 letters and digits,
// the marker, 20 more.
func (g *Generator) Legacy() string {
	return "sk-" + g.Alnum(20) + Marker + g.Alnum(20)
}

// Prefixed returns a key of a newer form such as "sk-proj-": prefix, half
// characters, the marker, half more; real keys use half = 74 or 58.
func (g *Generator) Prefixed(prefix string, half int) string {
	return prefix + g.Body(half) + Marker + g.Body(half)
}

// Project returns a project key of today's length.
func (g *Generator) Project() string { return g.Prefixed("sk-proj-", 74) }

// ServiceAccount returns a service account key.
func (g *Generator) ServiceAccount() string { return g.Prefixed("sk-svcacct-", 74) }

// Admin returns an admin key.
func (g *Generator) Admin() string { return g.Prefixed("sk-admin-", 58) }

// Expand fills a rule example template: {key} becomes key, {key:u002d} the
// key with its hyphens written as JSON escapes, {alnum:N} and
// {body:N} become N random characters, {rep:C:N} becomes C repeated N times.
func (g *Generator) Expand(tmpl, key string) string {
	var out strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			out.WriteString(tmpl)
			return out.String()
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			out.WriteString(tmpl)
			return out.String()
		}
		out.WriteString(tmpl[:i])
		if s, ok := g.token(tmpl[i+1:i+j], key); ok {
			out.WriteString(s)
			tmpl = tmpl[i+j+1:]
			continue
		}
		out.WriteByte('{') // not a token: keep the brace and look further
		tmpl = tmpl[i+1:]
	}
}

// token expands the inside of one {…} token; ok is false for other text.
func (g *Generator) token(tok, key string) (string, bool) {
	parts := strings.Split(tok, ":")
	switch {
	case tok == "key":
		return key, true
	case tok == "key:u002d":
		return strings.ReplaceAll(key, "-", `\u002d`), true
	case len(parts) == 2 && (parts[0] == "alnum" || parts[0] == "body"):
		n, err := strconv.Atoi(parts[1])
		if err != nil {
			return "", false
		}
		if parts[0] == "alnum" {
			return g.Alnum(n), true
		}
		return g.Body(n), true
	case len(parts) == 3 && parts[0] == "rep" && len(parts[1]) == 1:
		n, err := strconv.Atoi(parts[2])
		if err != nil {
			return "", false
		}
		return strings.Repeat(parts[1], n), true
	}
	return "", false
}

// Holds reports whether out still holds a piece of key: any 12 characters
// of what follows its "sk-…-" prefix, with hyphens plain or escaped. Tests
// of redaction points use it on everything they read back.
func Holds(out, key string) bool {
	body := key
	if i := strings.LastIndex(key[:min(len(key), 12)], "-"); i >= 0 {
		body = key[i+1:]
	}
	plain := strings.ReplaceAll(out, `\u002d`, "-")
	for i := 0; i+12 <= len(body); i += 4 {
		if strings.Contains(plain, body[i:i+12]) {
			return true
		}
	}
	return false
}

// Keys returns a fresh key of each kind, by secret.Kind name.
func (g *Generator) Keys() map[string]string {
	return map[string]string{
		"project": g.Project(), "service_account": g.ServiceAccount(), "admin": g.Admin(), "legacy_user": g.Legacy(),
	}
}
