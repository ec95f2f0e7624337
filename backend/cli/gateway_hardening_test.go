package cli

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"steward/backend/openaitest"
)

// startGateway runs `steward gateway` in the background until stop is
// called or the test ends; it returns once the gateway listens.
func startGateway(t *testing.T, dir string, args ...string) (out *syncBuffer, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out = &syncBuffer{}
	done := make(chan int)
	go func() {
		env := &Env{Stdin: strings.NewReader(""), Stdout: out, Stderr: out, DataDir: dir,
			Getenv: func(k string) string {
				if k == "STEWARD_VAULT_PASSPHRASE" {
					return "correct horse battery"
				}
				return ""
			}}
		done <- Run(ctx, env, append([]string{"gateway"}, args...))
	}()
	var once sync.Once
	stop = func() { once.Do(func() { cancel(); <-done }) }
	t.Cleanup(stop)
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(out.String(), "OPENAI_BASE_URL") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(out.String(), "OPENAI_BASE_URL") {
		t.Fatalf("the gateway did not start: %s", out.String())
	}
	return out, stop
}

// Issue 10, item 11.
func TestSecondGatewayOnTheSameDataFolderSaysSo(t *testing.T) {
	upstream := openaitest.New(t)
	dir := t.TempDir()
	first := freeAddr(t)
	startGateway(t, dir, "--listen", first, "--upstream", upstream.URL)
	code, _, errOut := runIn(t, dir, "", "gateway", "--listen", freeAddr(t), "--upstream", upstream.URL)
	if code != ExitError || !strings.Contains(errOut, "already serves this data folder") ||
		!strings.Contains(errOut, first) {
		t.Fatalf("second gateway = %d %q", code, errOut)
	}
}

// Issue 10, item 10: timeouts are settings.
func TestSettingsSetGatewayTimeout(t *testing.T) {
	dir := t.TempDir()
	if code, out, errOut := runIn(t, dir, "", "settings", "set", "gateway.first_byte_timeout", "120s"); code != ExitOK ||
		!strings.Contains(out, "gateway.first_byte_timeout = 2m0s") {
		t.Fatalf("set = %d %q %q", code, out, errOut)
	}
	if code, out, _ := runIn(t, dir, "", "settings", "get", "gateway.first_byte_timeout"); code != ExitOK || strings.TrimSpace(out) != "2m0s" {
		t.Fatalf("get = %d %q", code, out)
	}
	if code, _, errOut := runIn(t, dir, "", "settings", "set", "gateway.idle_timeout", "soon"); code == ExitOK ||
		!strings.Contains(errOut, "gateway.idle_timeout") {
		t.Fatalf("bad value = %d %q", code, errOut)
	}
	code, out, _ := runIn(t, dir, "", "settings", "list")
	for _, k := range []string{"gateway.connect_timeout", "gateway.first_byte_timeout", "gateway.idle_timeout"} {
		if code != ExitOK || !strings.Contains(out, k) {
			t.Fatalf("list lacks %s: %s", k, out)
		}
	}
}
