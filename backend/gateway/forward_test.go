package gateway

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"steward/backend/openaitest"
	"steward/backend/secret"
	"steward/backend/usage"
)

func TestForwardsEveryPathAndMethod(t *testing.T) {
	e := newEnv(t, envOpts{})
	tests := []struct {
		name, method, path string
		body               any
		status             int
	}{
		{"ModelsList", http.MethodGet, "/v1/models", nil, 200},
		{"ModelRetrieve", http.MethodGet, "/v1/models/gpt-4o-mini", nil, 200},
		{"Chat", http.MethodPost, "/v1/chat/completions", chat("hi", false, false), 200},
		{"Responses", http.MethodPost, "/v1/responses", map[string]any{"model": "gpt-4o", "input": "hi"}, 200},
		{"Embeddings", http.MethodPost, "/v1/embeddings", map[string]any{"model": "text-embedding-3-small", "input": "hi"}, 200},
		{"Moderations", http.MethodPost, "/v1/moderations", map[string]any{"input": "hello"}, 200},
		{"FilesListWithQuery", http.MethodGet, "/v1/files?purpose=batch&limit=2", nil, 404},
		{"FileDelete", http.MethodDelete, "/v1/files/file-abc123", nil, 404},
		{"ImagesGenerate", http.MethodPost, "/v1/images/generations", map[string]any{"prompt": "a cat"}, 404},
		{"MalformedJSONForwardedUnchanged", http.MethodPost, "/v1/chat/completions", `{"model": "gpt-4o-mini", "messages": [`, 400},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := e.do(t, tt.method, tt.path, e.adaToken, tt.body)
			if resp.StatusCode != tt.status {
				t.Fatalf("status = %d; want %d: %s", resp.StatusCode, tt.status, body)
			}
			if resp.Header.Get("x-request-id") == "" {
				t.Error("the upstream's x-request-id did not come through")
			}
			log := e.up.Requests()
			got := log[len(log)-1]
			path, query, _ := strings.Cut(tt.path, "?")
			if got.Method != tt.method || got.Path != path || got.Query != query {
				t.Fatalf("upstream saw %s %s?%s; want %s %s", got.Method, got.Path, got.Query, tt.method, tt.path)
			}
			if b, ok := tt.body.(string); ok && got.BodySize != len(b) {
				t.Fatalf("upstream got %d body bytes; want %d unchanged", got.BodySize, len(b))
			}
			ev := e.rec.last(t, i+1)
			if ev.Method != tt.method || ev.Endpoint != path || ev.Status != tt.status || ev.Source != usage.SourceGateway {
				t.Fatalf("event = %+v", ev)
			}
		})
	}
}

func TestMultipartUploadStreamsThrough(t *testing.T) {
	e := newEnv(t, envOpts{})
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("model", "gpt-4o-transcribe")
	fw, _ := mw.CreateFormFile("file", "audio.mp3")
	_, _ = fw.Write(bytes.Repeat([]byte{0xff, 0xfb, 0x90}, 200_000)) // larger than the read-ahead window
	_ = mw.Close()
	req, _ := http.NewRequestWithContext(bg, http.MethodPost, e.url+"/audio/transcriptions", bytes.NewReader(buf.Bytes()))
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+e.adaToken)
	resp, _ := send(t, req)
	if resp.StatusCode != http.StatusNotFound { // openaitest has no audio endpoint: its own 404 comes back
		t.Fatalf("status = %d", resp.StatusCode)
	}
	log := e.up.Requests()
	if got := log[len(log)-1]; got.BodySize != buf.Len() || got.Path != "/v1/audio/transcriptions" {
		t.Fatalf("upstream got %s with %d bytes; want %d", got.Path, got.BodySize, buf.Len())
	}
	if ev := e.rec.last(t, 1); ev.Model != "gpt-4o-transcribe" {
		t.Fatalf("model = %q; want it read from the form", ev.Model)
	}
}

func TestMemberTokenIsSwappedForTheUpstreamKey(t *testing.T) {
	e := newEnv(t, envOpts{})
	resp, body := e.do(t, http.MethodPost, "/v1/chat/completions", e.adaToken, chat("hello", false, false))
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	got := e.up.Requests()[0]
	if got.KeyFingerprint != secret.Fingerprint(e.teamKey) {
		t.Fatal("the upstream did not see the team key")
	}
	for k, v := range resp.Header {
		if strings.Contains(strings.Join(v, " "), e.teamKey) {
			t.Fatalf("header %s carries the team key", k)
		}
	}
	if bytes.Contains(body, []byte(e.teamKey)) || bytes.Contains(body, []byte(e.adaToken)) {
		t.Fatal("the answer carries a key or token")
	}
	ev := e.rec.last(t, 1)
	if ev.Member != "Ada" || ev.KeyFingerprint != secret.Fingerprint(e.teamKey) {
		t.Fatalf("event member %q fingerprint %q", ev.Member, ev.KeyFingerprint)
	}
}

func TestOwnKeyPassesThroughAttributedByFingerprint(t *testing.T) {
	e := newEnv(t, envOpts{})
	stranger := testKey(t)
	tests := []struct {
		name, key, member string
		status            int
	}{
		{"RegisteredKey", e.bobKey, "Bob", 200},
		{"UnregisteredKeyUpstreamRefuses", stranger, "", 401},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := e.do(t, http.MethodGet, "/v1/models", tt.key, nil)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			ev := e.rec.last(t, i+1)
			if ev.Member != tt.member || ev.KeyFingerprint != secret.Fingerprint(tt.key) {
				t.Fatalf("event member %q fingerprint %q", ev.Member, ev.KeyFingerprint)
			}
		})
	}
	if got := e.up.Requests()[0]; got.KeyFingerprint != secret.Fingerprint(e.bobKey) {
		t.Fatal("the upstream did not get Bob's own key")
	}
}

func TestUnknownCredentialsGet401InOpenAIShape(t *testing.T) {
	e := newEnv(t, envOpts{})
	revoked, _ := e.access.CreateToken(bg, "Cy")
	toks, _ := e.access.Tokens(bg)
	if err := e.access.RevokeToken(bg, toks[0].ID); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, header, value string }{
		{"NoCredential", "", ""},
		{"UnknownToken", "Authorization", "Bearer stw_" + strings.Repeat("x", 40)},
		{"RevokedToken", "Authorization", "Bearer " + revoked},
		{"NotAKey", "Authorization", "Bearer hello"},
		{"BasicAuth", "Authorization", "Basic dXNlcjpwYXNz"},
		{"UnknownTokenInAPIKeyHeader", "api-key", "stw_" + strings.Repeat("y", 40)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequestWithContext(bg, http.MethodGet, e.url+"/models", nil)
			if tt.header != "" {
				req.Header.Set(tt.header, tt.value)
			}
			resp, body := send(t, req)
			got := wantAPIError(t, resp, body, http.StatusUnauthorized, "invalid_api_key")
			if got.Error.Type != "invalid_request_error" || string(got.Error.Param) != "null" {
				t.Fatalf("error = %s", body)
			}
			if len(tt.value) > 30 && strings.Contains(string(body), tt.value[len(tt.value)-20:]) {
				t.Fatal("the 401 repeats the credential")
			}
		})
	}
	if n := len(e.up.Requests()); n != 0 {
		t.Fatalf("the upstream saw %d requests", n)
	}
	ev := e.rec.last(t, len(tests))
	if ev.ErrorType != ReasonInvalidKey || ev.Status != 401 {
		t.Fatalf("event = %+v", ev)
	}
}

func TestNonAPIPathGets404(t *testing.T) {
	e := newEnv(t, envOpts{})
	resp, body := e.do(t, http.MethodGet, "/health", e.adaToken, nil)
	wantAPIError(t, resp, body, http.StatusNotFound, ReasonNotFound)
}

func TestAzureDeploymentPathAndAPIKeyHeader(t *testing.T) {
	e := newEnv(t, envOpts{baseURL: func(e *env) string { return e.up.Root }})
	body, _ := json.Marshal(map[string]any{"messages": []map[string]any{{"role": "user", "content": "hi"}}})
	req, _ := http.NewRequestWithContext(bg, http.MethodPost,
		e.root+"/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("api-key", e.adaToken)
	resp, out := send(t, req)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, out)
	}
	got := e.up.Requests()[0]
	if got.Path != "/openai/deployments/gpt-4o-mini/chat/completions" || got.Query != "api-version=2024-10-21" {
		t.Fatalf("upstream saw %s?%s", got.Path, got.Query)
	}
	if got.KeyFingerprint != secret.Fingerprint(e.teamKey) || got.Header.Get("Authorization") != "" {
		t.Fatal("the team key did not go in the api-key header")
	}
	ev := e.rec.last(t, 1)
	if ev.Endpoint != "/v1/chat/completions" || ev.Model != "gpt-4o-mini" || ev.Member != "Ada" ||
		ev.InputTokens != int64(openaitest.CountTokens("hi")) {
		t.Fatalf("event = %+v", ev)
	}
}

// echoHeaders is an upstream that answers with the request headers it got.
func echoHeaders(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(r.Header)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestHeadersForwarded(t *testing.T) {
	up := echoHeaders(t)
	e := newEnv(t, envOpts{baseURL: func(*env) string { return up.URL + "/v1" }})
	tests := []struct {
		name      string
		auth      string
		extra     map[string]string
		wantAuth  string
		wantNoKey string // a header that must not arrive
	}{
		{"MemberToken", "Bearer " + e.adaToken, nil, "Bearer " + e.teamKey, "Api-Key"},
		{"OwnKeyUnchanged", "Bearer " + e.bobKey, nil, "Bearer " + e.bobKey, ""},
		{"OwnKeyWithATokenBeside", "Bearer " + e.bobKey, map[string]string{"api-key": e.adaToken}, "Bearer " + e.bobKey, "Api-Key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequestWithContext(bg, http.MethodGet, e.url+"/models", nil)
			req.Header.Set("Authorization", tt.auth)
			req.Header.Set("OpenAI-Organization", "org-x")
			req.Header.Set("Accept-Encoding", "gzip")
			req.Header.Set("Connection", "keep-alive, X-Hop")
			req.Header.Set("X-Hop", "1")
			for k, v := range tt.extra {
				req.Header.Set(k, v)
			}
			resp, body := send(t, req)
			var got http.Header
			if err := json.Unmarshal(body, &got); err != nil || resp.StatusCode != 200 {
				t.Fatalf("%d %s", resp.StatusCode, body)
			}
			if got.Get("Authorization") != tt.wantAuth || got.Get("OpenAI-Organization") != "org-x" ||
				got.Get("Accept-Encoding") != "" || got.Get("X-Hop") != "" {
				t.Fatalf("upstream got %v", got)
			}
			if tt.wantNoKey != "" && got.Get(tt.wantNoKey) != "" {
				t.Fatalf("upstream got %s", tt.wantNoKey)
			}
		})
	}
}
