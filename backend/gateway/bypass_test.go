package gateway

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// Issue 10, item 7: a JSON body labelled as something else is still the
// body the upstream reads, so the allowed-models check reads it too.
func TestAllowedModelsReadsBodyWhateverItsContentType(t *testing.T) {
	for _, ct := range []string{"text/plain", "application/x-www-form-urlencoded", "", "application/octet-stream"} {
		t.Run("ContentType="+ct, func(t *testing.T) {
			e := newEnv(t, envOpts{})
			setPolicy(t, e, Policy{Member: "Ada", AllowedModels: []string{"gpt-4o-mini"}})
			b, _ := json.Marshal(map[string]any{"model": "gpt-4o", "messages": []map[string]string{{"role": "user", "content": "hi"}}})
			req, _ := http.NewRequestWithContext(bg, http.MethodPost, e.root+"/v1/chat/completions", bytes.NewReader(b))
			req.Header.Set("Authorization", "Bearer "+e.adaToken)
			if ct != "" {
				req.Header.Set("Content-Type", ct)
			}
			resp, body := send(t, req)
			wantAPIError(t, resp, body, http.StatusForbidden, ReasonModelNotAllowed)
			if n := len(e.up.Requests()); n != 0 {
				t.Fatalf("the upstream saw %d calls", n)
			}
		})
	}
}

func TestAllowedModelsReadsEscapedKeys(t *testing.T) {
	e := newEnv(t, envOpts{})
	setPolicy(t, e, Policy{Member: "Ada", AllowedModels: []string{"gpt-4o-mini"}})
	body := `{"mod\u0065l":"gpt-4o","messages":[{"role":"user","content":"hi"}]}`
	resp, b := e.do(t, http.MethodPost, "/v1/chat/completions", e.adaToken, body)
	wantAPIError(t, resp, b, http.StatusForbidden, ReasonModelNotAllowed)
}

func TestPersonalDataScreenReadsTextPlainBodies(t *testing.T) {
	e := newEnv(t, envOpts{})
	setPolicy(t, e, Policy{Member: "Ada", PII: PIIBlock})
	b, _ := json.Marshal(chat("Write to ada.lovelace@example.com", false, false))
	req, _ := http.NewRequestWithContext(bg, http.MethodPost, e.root+"/v1/chat/completions", bytes.NewReader(b))
	req.Header.Set("Authorization", "Bearer "+e.adaToken)
	req.Header.Set("Content-Type", "text/plain")
	resp, body := send(t, req)
	wantAPIError(t, resp, body, http.StatusBadRequest, ReasonPIIBlocked)
}

// rawRequest sends a request line exactly as written, as an attacker's
// client would, and returns the status and body.
func rawRequest(t *testing.T, e *env, method, target, token string, body []byte) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", e.gw.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var b strings.Builder
	b.WriteString(method + " " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer " + token + "\r\n")
	b.WriteString("Content-Type: application/json\r\nContent-Length: " + itoa(len(body)) + "\r\n\r\n")
	if _, err := conn.Write(append([]byte(b.String()), body...)); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufioReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out := new(bytes.Buffer)
	_, _ = out.ReadFrom(resp.Body)
	return resp.StatusCode, out.String()
}

// Issue 10, items 7 and 8: only canonical paths are forwarded; paths that
// would read as another operation, or leave /v1/ or the Azure deployment
// prefix, are refused with 400 before anything reaches the upstream.
func TestNonCanonicalPathsAreRefused(t *testing.T) {
	paths := []string{
		"/v1/chat/completions/",
		"/v1/./chat/completions",
		"/v1/x/../chat/completions",
		"/v1//chat/completions",
		"/v1/%2e%2e/admin",
		"/v1/%2E/chat/completions",
		"/v1/chat%2fcompletions",
		"/v1/../admin",
		"/v1/x/%2e%2e/%2e%2e/admin",
		"/openai/deployments/x/../../../admin",
		"/openai/deployments/x/%2e%2e/%2e%2e/%2e%2e/admin",
	}
	e := newEnv(t, envOpts{})
	setPolicy(t, e, Policy{Member: "Ada", PII: PIIBlock})
	body, _ := json.Marshal(chat("Write to ada.lovelace@example.com", false, false))
	for _, p := range paths {
		status, out := rawRequest(t, e, http.MethodPost, p, e.adaToken, body)
		if status != http.StatusBadRequest || !strings.Contains(out, `"code":"`+ReasonBadPath+`"`) ||
			!strings.Contains(out, `"type":"invalid_request_error"`) {
			t.Errorf("%s: %d %s", p, status, out)
		}
	}
	if n := len(e.up.Requests()); n != 0 {
		t.Fatalf("the upstream saw %d calls", n)
	}
	// The canonical path still works, and is screened.
	status, out := rawRequest(t, e, http.MethodPost, "/v1/chat/completions", e.adaToken, body)
	if status != http.StatusBadRequest || !strings.Contains(out, ReasonPIIBlocked) {
		t.Fatalf("canonical: %d %s", status, out)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func bufioReader(c net.Conn) *bufio.Reader { return bufio.NewReader(c) }
