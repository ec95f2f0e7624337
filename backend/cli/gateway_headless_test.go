package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	"steward/backend/openaitest"
)

// startGatewayProcess runs `steward gateway args...` as a process of its
// own, with env added to the environment, and returns once it listens.
func startGatewayProcess(t *testing.T, dir string, env []string, args ...string) (*exec.Cmd, *syncBuffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"--data-dir", dir, "gateway"}, args...)...)
	cmd.Env = append(os.Environ(), append([]string{envRunCLI + "=1"}, env...)...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var errOut syncBuffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	var out syncBuffer
	lines := bufio.NewScanner(stdout)
	for lines.Scan() {
		out.Write([]byte(lines.Text() + "\n"))
		if strings.HasPrefix(lines.Text(), "Admin endpoints") {
			go io.Copy(&out, stdout)
			return cmd, &out
		}
	}
	cmd.Wait()
	t.Fatalf("the gateway did not start: %s%s", out.String(), errOut.String())
	return nil, nil
}

// TestGatewayDrainsOnSIGTERM: a call in flight when the gateway is told to
// stop gets its whole answer, its usage row is in the database after the
// process exits, and the process exits 0.
func TestGatewayDrainsOnSIGTERM(t *testing.T) {
	key := fakeKey(t)
	up := openaitest.New(t, openaitest.WithKeys(key))
	root, _ := url.Parse(up.Root)
	proxy := httputil.NewSingleHostReverseProxy(root)
	arrived, release := make(chan struct{}, 1), make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		<-release // the upstream answers only once the gateway is draining
		proxy.ServeHTTP(w, r)
	}))
	defer slow.Close()
	var releaseOnce sync.Once
	releaseCall := func() { releaseOnce.Do(func() { close(release) }) }
	defer releaseCall() // before slow.Close, which waits for the held call

	dir := t.TempDir()
	runIn(t, dir, "", "members", "add", "Mei")
	_, token, _ := runIn(t, dir, "", "members", "token", "Mei")
	token = strings.TrimSpace(token)
	keyFile := filepath.Join(t.TempDir(), "upstream-key")
	if err := os.WriteFile(keyFile, []byte(key+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	addr, admin := freeAddr(t), freeAddr(t)
	cmd, out := startGatewayProcess(t, dir, []string{"STEWARD_UPSTREAM_KEY_FILE=" + keyFile, "STEWARD_ADMIN_LISTEN=" + admin},
		"--listen", addr, "--upstream", slow.URL+"/v1", "--drain-timeout", "1m")
	if resp, err := http.Get("http://" + admin + "/readyz"); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("/readyz before the call = %v %v", resp, err)
	}

	type result struct {
		resp goopenai.ChatCompletionResponse
		err  error
	}
	answered := make(chan result, 1)
	go func() {
		cfg := goopenai.DefaultConfig(token)
		cfg.BaseURL = "http://" + addr + "/v1"
		resp, err := goopenai.NewClientWithConfig(cfg).CreateChatCompletion(context.Background(), goopenai.ChatCompletionRequest{
			Model: "gpt-4o-mini", Messages: []goopenai.ChatCompletionMessage{{Role: "user", Content: "hello"}}})
		answered <- result{resp, err}
	}()
	<-arrived
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	// Draining: /readyz says so, and new connections are refused.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		resp, err := http.Get("http://" + admin + "/readyz")
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusServiceUnavailable && strings.Contains(string(b), "shutting down") {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("/readyz never said the gateway is shutting down (last: %v)", err)
		}
	}
	// The listener closes as the drain begins (just after /readyz turns).
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("the draining gateway still accepts connections")
		}
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	// It waits for the call: a while later it still runs and still says
	// it is draining. (This cannot fail a gateway that drains; it catches
	// one that exits before the call in flight ends.)
	time.Sleep(300 * time.Millisecond)
	select {
	case err := <-exited:
		t.Fatalf("the gateway exited (%v) before the call in flight ended: %s", err, out.String())
	default:
	}
	if resp, err := http.Get("http://" + admin + "/readyz"); err != nil || resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("/readyz while draining = %v %v", resp, err)
	}
	releaseCall()
	res := <-answered
	if res.err != nil || len(res.resp.Choices) == 0 || res.resp.Usage.TotalTokens == 0 {
		t.Fatalf("the call in flight = %+v, %v", res.resp, res.err)
	}
	if err := <-exited; err != nil {
		t.Fatalf("exit = %v; output %s", err, out.String())
	}
	if !strings.Contains(out.String(), "Stopped after 1 requests (0 errors") {
		t.Fatalf("stdout = %s", out.String())
	}
	if strings.Contains(out.String(), key) {
		t.Fatal("the output shows the key")
	}

	var rep struct {
		Rows []struct {
			Group    string `json:"group"`
			Requests int    `json:"requests"`
		} `json:"rows"`
	}
	code, report, errOut := runIn(t, dir, "", "usage", "report", "--by", "member", "--format", "json")
	if err := json.Unmarshal([]byte(report), &rep); code != ExitOK || err != nil || len(rep.Rows) != 1 || rep.Rows[0].Group != "Mei" || rep.Rows[0].Requests != 1 {
		t.Fatalf("usage after exit = %d %v %s %s", code, err, report, errOut)
	}
}

// TestGatewayDrainTimeout: a call still in flight when the drain timeout
// ends is cut off, recorded, and the gateway exits 0.
func TestGatewayDrainTimeout(t *testing.T) {
	key := fakeKey(t)
	arrived, release := make(chan struct{}, 1), make(chan struct{})
	stuck := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer stuck.Close()
	defer close(release)
	dir := t.TempDir()
	admin := freeAddr(t)
	addr := freeAddr(t)
	cmd, out := startGatewayProcess(t, dir, []string{"STEWARD_ADMIN_LISTEN=" + admin, "STEWARD_DRAIN_TIMEOUT=200ms"},
		"--listen", addr, "--upstream", stuck.URL+"/v1")
	answered := make(chan error, 1)
	go func() {
		req, _ := http.NewRequest("POST", "http://"+addr+"/v1/chat/completions", strings.NewReader(`{"model":"gpt-4o-mini","messages":[]}`))
		req.Header.Set("Authorization", "Bearer "+key) // a caller's own key, passed through
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			_, err = io.ReadAll(resp.Body)
			resp.Body.Close()
		}
		answered <- err
	}()
	<-arrived
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("exit = %v; output %s", err, out.String())
	}
	if err := <-answered; err == nil {
		t.Fatal("the call outlived the drain timeout")
	}
	var rep struct {
		Rows []struct {
			Requests int `json:"requests"`
		} `json:"rows"`
	}
	code, report, errOut := runIn(t, dir, "", "usage", "report", "--by", "key", "--format", "json")
	if err := json.Unmarshal([]byte(report), &rep); code != ExitOK || err != nil || len(rep.Rows) != 1 || rep.Rows[0].Requests != 1 {
		t.Fatalf("usage after exit = %d %v %s %s", code, err, report, errOut)
	}
}

func TestGatewayHeadlessFlags(t *testing.T) {
	var out bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &out, Getenv: func(string) string { return "" }}
	if code := Run(context.Background(), env, []string{"gateway", "--help"}); code != ExitOK {
		t.Fatalf("--help = %d", code)
	}
	for _, want := range []string{
		"-listen", "STEWARD_LISTEN", "-upstream", "STEWARD_UPSTREAM", "-key", "STEWARD_UPSTREAM_KEY_LABEL",
		"-admin-listen", "STEWARD_ADMIN_LISTEN", "-drain-timeout", "STEWARD_DRAIN_TIMEOUT",
		"-upstream-key-file", "STEWARD_UPSTREAM_KEY_FILE",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("gateway --help lacks %q:\n%s", want, out.String())
		}
	}

	dir := t.TempDir()
	key := fakeKey(t)
	keyFile := filepath.Join(t.TempDir(), "upstream-key")
	os.WriteFile(keyFile, []byte(key), 0o644)
	os.Chmod(keyFile, 0o644)
	for _, c := range []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"open key file", map[string]string{"STEWARD_UPSTREAM_KEY_FILE": keyFile}, nil, "chmod 600 " + keyFile},
		{"missing key file", nil, []string{"--upstream-key-file", keyFile + ".gone"}, keyFile + ".gone"},
		{"bad drain env", map[string]string{"STEWARD_DRAIN_TIMEOUT": "soon"}, nil, "STEWARD_DRAIN_TIMEOUT"},
		{"bad drain flag", nil, []string{"--drain-timeout", "0s"}, "--drain-timeout"},
		{"busy admin address", map[string]string{"STEWARD_ADMIN_LISTEN": "256.0.0.1:1"}, nil, "admin listener"},
	} {
		var out bytes.Buffer
		env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &out, DataDir: dir,
			Getenv: func(k string) string { return c.env[k] }}
		args := append([]string{"gateway", "--listen", freeAddr(t)}, c.args...)
		if code := Run(context.Background(), env, args); code != ExitError || !strings.Contains(out.String(), c.want) {
			t.Errorf("%s: exit %d, output %q; want 2 and %q", c.name, code, out.String(), c.want)
		}
		if strings.Contains(out.String(), key) {
			t.Errorf("%s: the output shows the key", c.name)
		}
	}
}
