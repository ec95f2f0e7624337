package gateway

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"steward/backend/store"
	"steward/backend/usage"
)

// scrape reads /metrics and parses the exposition into "name{labels}" ->
// value, checking each sample's metric was declared with # TYPE first.
func scrape(t *testing.T, admin string) map[string]float64 {
	t.Helper()
	resp, err := http.Get(admin + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain; version=0.0.4") {
		t.Fatalf("/metrics = %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	typed := map[string]string{}
	out := map[string]float64{}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if f := strings.Fields(line); len(f) == 4 && f[0] == "#" && f[1] == "TYPE" {
			typed[f[2]] = f[3]
			continue
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		sp := strings.LastIndexByte(line, ' ')
		series, val := line[:sp], line[sp+1:]
		v, err := strconv.ParseFloat(val, 64)
		if err != nil {
			t.Fatalf("bad sample %q", line)
		}
		name, _, _ := strings.Cut(series, "{")
		base := name
		for _, suf := range []string{"_bucket", "_sum", "_count"} {
			if b, ok := strings.CutSuffix(name, suf); ok && typed[b] == "histogram" {
				base = b
			}
		}
		if typed[base] == "" {
			t.Fatalf("sample %q has no # TYPE line before it", line)
		}
		if _, dup := out[series]; dup {
			t.Fatalf("series %q twice", series)
		}
		out[series] = v
	}
	return out
}

func TestMetricsCountCalls(t *testing.T) {
	var w *usage.Writer
	e := newEnv(t, envOpts{deps: func(d *Deps) {
		st, err := store.Open(bg, t.TempDir(), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		w = usage.NewWriter(usage.New(usage.NewSQLite(st), usage.Options{}), usage.WriterOptions{})
		t.Cleanup(func() { w.Close(bg) }) // runs before the store closes
		d.Recorder = w
	}})
	admin := httptest.NewServer(e.gw.AdminHandler(AdminOptions{Queue: w.Stats}))
	defer admin.Close()

	for i := range 3 {
		resp, body := e.do(t, "POST", "/v1/chat/completions", e.adaToken, chat("hello "+strconv.Itoa(i), false, false))
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("call %d = %d %s", i, resp.StatusCode, body)
		}
	}
	resp, _ := e.do(t, "POST", "/v1/chat/completions", "stw_not-a-token", chat("hi", false, false))
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("bad token = %d", resp.StatusCode)
	}
	resp, _ = e.do(t, "POST", "/v1/chat/completions", testKey(t), chat("hi", false, false)) // a key the upstream refuses
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("unknown own key = %d", resp.StatusCode)
	}

	// A call is counted just after its client has the answer.
	m := scrape(t, admin.URL)
	for deadline := time.Now().Add(5 * time.Second); m["steward_gateway_request_duration_seconds_count"] < 5 && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
		m = scrape(t, admin.URL)
	}
	if err := w.Flush(bg); err != nil {
		t.Fatal(err)
	}
	m = scrape(t, admin.URL)
	want := map[string]float64{
		`steward_gateway_requests_total{outcome="ok",code="2xx"}`:      3,
		`steward_gateway_requests_total{outcome="refused",code="4xx"}`: 1,
		`steward_gateway_requests_total{outcome="error",code="4xx"}`:   1,
		`steward_gateway_upstream_errors_total`:                        1,
		`steward_gateway_requests_in_flight`:                           0,
		`steward_gateway_request_duration_seconds_count`:               5,
		`steward_gateway_request_duration_seconds_bucket{le="+Inf"}`:   5,
		`steward_gateway_added_latency_seconds_count`:                  5,
		`steward_usage_rows_written_total`:                             5,
		`steward_usage_queue_depth`:                                    0,
		`steward_usage_rows_dropped_total`:                             0,
		`steward_usage_queue_capacity`:                                 10_000,
	}
	for k, v := range want {
		if got, ok := m[k]; !ok || got != v {
			t.Errorf("%s = %v (present %v); want %v", k, got, ok, v)
		}
	}
	var total float64
	for k, v := range m {
		if strings.HasPrefix(k, "steward_gateway_requests_total{") {
			total += v
		}
	}
	if total != 5 {
		t.Errorf("requests_total sums to %v; want 5", total)
	}
	// Buckets are cumulative and the added latency never exceeds the total.
	prev := 0.0
	for _, le := range []string{"0.005", "0.01", "0.1", "1", "10", "300", "+Inf"} {
		v := m[`steward_gateway_request_duration_seconds_bucket{le="`+le+`"}`]
		if v < prev {
			t.Errorf("bucket le=%s = %v < %v", le, v, prev)
		}
		prev = v
	}
	if m["steward_gateway_added_latency_seconds_sum"] > m["steward_gateway_request_duration_seconds_sum"] {
		t.Errorf("added latency %v > total %v", m["steward_gateway_added_latency_seconds_sum"], m["steward_gateway_request_duration_seconds_sum"])
	}
}

// readyz answers the status and body of /readyz.
func readyz(t *testing.T, admin string) (int, string) {
	t.Helper()
	resp, err := http.Get(admin + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestReadyz(t *testing.T) {
	keyFile := filepath.Join(t.TempDir(), "upstream-key")
	var teamKey string
	e := newEnv(t, envOpts{deps: func(d *Deps) { d.Keys = KeyFromFile(keyFile) }})
	teamKey = e.teamKey
	if err := os.WriteFile(keyFile, []byte(teamKey+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ping := func(ctx context.Context) error {
		var n int
		return e.st.Read().QueryRowContext(ctx, "SELECT 1").Scan(&n)
	}
	admin := httptest.NewServer(e.gw.AdminHandler(AdminOptions{Ping: ping}))
	defer admin.Close()

	check := func(wantStatus int, wantIn ...string) {
		t.Helper()
		status, body := readyz(t, admin.URL)
		if status != wantStatus {
			t.Fatalf("/readyz = %d %q; want %d", status, body, wantStatus)
		}
		for _, w := range wantIn {
			if !strings.Contains(body, w) {
				t.Fatalf("/readyz body %q lacks %q", body, w)
			}
		}
		if strings.Contains(body, teamKey) {
			t.Fatalf("/readyz shows the key")
		}
	}
	check(http.StatusOK, "ready")
	resp, body := e.do(t, "POST", "/v1/chat/completions", e.adaToken, chat("hello", false, false))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("call with the file's key = %d %s", resp.StatusCode, body)
	}

	if err := os.Chmod(keyFile, 0o644); err != nil {
		t.Fatal(err)
	}
	check(http.StatusServiceUnavailable, keyFile, "chmod 600")
	os.Chmod(keyFile, 0o600)
	check(http.StatusOK)
	if err := os.Remove(keyFile); err != nil {
		t.Fatal(err)
	}
	check(http.StatusServiceUnavailable, "upstream key", keyFile)
	os.WriteFile(keyFile, []byte(teamKey), 0o600)
	check(http.StatusOK)

	e.st.Close()
	check(http.StatusServiceUnavailable, "database")

	if resp, err := http.Get(admin.URL + "/healthz"); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("/healthz = %v %v", resp, err)
	}
	ctx, cancel := context.WithTimeout(bg, 5*time.Second)
	defer cancel()
	e.gw.Shutdown(ctx)
	check(http.StatusServiceUnavailable, "shutting down")
}

func TestReadyzWithoutKey(t *testing.T) {
	e := newEnv(t, envOpts{deps: func(d *Deps) { d.Secret = nil }})
	admin := httptest.NewServer(e.gw.AdminHandler(AdminOptions{}))
	defer admin.Close()
	if status, body := readyz(t, admin.URL); status != http.StatusServiceUnavailable || !strings.Contains(body, "no upstream key") {
		t.Fatalf("/readyz = %d %q", status, body)
	}
}

func TestServeAdmin(t *testing.T) {
	e := newEnv(t, envOpts{})
	a, err := e.gw.ServeAdmin(bg, "127.0.0.1:0", AdminOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Addr() == e.gw.Addr() {
		t.Fatal("the admin listener is the API's")
	}
	if m := scrape(t, "http://"+a.Addr()); m[`steward_gateway_requests_total{outcome="ok",code="2xx"}`] != 0 {
		t.Fatalf("metrics before any call: %v", m)
	}
	// The admin routes are not on the API listener.
	if resp, _ := e.do(t, "GET", "/metrics", "", nil); resp.StatusCode != http.StatusUnauthorized && resp.StatusCode != http.StatusNotFound {
		t.Fatalf("API /metrics = %d", resp.StatusCode)
	}
	if err := a.Close(bg); err != nil {
		t.Fatal(err)
	}
	if _, err := http.Get("http://" + a.Addr() + "/healthz"); err == nil {
		t.Fatal("admin listener still serves after Close")
	}
}
