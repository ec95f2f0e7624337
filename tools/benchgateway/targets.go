package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"steward/backend/gateway"
	"steward/backend/keys"
	"steward/backend/store"
	"steward/backend/usage"
	"steward/tools/internal/benchload"
)

// target is somewhere the load goes: the upstream itself, a gateway, or the
// plain reverse proxy.
type target struct {
	name string
	base string // ".../v1"
	cred string // what the client sends as its bearer credential
	rows func() (logged, dropped int64)
	stop func()
}

func (t *target) endpoint() benchload.Endpoint    { return benchload.Endpoint{Base: t.base, Cred: t.cred} }
func (t *target) endpoints() []benchload.Endpoint { return []benchload.Endpoint{t.endpoint()} }

// memVault is an in-memory keys.Vault for the benchmark's key register.
type memVault struct {
	mu sync.Mutex
	m  map[string]string
}

func (v *memVault) Set(a, s string) error { v.mu.Lock(); defer v.mu.Unlock(); v.m[a] = s; return nil }
func (v *memVault) Get(a string) (string, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if s, ok := v.m[a]; ok {
		return s, nil
	}
	return "", keys.ErrNotFound
}
func (v *memVault) Delete(a string) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	delete(v.m, a)
	return nil
}

// queueRecorder stands in for the usage log's writer: a bounded queue that
// never blocks, drained by one goroutine that counts what it wrote and what
// it had to drop.
type queueRecorder struct {
	q       chan usage.Event
	logged  atomic.Int64
	dropped atomic.Int64
	done    chan struct{}
}

func newQueueRecorder(size int) *queueRecorder {
	r := &queueRecorder{q: make(chan usage.Event, size), done: make(chan struct{})}
	go func() {
		defer close(r.done)
		for e := range r.q {
			if e.Source != "" {
				r.logged.Add(1)
			}
		}
	}()
	return r
}

func (r *queueRecorder) Record(e usage.Event) {
	select {
	case r.q <- e:
	default:
		r.dropped.Add(1)
	}
}

// drained waits until the queue is empty and reports the counts.
func (r *queueRecorder) drained() (logged, dropped int64) {
	for len(r.q) > 0 {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(5 * time.Millisecond) // the event being counted
	return r.logged.Load(), r.dropped.Load()
}

// register is a key register in dir with the team's upstream key and one
// member, "bench", holding a member token.
func register(ctx context.Context, dir string) (*store.Store, *keys.Register, *gateway.Access, string, string, error) {
	st, err := store.Open(ctx, dir, store.Options{})
	if err != nil {
		return nil, nil, nil, "", "", err
	}
	reg := keys.New(st, &memVault{m: map[string]string{}}, keys.Options{})
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	key := "sk-proj-" + hex.EncodeToString(b)
	if _, err := reg.AddMember(ctx, keys.MemberInput{Name: "bench"}); err != nil {
		return nil, nil, nil, "", "", err
	}
	if _, err := reg.AddKey(ctx, keys.KeyInput{Label: "team", Member: "bench", Environment: keys.EnvDev}, key); err != nil {
		return nil, nil, nil, "", "", err
	}
	access := gateway.NewAccess(st, reg, gateway.AccessOptions{})
	tok, err := access.CreateToken(ctx, "bench")
	return st, reg, access, key, tok, err
}

// startGateway starts a Steward gateway in front of up.
func startGateway(ctx context.Context, name, up string, reg *keys.Register, access *gateway.Access, tok string, rec usage.Recorder, rows func() (int64, int64)) (*target, error) {
	gw, err := gateway.New(gateway.Config{Listen: "127.0.0.1:0", Upstream: up, UpstreamKeyLabel: "team"},
		gateway.Deps{Access: access, Secret: reg.Secret, Lookup: reg.Lookup, Recorder: rec})
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
	}
	return &target{name: name, base: gw.BaseURL(), cred: tok, rows: rows, stop: stop}, nil
}

// startReverseProxy starts net/http/httputil's ReverseProxy in front of up,
// swapping the credential for the key as the gateway does, with a transport
// tuned like the gateway's and FlushInterval -1 for streams.
func startReverseProxy(up, key string) (*target, error) {
	u, err := url.Parse(up)
	if err != nil {
		return nil, err
	}
	rp := &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) {
			r.SetURL(&url.URL{Scheme: u.Scheme, Host: u.Host})
			r.Out.URL.Path = u.Path + r.In.URL.Path[len("/v1"):]
			r.Out.Header.Set("Authorization", "Bearer "+key)
		},
		FlushInterval: -1,
		Transport: &http.Transport{
			MaxIdleConns: 1024, MaxIdleConnsPerHost: 512, IdleConnTimeout: 90 * time.Second, DisableCompression: true,
		},
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	srv := &http.Server{Handler: rp}
	go func() { _ = srv.Serve(ln) }()
	return &target{name: "httputil.ReverseProxy", base: fmt.Sprintf("http://%s/v1", ln.Addr()), cred: "unused",
		stop: func() { _ = srv.Close() }}, nil
}
