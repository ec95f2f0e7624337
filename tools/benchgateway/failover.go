package main

import (
	"context"
	"fmt"
	"net"
	"time"

	"steward/backend/gateway"
	"steward/backend/keys"
	"steward/backend/usage"
)

// deadURL is an address nothing listens on, so connections are refused at
// once, as with a primary that is down.
func deadURL() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	addr := ln.Addr().String()
	ln.Close()
	return "http://" + addr + "/v1", nil
}

// startFailoverGateway starts a gateway whose primary is primary and whose
// one fallback is up. A tiny breaker cooldown makes every call try the
// primary first (the failover path); the default keeps calls off a dead
// primary once its breaker opened.
func startFailoverGateway(ctx context.Context, name, primary, up string, cooldown time.Duration,
	reg *keys.Register, access *gateway.Access, tok string) (*target, error) {
	gw, err := gateway.New(gateway.Config{Listen: "127.0.0.1:0", Upstream: primary, UpstreamKeyLabel: "team", BreakerCooldown: cooldown},
		gateway.Deps{Access: access, Secret: reg.Secret, Lookup: reg.Lookup, Recorder: usage.RecorderFunc(func(usage.Event) {}),
			Fallbacks: []gateway.Provider{{Name: "fallback", BaseURL: up, KeyLabel: "team"}}})
	if err != nil {
		return nil, err
	}
	if err := gw.Start(ctx); err != nil {
		return nil, err
	}
	stop := func() {
		sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		_ = gw.Shutdown(sctx)
		st := gw.Stats()
		fmt.Printf("  (%s: %d failovers in %d requests)\n", name, st.Failovers, st.Requests)
	}
	return &target{name: name, base: gw.BaseURL(), cred: tok, stop: stop}, nil
}

// failoverTargets are the gateways that show what failover costs: one
// with a healthy primary and a fallback configured (the normal path with
// failover ready), one whose dead primary every call tries first, and one
// whose breaker keeps calls off the dead primary.
func failoverTargets(ctx context.Context, up string, reg *keys.Register, access *gateway.Access, tok string) ([]*target, error) {
	dead, err := deadURL()
	if err != nil {
		return nil, err
	}
	var out []*target
	for _, s := range []struct {
		name     string
		primary  string
		cooldown time.Duration
	}{
		{"gateway + fallback, primary healthy", up, 0},
		{"gateway, dead primary, every call", dead, time.Nanosecond},
		{"gateway, dead primary, breaker open", dead, 0},
	} {
		t, err := startFailoverGateway(ctx, s.name, s.primary, up, s.cooldown, reg, access, tok)
		if err != nil {
			for _, o := range out {
				o.stop()
			}
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}
