package app

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"steward/backend/gateway"
	"steward/backend/keys"
	"steward/backend/openaitest"
	"steward/backend/store/pgtest"
)

// outageKey makes a project key shape at run time; no literal key is committed.
func outageKey(t *testing.T) string {
	b := make([]byte, 60)
	rand.Read(b)
	body := strings.NewReplacer("+", "A", "/", "b", "=", "").Replace(base64.StdEncoding.EncodeToString(b))
	return "sk-proj-" + body[:40] + "T3BlbkFJ" + body[40:76]
}

// chat sends one chat completion through the gateway at base with token,
// returning the status and the body.
func chat(t *testing.T, base, token string) (int, string) {
	req, err := http.NewRequest(http.MethodPost, base+"/v1/chat/completions",
		strings.NewReader(`{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hello"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// get fetches an admin endpoint.
func get(t *testing.T, url string) (int, string) {
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// metric reads one unlabelled sample from a Prometheus text page.
func metric(t *testing.T, page, name string) float64 {
	t.Helper()
	m := regexp.MustCompile(`(?m)^` + name + ` ([0-9.e+]+)$`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("/metrics has no %s:\n%s", name, page)
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	return v
}

// PostgreSQL going away under load (a member with limits shared through
// the database): calls with a member token already
// checked keep answering 200 for the whole outage (past the token cache's
// TTL, on the token's last answer), a token never seen gets 503
// token_check_failed until the database is back; usage rows wait in the
// writer's queue up to its bound, then are counted as dropped (in the
// writer's Stats and /metrics); /readyz answers 503 naming the database.
// When the server is back, the queued rows and the new ones are written
// and nothing more is dropped.
func TestGatewayThroughPostgresOutage(t *testing.T) {
	ctx := t.Context()
	srv := pgtest.NewServer(t)
	dbURL, pw := splitPassword(t, srv.URL(t))
	env := func(k string) string {
		if k == "PGPASSWORD" {
			return pw
		}
		return ""
	}
	const bound = 50
	s, err := Open(ctx, Options{DataDir: t.TempDir(), DatabaseURL: dbURL, Getenv: env, UsageQueue: bound})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Keys.AddMember(ctx, keys.MemberInput{Name: "Mei"}); err != nil {
		t.Fatal(err)
	}
	// limits shared with other replicas through the database: their sync
	// fails during the outage and must not hold calls up
	if _, err := s.Gateway.SetPolicy(ctx, gateway.Policy{Member: "Mei", RequestsPerMinute: 1_000_000, TokensPerDay: 1 << 40}); err != nil {
		t.Fatal(err)
	}
	cached, err := s.Gateway.CreateToken(ctx, "Mei")
	if err != nil {
		t.Fatal(err)
	}
	unseen, err := s.Gateway.CreateToken(ctx, "Mei")
	if err != nil {
		t.Fatal(err)
	}
	key := outageKey(t)
	upstream := openaitest.New(t, openaitest.WithKeys(key))
	keyFile := filepath.Join(t.TempDir(), "upstream-key")
	if err := os.WriteFile(keyFile, []byte(key), 0o600); err != nil {
		t.Fatal(err)
	}

	gctx, stop := context.WithCancel(ctx)
	type addrs struct{ api, admin string }
	started := make(chan addrs, 1)
	served := make(chan error, 1)
	var lostMu sync.Mutex
	var lost []string // what the CLI would print on stderr
	go func() {
		_, err := s.ServeGateway(gctx, ServeOptions{
			Config:      gateway.Config{Listen: "127.0.0.1:0", Upstream: upstream.URL},
			AdminListen: "127.0.0.1:0", UpstreamKeyFile: keyFile,
			Started: func(gw *gateway.Gateway, admin string) { started <- addrs{gw.BaseURL(), admin} },
			Lost: func(msg string) {
				lostMu.Lock()
				lost = append(lost, msg)
				lostMu.Unlock()
			},
		})
		served <- err
	}()
	var a addrs
	select {
	case a = <-started:
	case err := <-served:
		t.Fatalf("ServeGateway: %v", err)
	}
	defer func() {
		stop()
		if err := <-served; err != nil {
			t.Errorf("ServeGateway: %v", err)
		}
	}()
	base := strings.TrimSuffix(a.api, "/v1")
	admin := "http://" + a.admin
	w := s.c.writer

	const before = 20
	for i := range before {
		if code, body := chat(t, base, cached); code != http.StatusOK {
			t.Fatalf("call %d before the outage = %d %s", i, code, body)
		}
	}
	fctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := w.Flush(fctx); err != nil {
		t.Fatal(err)
	}
	if st := w.Stats(); st.Written != before || st.Dropped != 0 {
		t.Fatalf("before the outage: writer %+v", st)
	}
	if code, body := get(t, admin+"/readyz"); code != http.StatusOK {
		t.Fatalf("/readyz before the outage = %d %s", code, body)
	}

	// The server goes away; calls keep coming from 4 clients, for longer
	// than the token cache's TTL and for more rows than the queue holds.
	if err := srv.Stop(); err != nil {
		t.Fatal(err)
	}
	stopped := time.Now()
	var mu sync.Mutex
	var during int
	var failures []string
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < 150 || time.Since(stopped) < gateway.DefaultCacheTTL+time.Second; n++ {
				code, body := chat(t, base, cached)
				mu.Lock()
				during++
				if code != http.StatusOK {
					failures = append(failures, fmt.Sprintf("%d %s", code, body))
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(failures) > 0 {
		t.Fatalf("%d of %d calls failed while the database was away, first: %s", len(failures), during, failures[0])
	}
	if code, body := chat(t, base, unseen); code != http.StatusServiceUnavailable || !strings.Contains(body, "token_check_failed") {
		t.Fatalf("a token not yet checked, database away = %d %s; want 503 token_check_failed", code, body)
	}
	down := w.Stats()
	if down.Dropped == 0 || down.Queued == 0 || down.Queued > bound+500 || down.Written != before ||
		down.Queued+down.Dropped < int64(during) {
		t.Fatalf("database away after %d calls: writer %+v; want rows queued to the bound and the rest dropped", during, down)
	}
	lostMu.Lock()
	told := strings.Join(lost, "\n")
	lostMu.Unlock()
	if !strings.Contains(told, "could not be saved") || strings.Contains(told, pw) {
		t.Fatalf("the operator was told %q; want the lost rows reported, without the password", told)
	}
	code, ready := get(t, admin+"/readyz")
	if code != http.StatusServiceUnavailable || !strings.Contains(ready, "database") || strings.Contains(ready, pw) {
		t.Fatalf("/readyz while the database is away = %d %q; want 503 naming the database", code, ready)
	}
	_, page := get(t, admin+"/metrics")
	if metric(t, page, "steward_usage_rows_dropped_total") < float64(down.Dropped) ||
		metric(t, page, "steward_usage_queue_depth") == 0 {
		t.Fatalf("/metrics while the database is away shows no queued or dropped rows:\n%s", page)
	}

	// The server is back: writing resumes, the queued rows are written.
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	// The writer retries its kept batch every 2 s at most: wait for the
	// queue to empty (a guard, not a timing assertion), then call more.
	for deadline := time.Now().Add(time.Minute); w.Stats().Queued > 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the queued rows were not written after the restart: writer %+v", w.Stats())
		}
	}
	if st := w.Stats(); st.Dropped != down.Dropped || st.Written != before+down.Queued {
		t.Fatalf("database back: writer %+v; want the %d queued rows written", st, down.Queued)
	}
	const after = 10
	for i := range after {
		if code, body := chat(t, base, cached); code != http.StatusOK {
			t.Fatalf("call %d after the restart = %d %s", i, code, body)
		}
	}
	if code, body := chat(t, base, unseen); code != http.StatusOK {
		t.Fatalf("the token not checked before, database back = %d %s", code, body)
	}
	if err := w.Flush(fctx); err != nil {
		t.Fatal(err)
	}
	end := w.Stats()
	var rows int64
	if err := s.c.team.Read().QueryRowContext(ctx, "SELECT count(*) FROM usage_events").Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if end.Queued != 0 || end.Dropped != down.Dropped || rows != end.Written ||
		end.Written < before+down.Queued+after+1 {
		t.Fatalf("database back: writer %+v, %d rows in the database; want the %d queued and %d new rows written, no more dropped",
			end, rows, down.Queued, after+1)
	}
	if code, body := get(t, admin+"/readyz"); code != http.StatusOK {
		t.Fatalf("/readyz with the database back = %d %s", code, body)
	}
	t.Logf("outage: %d calls, all 200; %d rows queued, %d dropped; after: %d rows written", during, down.Queued, down.Dropped, end.Written)
}
