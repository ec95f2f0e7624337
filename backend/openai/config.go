// Package openai is Steward's one configured client for the OpenAI API (or
// Azure OpenAI, or any compatible endpoint). go-openai does models and
// chat; moderation has its own request and response types, because
// go-openai's are behind the API. Every HTTP attempt goes through one
// transport that adds auth, waits on a client-side rate limiter, retries
// what is worth retrying, and reports a CallInfo to an observer so usage
// can be logged. The API key never appears in errors, logs or CallInfo:
// only its fingerprint does.
package openai

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"steward/backend/apperr"
	"steward/backend/secret"
)

// DefaultBaseURL is where the official SDKs send requests by default.
const DefaultBaseURL = "https://api.openai.com/v1"

// Config says where and as whom to call the API.
type Config struct {
	// BaseURL is the API root, e.g. "https://api.openai.com/v1", a gateway
	// such as "http://127.0.0.1:8787/v1", or an Azure resource endpoint.
	BaseURL string `json:"base_url"`
	// APIKey authenticates every call. It is never logged or shown; String
	// prints its redacted form.
	APIKey       string `json:"-"`
	Organization string `json:"organization,omitempty"` // sent as OpenAI-Organization
	Project      string `json:"project,omitempty"`      // sent as OpenAI-Project
	// AzureDeployment and APIVersion switch to Azure OpenAI: requests go to
	// {BaseURL}/openai/deployments/{AzureDeployment}/...?api-version=... with
	// an api-key header.
	AzureDeployment string `json:"azure_deployment,omitempty"`
	APIVersion      string `json:"api_version,omitempty"`
	// HTTPClient carries the requests; nil means a client with no overall
	// timeout (calls are bounded by their context).
	HTTPClient *http.Client `json:"-"`
}

// FromEnv reads OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_ORG_ID and
// OPENAI_PROJECT_ID as the official SDKs do; an unset or empty base URL
// means DefaultBaseURL.
func FromEnv(getenv func(string) string) Config {
	cfg := Config{
		APIKey:       strings.TrimSpace(getenv("OPENAI_API_KEY")),
		BaseURL:      strings.TrimSpace(getenv("OPENAI_BASE_URL")),
		Organization: strings.TrimSpace(getenv("OPENAI_ORG_ID")),
		Project:      strings.TrimSpace(getenv("OPENAI_PROJECT_ID")),
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	return cfg
}

// Azure reports whether the config targets Azure OpenAI.
func (c Config) Azure() bool { return c.AzureDeployment != "" || c.APIVersion != "" }

// String describes the config with the key redacted, so that printing a
// Config with %v or %+v cannot leak the key.
func (c Config) String() string {
	key := "(none)"
	if c.APIKey != "" {
		key = secret.Redact(c.APIKey)
	}
	s := fmt.Sprintf("openai.Config{BaseURL: %s, APIKey: %s", c.BaseURL, key)
	if c.Organization != "" {
		s += ", Organization: " + c.Organization
	}
	if c.Project != "" {
		s += ", Project: " + c.Project
	}
	if c.Azure() {
		s += fmt.Sprintf(", AzureDeployment: %s, APIVersion: %s", c.AzureDeployment, c.APIVersion)
	}
	return s + "}"
}

// GoString is String, for %#v.
func (c Config) GoString() string { return c.String() }

// validate checks the config and returns the parsed base URL.
func (c Config) validate() (*url.URL, error) {
	if c.APIKey == "" {
		return nil, apperr.Text(CodeKeyMissing, "openai.config",
			"No OpenAI API key is set. Add one in Settings or set OPENAI_API_KEY.",
			"未设置 OpenAI API 密钥。请在设置中添加，或设置环境变量 OPENAI_API_KEY。")
	}
	base := c.BaseURL
	if base == "" {
		base = DefaultBaseURL
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		e := apperr.Text(apperr.Invalid, "openai.config",
			fmt.Sprintf("The API base URL %q is not an http(s) URL.", base),
			fmt.Sprintf("API 基础地址 %q 不是有效的 http(s) 地址。", base))
		e.Err = err
		return nil, e
	}
	u.Path = strings.TrimRight(u.Path, "/")
	return u, nil
}
