package gateway

import (
	"net/http"
	"strings"
)

// canonicalPath reports why a request path is not in the one form the
// gateway forwards, or "" when it is. Policies are applied to the path as
// the gateway routes it; an upstream (or a proxy before it) that resolved
// "." and ".." segments, empty segments, a trailing slash or encoded
// separators differently would read another path than the one checked, so
// such paths are refused rather than guessed at.
func canonicalPath(r *http.Request) string {
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") {
		return "it does not start with /"
	}
	if strings.ContainsAny(p, "\\\x00") {
		return "it contains a backslash or a NUL"
	}
	for _, seg := range strings.Split(p[1:], "/") {
		switch seg {
		case "":
			return "it has an empty segment or a trailing slash"
		case ".", "..":
			return "it has a . or .. segment"
		}
	}
	if raw := strings.ToLower(r.URL.RawPath); raw != "" {
		for _, enc := range []string{"%2e", "%2f", "%5c", "%00"} {
			if strings.Contains(raw, enc) {
				return "it encodes a dot, slash or backslash"
			}
		}
	}
	return ""
}

// badPath is the 400 for a path the gateway does not forward.
func badPath(r *http.Request, why string) apiError {
	return invalidRequest(http.StatusBadRequest, ReasonBadPath, "", "Steward's gateway forwards only canonical paths, "+
		"and "+r.URL.EscapedPath()+" is not one: "+why+". Use the path as the API documents it, "+
		"e.g. /v1/chat/completions.")
}
