package openai

import (
	"encoding/json"
	"testing"

	"steward/backend/apperr"
)

func TestFromEnv(t *testing.T) {
	key := testKey(t)
	tests := []struct {
		name string
		env  map[string]string
		want Config
	}{
		{"Defaults", map[string]string{}, Config{BaseURL: DefaultBaseURL}},
		{"OK", map[string]string{
			"OPENAI_API_KEY": key, "OPENAI_BASE_URL": "http://127.0.0.1:8787/v1",
			"OPENAI_ORG_ID": "org-1", "OPENAI_PROJECT_ID": "proj_1",
		}, Config{APIKey: key, BaseURL: "http://127.0.0.1:8787/v1", Organization: "org-1", Project: "proj_1"}},
		{"TrimsSpaceAndEmptyBase", map[string]string{"OPENAI_API_KEY": " " + key + "\n", "OPENAI_BASE_URL": " "},
			Config{APIKey: key, BaseURL: DefaultBaseURL}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FromEnv(func(k string) string { return tt.env[k] })
			if got.APIKey != tt.want.APIKey || got.BaseURL != tt.want.BaseURL || got.Organization != tt.want.Organization || got.Project != tt.want.Project {
				t.Fatalf("FromEnv = %v; want %v", got, tt.want)
			}
		})
	}
}

func TestConfigNeverShowsKey(t *testing.T) {
	key := testKey(t)
	cfg := Config{BaseURL: DefaultBaseURL, APIKey: key, Project: "proj_1"}
	b, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	noKey(t, key, cfg, &cfg, string(b))
}

func TestNewRejectsBadConfig(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		code apperr.Code
	}{
		{"ErrNoKey", Config{BaseURL: DefaultBaseURL}, CodeKeyMissing},
		{"ErrBaseNotHTTP", Config{BaseURL: "ftp://example.com/v1", APIKey: testKey(t)}, apperr.Invalid},
		{"ErrBaseNoHost", Config{BaseURL: "http:///v1", APIKey: testKey(t)}, apperr.Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.cfg)
			if apperr.CodeOf(err) != tt.code {
				t.Fatalf("New err = %v; want code %s", err, tt.code)
			}
			noKey(t, tt.cfg.APIKey, err)
		})
	}
}
