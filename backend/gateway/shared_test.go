package gateway

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"steward/backend/keys"
	"steward/backend/openaitest"
	"steward/backend/store"
	"steward/backend/store/pgtest"
)

// replicas starts n gateways that share members' limits over one fresh
// PostgreSQL database, with the clock stopped, after setting p; it returns
// them (once each has seen the others beat), a token for Ada and the
// upstream.
func replicas(t *testing.T, n int, p Policy) ([]*Gateway, string, *openaitest.Server) {
	t.Helper()
	st, err := store.OpenPostgres(bg, pgtest.URL(t), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	teamKey := testKey(t)
	reg := keys.New(st, &memVault{m: map[string]string{}}, keys.Options{})
	for _, m := range []string{"Ada", "Ops"} {
		if _, err := reg.AddMember(bg, keys.MemberInput{Name: m}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := reg.AddKey(bg, keys.KeyInput{Label: "team", Member: "Ops", Environment: keys.EnvDev}, teamKey); err != nil {
		t.Fatal(err)
	}
	admin := NewAccess(st, reg, AccessOptions{})
	if _, err := admin.SetPolicy(bg, p); err != nil {
		t.Fatal(err)
	}
	token, err := admin.CreateToken(bg, "Ada") // made through none of the replicas
	if err != nil {
		t.Fatal(err)
	}
	up := openaitest.New(t, openaitest.WithKeys(teamKey))
	stopped := time.Date(2026, 12, 8, 12, 0, 0, 0, time.UTC)
	var gws []*Gateway
	for range n {
		access := NewAccess(st, reg, AccessOptions{})
		gw, err := New(Config{Listen: "127.0.0.1:0", Upstream: up.URL, UpstreamKeyLabel: "team"}, Deps{
			Access: access, Secret: reg.Secret, Now: func() time.Time { return stopped },
			Shared: NewSharedLimits(st, SharedOptions{Every: 20 * time.Millisecond}),
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := gw.Start(bg); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			ctx, cancel := context.WithTimeout(bg, 5*time.Second)
			defer cancel()
			gw.Shutdown(ctx)
		})
		gws = append(gws, gw)
	}
	for _, gw := range gws { // every replica has seen the others beat
		for share(gw) < n {
			time.Sleep(5 * time.Millisecond)
		}
	}
	return gws, token, up
}

// Two gateway replicas on one PostgreSQL database hold a member's
// requests-per-minute limit together: with the clock stopped (no refill),
// a member limited to N requests a minute gets at most N answers across
// both, however the calls are spread (in practice all N of them).
func TestSharedLimitsTwoReplicasOnePostgres(t *testing.T) {
	const limit = 20
	gws, token, up := replicas(t, 2, Policy{Member: "Ada", RequestsPerMinute: limit})
	var ok, refused atomic.Int64
	var wg sync.WaitGroup
	for w := range 8 {
		gw := gws[w%2]
		wg.Go(func() {
			for range 8 {
				req, _ := http.NewRequestWithContext(bg, http.MethodGet, gw.BaseURL()+"/models", nil)
				req.Header.Set("Authorization", "Bearer "+token)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Error(err)
					return
				}
				resp.Body.Close()
				switch resp.StatusCode {
				case http.StatusOK:
					ok.Add(1)
				case http.StatusTooManyRequests:
					refused.Add(1)
				default:
					t.Errorf("status %d", resp.StatusCode)
				}
			}
		})
	}
	wg.Wait()
	t.Logf("limit %d a minute: %d answered, %d refused across two replicas", limit, ok.Load(), refused.Load())
	if n := ok.Load(); n > limit || n < limit/2 {
		t.Fatalf("%d calls answered across two replicas; want at most the limit, %d (and at least half)", n, limit)
	}
	if n := len(up.Requests()); int64(n) != ok.Load() {
		t.Fatalf("the upstream saw %d calls for %d answered", n, ok.Load())
	}
}

// A daily token budget spent through one replica is refused by the other
// once it has synced.
func TestSharedTokenBudgetAcrossReplicas(t *testing.T) {
	gws, token, _ := replicas(t, 2, Policy{Member: "Ada", TokensPerDay: 10})
	post := func(gw *Gateway) int {
		b, _ := json.Marshal(chat("a prompt long enough to use more than ten tokens in all", false, false))
		req, _ := http.NewRequestWithContext(bg, http.MethodPost, gw.BaseURL()+"/chat/completions", bytes.NewReader(b))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := post(gws[0]); code != http.StatusOK {
		t.Fatalf("first call through replica one: %d", code)
	}
	// wait for replica two to hear of the tokens (a sync every 20 ms)
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(5 * time.Millisecond) {
		if used, _ := gws[1].limits.tokensToday(bg, "Ada"); used >= 10 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("replica two never heard of the tokens replica one counted")
		}
	}
	if code := post(gws[1]); code != http.StatusTooManyRequests {
		t.Fatalf("replica two's first call = %d after replica one spent the day's budget, want 429", code)
	}
}

// share is how many live replicas a gateway counts.
func share(g *Gateway) int {
	g.limits.mu.Lock()
	defer g.limits.mu.Unlock()
	return g.limits.share
}
