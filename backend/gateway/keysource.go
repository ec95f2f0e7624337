package gateway

import (
	"context"
	"fmt"
	"sync"
	"time"

	"steward/backend/apperr"
	"steward/backend/secret"
)

// KeySource hands the gateway the upstream API key that replaces member
// tokens. The key must never be logged, stored or returned anywhere else.
type KeySource interface {
	UpstreamKey(ctx context.Context) (key string, err error)
}

// SecretFunc reads a registered key's secret by label; keys.Register.Secret
// is one.
type SecretFunc func(ctx context.Context, label string) (string, error)

// CodeNoUpstreamKey marks a gateway with no upstream key to swap in.
const CodeNoUpstreamKey apperr.Code = "gateway_upstream_key_missing"

// KeyFromVault is a KeySource reading the key labelled label through secret.
func KeyFromVault(secret SecretFunc, label string) KeySource {
	return vaultKey{secret: secret, label: label}
}

type vaultKey struct {
	secret SecretFunc
	label  string
}

func (v vaultKey) UpstreamKey(ctx context.Context) (string, error) {
	if v.label == "" || v.secret == nil {
		return "", apperr.Text(CodeNoUpstreamKey, "gateway.upstream_key",
			"No upstream key is set: choose which registered key the gateway uses for member tokens.",
			"尚未设置上游密钥：请选择网关为成员令牌使用的已登记密钥。")
	}
	k, err := v.secret(ctx, v.label)
	if err != nil {
		return "", fmt.Errorf("read the upstream key %q: %w", v.label, err)
	}
	return k, nil
}

// keyTTL is how long the upstream key is kept in memory between vault
// reads: reading the OS keychain on every call would cost milliseconds.
const keyTTL = time.Minute

// keyCache keeps the upstream key and its fingerprint for keyTTL.
type keyCache struct {
	src KeySource
	now func() time.Time

	mu  sync.Mutex
	key string
	fp  string
	at  time.Time
}

// get returns the key and its fingerprint, reading the source when the
// cached copy is stale.
func (c *keyCache) get(ctx context.Context) (key, fp string, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	if c.key != "" && now.Sub(c.at) < keyTTL && !now.Before(c.at) {
		return c.key, c.fp, nil
	}
	k, err := c.src.UpstreamKey(ctx)
	if err != nil {
		return "", "", err
	}
	c.key, c.fp, c.at = k, secret.Fingerprint(k), now
	return c.key, c.fp, nil
}

// drop forgets the key, after the upstream refused it (it may have been
// rotated).
func (c *keyCache) drop() {
	c.mu.Lock()
	c.key, c.fp = "", ""
	c.mu.Unlock()
}
