package gateway

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"steward/backend/apperr"
	"steward/backend/openaitest"
)

// Issue 10, item 10: the upstream timeouts are settings, saved with the
// others and used by the next gateway.
func TestTimeoutSettingsAreSavedAndUsed(t *testing.T) {
	e := newEnv(t, envOpts{noStart: true})
	for _, kv := range [][2]string{
		{"gateway.connect_timeout", "3s"}, {"gateway.first_byte_timeout", "150ms"}, {"gateway.idle_timeout", "2m0s"},
	} {
		s, err := e.access.SetSetting(bg, kv[0], kv[1])
		if err != nil || s.Value != kv[1] {
			t.Fatalf("set %s: %+v, %v", kv[0], s, err)
		}
	}
	cfg, err := e.access.SavedConfig(bg)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.ConnectTimeout != 3*time.Second || cfg.FirstByteTimeout != 150*time.Millisecond || cfg.IdleTimeout != 2*time.Minute {
		t.Fatalf("saved %+v", cfg)
	}
	// The defaults suit long streams.
	def := Config{}.withDefaults()
	if def.FirstByteTimeout < 5*time.Minute || def.IdleTimeout < 2*time.Minute {
		t.Fatalf("defaults %v %v", def.FirstByteTimeout, def.IdleTimeout)
	}
	cfg.Listen, cfg.Upstream, cfg.UpstreamKeyLabel = "127.0.0.1:0", e.up.URL, "team"
	gw, err := New(cfg, Deps{Access: e.access, Secret: e.reg.Secret, Recorder: e.rec})
	if err != nil {
		t.Fatal(err)
	}
	if err := gw.Start(bg); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = gw.Shutdown(bg) })
	e.root = "http://" + gw.Addr()
	e.up.Inject(1, openaitest.Fault{Delay: time.Minute})
	resp, body := e.do(t, http.MethodPost, "/v1/chat/completions", e.adaToken, chat("hi", false, false))
	got := wantAPIError(t, resp, body, http.StatusGatewayTimeout, ReasonUpstreamTimeout)
	if !strings.Contains(got.Error.Message, "150ms") {
		t.Fatalf("message %q", got.Error.Message)
	}
}

func TestSetSettingRefusesBadValues(t *testing.T) {
	e := newEnv(t, envOpts{noStart: true})
	for _, kv := range [][2]string{
		{"gateway.first_byte_timeout", "120"}, {"gateway.idle_timeout", "-1s"}, {"gateway.nope", "1s"},
		{"gateway.safety_identifiers", "maybe"}, {"gateway.blocklist_threshold", "-2"},
	} {
		_, err := e.access.SetSetting(bg, kv[0], kv[1])
		var ae *apperr.Error
		if !errors.As(err, &ae) || !strings.Contains(err.Error(), kv[0]) {
			t.Errorf("set %s %s: %v", kv[0], kv[1], err)
		}
	}
	cfg, _ := e.access.SavedConfig(bg)
	if cfg.FirstByteTimeout != DefaultFirstByteTimeout || cfg.NoSafetyIdentifiers {
		t.Fatalf("a refused value was saved: %+v", cfg)
	}
}

// Issue 10, item 11: a second gateway on the same data folder is refused
// at start, naming the one that holds it; the folder is free once the
// first releases it.
func TestSecondGatewayOnTheSameDataFolderIsRefused(t *testing.T) {
	dir := t.TempDir()
	first, err := LockDataDir(dir, "127.0.0.1:8787")
	if err != nil {
		t.Fatal(err)
	}
	_, err = LockDataDir(dir, "127.0.0.1:8788")
	if !apperr.Is(err, CodeAlreadyRunning) || !strings.Contains(err.Error(), "127.0.0.1:8787") {
		t.Fatalf("second lock: %v", err)
	}
	if err := first.Release(); err != nil {
		t.Fatal(err)
	}
	again, err := LockDataDir(dir, "127.0.0.1:8788")
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	_ = again.Release()
}
