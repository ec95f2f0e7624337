package gateway

import (
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"steward/backend/apperr"
	"steward/backend/keys"
	"steward/backend/store"
)

// Error codes of the gateway's stored state, shared by the GUI and the CLI.
const (
	CodeTokenUnknown  apperr.Code = "gateway_token_unknown"
	CodePolicyInvalid apperr.Code = "gateway_policy_invalid"
)

// Directory is the team's member list; keys.Register is one. The gateway
// asks it rather than reading the members table itself.
type Directory interface {
	Member(ctx context.Context, name string) (keys.Member, error)
	Members(ctx context.Context) ([]keys.Member, error)
}

// Access is who may use the gateway and on what terms: member tokens (kept
// only as SHA-256 hashes), per-member policies, and the gateway's saved
// settings. The gateway consults it on every call through short-lived
// caches, so a token revoked or a policy changed from another process (the
// CLI while the GUI serves, or another replica on the same PostgreSQL
// database) takes effect within CacheTTL, 4 seconds by default: under the
// 5 seconds a revocation may take to reach every replica.
type Access struct {
	st   *store.Store
	dir  Directory
	now  func() time.Time
	rand io.Reader
	ttl  time.Duration

	mu     sync.RWMutex
	tokens map[string]tokenEntry // by token hash

	pmu        sync.RWMutex
	policies   map[string]Policy // by lower-case member name
	policiesAt time.Time
}

// DefaultCacheTTL is how long a token or policy answer is reused: short
// enough that a revocation made through one replica stops the token on
// every replica within 5 seconds.
const DefaultCacheTTL = 4 * time.Second

// AccessOptions adjusts NewAccess; the zero value is the production setting.
type AccessOptions struct {
	Now      func() time.Time // clock; time.Now by default
	Rand     io.Reader        // token randomness; crypto/rand by default
	CacheTTL time.Duration    // how long a token or policy check is reused; DefaultCacheTTL by default
}

// NewAccess returns the gateway's access register over the store, naming
// members through dir.
func NewAccess(st *store.Store, dir Directory, opts AccessOptions) *Access {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Rand == nil {
		opts.Rand = rand.Reader
	}
	if opts.CacheTTL <= 0 {
		opts.CacheTTL = DefaultCacheTTL
	}
	return &Access{st: st, dir: dir, now: opts.Now, rand: opts.Rand, ttl: opts.CacheTTL, tokens: map[string]tokenEntry{}}
}

func (a *Access) stamp() string { return a.now().UTC().Format(time.RFC3339) }

// memberNames maps current members' ids to their names.
func (a *Access) memberNames(ctx context.Context) (map[int64]string, error) {
	ms, err := a.dir.Members(ctx)
	if err != nil {
		return nil, fmt.Errorf("list members: %w", err)
	}
	out := make(map[int64]string, len(ms))
	for _, m := range ms {
		out[m.ID] = m.Name
	}
	return out, nil
}

// forget drops every cached token and policy, after a change made here.
func (a *Access) forget() {
	a.mu.Lock()
	clear(a.tokens)
	a.mu.Unlock()
	a.pmu.Lock()
	a.policies = nil
	a.pmu.Unlock()
}

func lower(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
