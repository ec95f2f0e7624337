package gateway

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"steward/backend/openaitest"
)

// TestNodeSDK runs the official openai npm package against the gateway. It
// runs only where node and the package are installed:
//
//	cd backend/gateway/testdata/node-sdk && npm install
func TestNodeSDK(t *testing.T) {
	node, err := exec.LookPath("node")
	dir := filepath.Join("testdata", "node-sdk")
	skip := t.Skip
	if os.Getenv("STEWARD_REQUIRE_NODE_SDK") == "1" { // make test installs it: never skip there
		skip = t.Fatal
	}
	if err != nil {
		skip("node is not installed")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "openai")); err != nil {
		skip("the openai npm package is not installed; run npm ci in " + dir)
	}
	e := newEnv(t, envOpts{})
	cmd := exec.Command(node, "check.mjs")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "OPENAI_BASE_URL="+e.url, "OPENAI_API_KEY="+e.adaToken)
	out, err := cmd.Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("node: %v\n%s\n%s", err, out, stderr)
	}
	var got struct {
		Chat, Stream, Responses                string
		ChatUsage, StreamUsage, ResponsesUsage int
		BadTokenStatus                         int
		BadTokenCode                           string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("node printed %s", out)
	}
	if got.Chat != "You said: node says hi" || got.Stream != "You said: node streams" || got.Responses != "You said: node responds" ||
		got.StreamUsage != openaitest.CountTokens("node streams") || got.ResponsesUsage != openaitest.CountTokens("node responds") ||
		got.BadTokenStatus != 401 || got.BadTokenCode != "invalid_api_key" {
		t.Fatalf("the SDK saw %+v", got)
	}
	ev := e.rec.wait(t, 4)
	for i, want := range []int{openaitest.CountTokens("node says hi"), got.StreamUsage, got.ResponsesUsage} {
		if ev[i].Member != "Ada" || ev[i].InputTokens != int64(want) {
			t.Fatalf("event %d = %+v", i, ev[i])
		}
	}
}
