package gateway

import (
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	"steward/backend/apperr"
)

// Defaults for Config's zero fields.
const (
	DefaultListen           = "127.0.0.1:8787"
	DefaultUpstream         = "https://api.openai.com/v1"
	DefaultMaxBodyBytes     = 512 << 20 // the Files API's largest upload
	DefaultPolicyBodyBytes  = 32 << 20  // read whole for screening; larger bodies are refused when a policy must read them
	DefaultConnectTimeout   = 10 * time.Second
	DefaultFirstByteTimeout = 10 * time.Minute // a reasoning model may think for minutes before its first byte
	DefaultIdleTimeout      = 5 * time.Minute  // a long stream may pause between events
	DefaultBreakerCooldown  = time.Minute
)

// Ways to send the upstream key (Config.UpstreamAuth).
const (
	AuthAuto   = ""        // api-key for Azure upstreams or when the client used it, else Bearer
	AuthBearer = "bearer"  // Authorization: Bearer KEY
	AuthAPIKey = "api-key" // api-key: KEY (Azure OpenAI)
)

// Config says where the gateway listens, where it forwards and how. The zero
// value of every field means its default.
type Config struct {
	// Listen is the address to serve on. It is a loopback address unless
	// set otherwise; Warnings says so when it is not.
	Listen string `json:"listen"`
	// Upstream is the API root calls go to: OpenAI's, an Azure OpenAI
	// resource ("https://NAME.openai.azure.com", or ".../openai/v1") or any
	// compatible endpoint. /v1/X goes to Upstream/X; Azure's /openai/... paths
	// go to the same path on Upstream's host.
	Upstream string `json:"upstream"`
	// UpstreamKeyLabel is the label, in the key register, of the key that
	// replaces member tokens.
	UpstreamKeyLabel string `json:"upstream_key_label"`
	// UpstreamAuth is how the swapped-in key is sent: AuthAuto, AuthBearer or
	// AuthAPIKey.
	UpstreamAuth string `json:"upstream_auth"`
	// AddIncludeUsage sets stream_options.include_usage on streamed chat
	// completions that did not ask for usage, so their tokens are counted.
	// Off by default: bodies are forwarded byte for byte (see the package
	// documentation for what clients see when it is on).
	AddIncludeUsage bool `json:"add_include_usage"`
	// MaxBodyBytes is the largest request body forwarded; larger ones get
	// 413.
	MaxBodyBytes int64 `json:"max_body_bytes"`
	// PolicyBodyBytes is the largest body read whole when a member's policy
	// must look inside it (models, personal data, moderation).
	PolicyBodyBytes int64 `json:"-"`
	// ConnectTimeout bounds opening a connection to a provider.
	ConnectTimeout time.Duration `json:"connect_timeout"`
	// FirstByteTimeout bounds the wait for a provider's response headers;
	// a call that times out before anything was sent fails over, or gets
	// 504.
	FirstByteTimeout time.Duration `json:"first_byte_timeout"`
	// IdleTimeout bounds the gap between two reads of an answer's body.
	IdleTimeout time.Duration `json:"idle_timeout"`
	// BreakerCooldown is how long traffic stays off a provider after an
	// account-level failure before the gateway probes it again.
	BreakerCooldown time.Duration `json:"breaker_cooldown"`
	// NoSafetyIdentifiers stops the gateway adding safety_identifier to
	// member-token chat and Responses requests (on by default).
	NoSafetyIdentifiers bool `json:"no_safety_identifiers"`
	// ResponsesStoreFalse sets "store": false on Responses requests, so
	// OpenAI keeps nothing beyond abuse monitoring.
	ResponsesStoreFalse bool `json:"responses_store_false"`
	// BlocklistThreshold refuses an end user once moderation flagged this
	// many of their requests in a day, until released; 0 is off.
	BlocklistThreshold int `json:"blocklist_threshold"`
}

// withDefaults fills zero fields.
func (c Config) withDefaults() Config {
	if strings.TrimSpace(c.Listen) == "" {
		c.Listen = DefaultListen
	}
	if strings.TrimSpace(c.Upstream) == "" {
		c.Upstream = DefaultUpstream
	}
	c.Listen, c.Upstream = strings.TrimSpace(c.Listen), strings.TrimRight(strings.TrimSpace(c.Upstream), "/")
	c.UpstreamKeyLabel = strings.TrimSpace(c.UpstreamKeyLabel)
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.PolicyBodyBytes <= 0 {
		c.PolicyBodyBytes = DefaultPolicyBodyBytes
	}
	c.PolicyBodyBytes = min(c.PolicyBodyBytes, c.MaxBodyBytes)
	if c.FirstByteTimeout <= 0 {
		c.FirstByteTimeout = DefaultFirstByteTimeout
	}
	if c.IdleTimeout <= 0 {
		c.IdleTimeout = DefaultIdleTimeout
	}
	if c.ConnectTimeout <= 0 {
		c.ConnectTimeout = DefaultConnectTimeout
	}
	if c.BreakerCooldown <= 0 {
		c.BreakerCooldown = DefaultBreakerCooldown
	}
	return c
}

// CodeConfigInvalid marks a gateway setting that cannot be used.
const CodeConfigInvalid apperr.Code = "gateway_config_invalid"

// validate checks the settings and parses the upstream URL.
func (c Config) validate() (*url.URL, error) {
	const op = "gateway.config"
	if _, _, err := net.SplitHostPort(c.Listen); err != nil {
		return nil, apperr.Text(CodeConfigInvalid, op,
			fmt.Sprintf("The listen address %q is not host:port, e.g. 127.0.0.1:8787.", c.Listen),
			fmt.Sprintf("监听地址“%s”不是 主机:端口 格式，例如 127.0.0.1:8787。", c.Listen))
	}
	u, err := url.Parse(c.Upstream)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" {
		return nil, apperr.Text(CodeConfigInvalid, op,
			"The upstream must be an http(s) URL without a query, e.g. https://api.openai.com/v1.",
			"上游地址必须是不带查询参数的 http(s) 网址，例如 https://api.openai.com/v1。")
	}
	if u.User != nil {
		return nil, apperr.Text(CodeConfigInvalid, op,
			"The upstream URL must not contain a user name or password.",
			"上游地址中不能包含用户名或密码。")
	}
	switch c.UpstreamAuth {
	case AuthAuto, AuthBearer, AuthAPIKey:
	default:
		return nil, apperr.Text(CodeConfigInvalid, op,
			fmt.Sprintf("Upstream auth %q is not one of bearer or api-key.", c.UpstreamAuth),
			fmt.Sprintf("上游认证方式“%s”无效，只能是 bearer 或 api-key。", c.UpstreamAuth))
	}
	return u, nil
}

// Warnings lists what about the settings deserves a person's attention: a
// listen address other machines can reach, an upstream without TLS.
func (c Config) Warnings() []string {
	c = c.withDefaults()
	var out []string
	if host, _, err := net.SplitHostPort(c.Listen); err == nil && !isLoopback(host) {
		out = append(out, fmt.Sprintf("The gateway listens on %s, which other machines can reach. "+
			"Member tokens still guard it, but traffic between apps and the gateway is plain HTTP: "+
			"use it only on a trusted network, or put TLS in front of it.", c.Listen))
	}
	if u, err := url.Parse(c.Upstream); err == nil && u.Scheme == "http" && !isLoopback(u.Hostname()) {
		out = append(out, fmt.Sprintf("The upstream %s is plain HTTP: API keys and prompts travel unencrypted.", u.Redacted()))
	}
	return out
}

// isLoopback reports whether host names only this machine.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// azureHost reports whether host is an Azure OpenAI (or AI Foundry) endpoint.
func azureHost(host string) bool {
	host = strings.ToLower(host)
	for _, s := range []string{".openai.azure.com", ".cognitiveservices.azure.com", ".services.ai.azure.com"} {
		if strings.HasSuffix(host, s) {
			return true
		}
	}
	return false
}
