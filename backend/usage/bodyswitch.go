package usage

import (
	"context"
	"sync"
	"time"
)

// BodyLoggingOn returns a cheap check of whether the team switched body
// logging on, for the gateway's hot path: the policy is read again at most
// every ttl.
func (s *Service) BodyLoggingOn(ttl time.Duration) func() bool {
	var mu sync.Mutex
	var at time.Time
	var on bool
	return func() bool {
		mu.Lock()
		defer mu.Unlock()
		if now := s.now(); at.IsZero() || now.Sub(at) >= ttl {
			p, err := s.Policy(context.Background())
			on, at = err == nil && p.BodyLogging.Enabled, now
		}
		return on
	}
}
