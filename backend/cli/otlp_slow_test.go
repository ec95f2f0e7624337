package cli

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"steward/backend/openaitest"
)

// silentCollector accepts connections and never answers, until the test
// ends; it returns its URL.
func silentCollector(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	return "http://" + ln.Addr().String()
}

// A slow collector (accepts, never answers) behind `steward gateway
// --otlp-endpoint`: every call still succeeds, the export queue fills and
// its drops are counted and reported when the gateway stops, and the
// gateway stops cleanly.
func TestGatewayOTLPSlowCollector(t *testing.T) {
	// One span in the SDK's queue and per export: the hanging export holds
	// the worker, so the gateway's own queue (4,096 calls) fills and drops.
	t.Setenv("OTEL_BSP_MAX_QUEUE_SIZE", "1")
	t.Setenv("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "1")
	collector := silentCollector(t)
	key := fakeKey(t)
	upstream := openaitest.New(t, openaitest.WithKeys(key))
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errOut syncBuffer
	done := make(chan int, 1)
	go func() {
		env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, DataDir: t.TempDir(),
			Getenv: func(string) string { return "" }}
		done <- Run(ctx, env, []string{"gateway", "--listen", addr, "--upstream", upstream.URL, "--otlp-endpoint", collector})
	}()
	for deadline := time.Now().Add(20 * time.Second); !strings.Contains(out.String(), "OPENAI_BASE_URL"); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the gateway did not start: %s %s", out.String(), errOut.String())
		}
	}

	const workers, perWorker = 8, 650 // 5,200 calls: more than the queue holds
	var mu sync.Mutex
	var failed []string
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range perWorker {
				req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/v1/chat/completions",
					strings.NewReader(`{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}`))
				req.Header.Set("Authorization", "Bearer "+key)
				req.Header.Set("Content-Type", "application/json")
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					mu.Lock()
					failed = append(failed, err.Error())
					mu.Unlock()
					continue
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					mu.Lock()
					failed = append(failed, fmt.Sprintf("%d %s", resp.StatusCode, body))
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if len(failed) > 0 {
		t.Fatalf("%d of %d calls failed with the collector hanging, first: %s", len(failed), workers*perWorker, failed[0])
	}
	cancel()
	if code := <-done; code != ExitOK {
		t.Fatalf("gateway exit %d: %s %s", code, out.String(), errOut.String())
	}
	m := regexp.MustCompile(`OpenTelemetry export: (\d+) calls dropped`).FindStringSubmatch(errOut.String())
	if m == nil {
		t.Fatalf("the gateway did not report the dropped export: %s", errOut.String())
	}
	if n, _ := strconv.Atoi(m[1]); n == 0 || n > workers*perWorker {
		t.Fatalf("dropped %d calls' telemetry of %d", n, workers*perWorker)
	}
	if strings.Contains(out.String()+errOut.String(), key) {
		t.Fatal("the gateway printed the upstream key")
	}
	t.Logf("%d calls, all 200; %s", workers*perWorker, m[0])
}
