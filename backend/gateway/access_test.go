package gateway

import (
	"bytes"
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"steward/backend/apperr"
	"steward/backend/keys"
)

func TestCreateTokenStoresOnlyItsHash(t *testing.T) {
	e := newEnv(t, envOpts{noStart: true})
	tok, err := e.access.CreateToken(bg, "bob") // any case
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^stw_[0-9A-Za-z]{40}$`).MatchString(tok) {
		t.Fatalf("token %q has the wrong format", tok)
	}
	rows, err := e.st.Read().Query(`SELECT hash, prefix, created_at, last_used_at, revoked_at FROM gateway_tokens`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var cols [5]string
		if err := rows.Scan(&cols[0], &cols[1], &cols[2], &cols[3], &cols[4]); err != nil {
			t.Fatal(err)
		}
		for _, c := range cols {
			if strings.Contains(c, tok[len(TokenPrefix)+shownChars:]) {
				t.Fatalf("the table holds the token: %q", c)
			}
		}
	}
	list, err := e.access.Tokens(bg)
	if err != nil || len(list) != 2 || list[0].Member != "Bob" || list[0].Prefix != tok[:8]+"…" || !list[0].Active {
		t.Fatalf("Tokens = %+v, %v", list, err)
	}
}

func TestTokenErrors(t *testing.T) {
	e := newEnv(t, envOpts{noStart: true})
	if _, err := e.access.CreateToken(bg, "Nobody"); !apperr.Is(err, keys.CodeMemberUnknown) {
		t.Fatalf("unknown member: %v", err)
	}
	if err := e.access.RevokeToken(bg, 999); !apperr.Is(err, CodeTokenUnknown) {
		t.Fatalf("unknown token: %v", err)
	}
}

func TestRevokedAndRemovedMembersTokensStopWorking(t *testing.T) {
	e := newEnv(t, envOpts{})
	cyTok, _ := e.access.CreateToken(bg, "Cy")
	if resp, _ := e.do(t, http.MethodGet, "/v1/models", cyTok, nil); resp.StatusCode != 200 {
		t.Fatalf("Cy's token: %d", resp.StatusCode)
	}
	if err := e.reg.RemoveMember(bg, "Cy", keys.Decision{Action: keys.DecisionRevoke}); err != nil {
		t.Fatal(err)
	}
	e.access.forget() // removal happens in the key register; the cache would notice within its TTL
	resp, body := e.do(t, http.MethodGet, "/v1/models", cyTok, nil)
	wantAPIError(t, resp, body, 401, ReasonInvalidKey)

	list, _ := e.access.Tokens(bg)
	if err := e.access.RevokeToken(bg, list[len(list)-1].ID); err != nil { // Ada's, the oldest
		t.Fatal(err)
	}
	resp, body = e.do(t, http.MethodGet, "/v1/models", e.adaToken, nil)
	wantAPIError(t, resp, body, 401, ReasonInvalidKey)
	list, _ = e.access.Tokens(bg)
	for _, tk := range list {
		if tk.Active {
			t.Fatalf("token still active: %+v", tk)
		}
	}
}

func TestTokenLastUsedIsRecorded(t *testing.T) {
	e := newEnv(t, envOpts{})
	e.do(t, http.MethodGet, "/v1/models", e.adaToken, nil)
	deadline := time.Now().Add(5 * time.Second)
	for {
		list, _ := e.access.Tokens(bg)
		if list[0].LastUsedAt != "" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("last used never written")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestSetPolicy(t *testing.T) {
	e := newEnv(t, envOpts{noStart: true})
	tests := []struct {
		name string
		in   Policy
		code apperr.Code
	}{
		{"OK", Policy{Member: "ada", RequestsPerMinute: 60, AllowedModels: []string{" gpt-4o ", "gpt-4o", "o3*"}, PII: PIIRedact}, ""},
		{"ErrNegative", Policy{Member: "Ada", TokensPerDay: -1}, CodePolicyInvalid},
		{"ErrModeration", Policy{Member: "Ada", Moderation: "warn"}, CodePolicyInvalid},
		{"ErrPII", Policy{Member: "Ada", PII: "mask"}, CodePolicyInvalid},
		{"ErrMemberUnknown", Policy{Member: "Zed", RequestsPerMinute: 1}, keys.CodeMemberUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.access.SetPolicy(bg, tt.in)
			if tt.code == "" && err != nil || tt.code != "" && !apperr.Is(err, tt.code) {
				t.Fatalf("err = %v; want %q", err, tt.code)
			}
		})
	}
	list, err := e.access.Policies(bg)
	if err != nil || len(list) != 1 {
		t.Fatalf("Policies = %+v, %v", list, err)
	}
	if p := list[0]; p.Member != "Ada" || strings.Join(p.AllowedModels, ",") != "gpt-4o,o3*" || p.Moderation != ModerationOff || p.UpdatedAt == "" {
		t.Fatalf("policy = %+v", p)
	}
	if _, err := e.access.SetPolicy(bg, Policy{Member: "Ada"}); err != nil {
		t.Fatal(err)
	}
	if list, _ := e.access.Policies(bg); len(list) != 0 {
		t.Fatalf("an empty policy was kept: %+v", list)
	}
}

func TestSavedConfig(t *testing.T) {
	e := newEnv(t, envOpts{noStart: true})
	got, err := e.access.SavedConfig(bg)
	if err != nil || got.Listen != DefaultListen || got.Upstream != DefaultUpstream || got.AddIncludeUsage {
		t.Fatalf("default = %+v, %v", got, err)
	}
	want := Config{Listen: "127.0.0.1:9999", Upstream: "https://example.openai.azure.com/", UpstreamKeyLabel: "team", AddIncludeUsage: true}
	if _, err := e.access.SaveConfig(bg, want); err != nil {
		t.Fatal(err)
	}
	got, _ = e.access.SavedConfig(bg)
	if got.Listen != want.Listen || got.Upstream != "https://example.openai.azure.com" || !got.AddIncludeUsage || got.UpstreamKeyLabel != "team" {
		t.Fatalf("saved = %+v", got)
	}
	for _, bad := range []Config{{Listen: "8787"}, {Upstream: "ftp://x"}, {Upstream: "https://u:p@x"}, {UpstreamAuth: "basic"}} {
		if _, err := e.access.SaveConfig(bg, bad); !apperr.Is(err, CodeConfigInvalid) {
			t.Errorf("SaveConfig(%+v) = %v", bad, err)
		}
	}
}

func TestWarnings(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		want string
	}{
		{"LoopbackIsQuiet", Config{}, ""},
		{"LocalhostIsQuiet", Config{Listen: "localhost:8787"}, ""},
		{"IPv6LoopbackIsQuiet", Config{Listen: "[::1]:8787"}, ""},
		{"AllInterfacesWarn", Config{Listen: "0.0.0.0:8787"}, "other machines can reach"},
		{"EmptyHostWarns", Config{Listen: ":8787"}, "other machines can reach"},
		{"LANAddressWarns", Config{Listen: "192.168.1.5:8787"}, "other machines can reach"},
		{"PlainHTTPUpstreamWarns", Config{Upstream: "http://proxy.example.com/v1"}, "plain HTTP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(tt.cfg.Warnings(), " ")
			if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
				t.Fatalf("warnings = %q; want %q", got, tt.want)
			}
		})
	}
}

func TestScreenStartsWithSavedSettings(t *testing.T) {
	e := newEnv(t, envOpts{noStart: true})
	if _, err := e.access.SaveConfig(bg, Config{Listen: "127.0.0.1:0", Upstream: e.up.URL, UpstreamKeyLabel: "team"}); err != nil {
		t.Fatal(err)
	}
	s := NewScreen(Deps{Access: e.access, Secret: e.reg.Secret, Lookup: e.reg.Lookup, Recorder: e.rec}, func() context.Context { return bg })
	if st := s.Status(); st.Running || st.BaseURL != "" {
		t.Fatalf("status before start = %+v", st)
	}
	st, err := s.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Stop() })
	if !st.Running || !strings.HasPrefix(st.BaseURL, "http://127.0.0.1:") || !strings.HasSuffix(st.BaseURL, "/v1") {
		t.Fatalf("status = %+v", st)
	}
	tok, err := s.CreateToken("Cy")
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequestWithContext(bg, http.MethodGet, st.BaseURL+"/models", nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	if resp, body := send(t, req); resp.StatusCode != 200 || !bytes.Contains(body, []byte("gpt-4o")) {
		t.Fatalf("call through the screen's gateway: %d", resp.StatusCode)
	}
	if st := s.Status(); st.Stats.Requests != 1 {
		t.Fatalf("stats = %+v", st.Stats)
	}
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	if st := s.Status(); st.Running {
		t.Fatalf("still running: %+v", st)
	}
	if st, err := s.Start(); err != nil || !st.Running { // a stopped gateway can be started again
		t.Fatalf("restart: %+v %v", st, err)
	}
}

func TestGatewayWarnsWithoutAnUpstreamKey(t *testing.T) {
	e := newEnv(t, envOpts{noStart: true})
	gw, err := New(Config{Listen: "0.0.0.0:0"}, Deps{Access: e.access})
	if err != nil {
		t.Fatal(err)
	}
	if w := strings.Join(gw.Warnings(), " "); !strings.Contains(w, "No upstream key") || !strings.Contains(w, "other machines") {
		t.Fatalf("warnings = %q", w)
	}
	if w := e.gw.Warnings(); len(w) != 0 {
		t.Fatalf("warnings = %q", w)
	}
}
