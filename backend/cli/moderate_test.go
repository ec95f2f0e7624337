package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"steward/backend/openaitest"
)

func TestModerate(t *testing.T) {
	key := fakeKey(t)
	srv := openaitest.New(t, openaitest.WithKeys(key))
	prompts := filepath.Join(t.TempDir(), "prompts.txt")
	os.WriteFile(prompts, []byte("How do I bake bread?\nWhat is the capital of France?\n这部电影好看吗？\n"), 0o600)
	runWith := func(getenv map[string]string, args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, DataDir: t.TempDir(),
			Getenv: func(k string) string { return getenv[k] }}
		return Run(context.Background(), env, args), out.String(), errOut.String()
	}
	code, out, errOut := runWith(map[string]string{"OPENAI_API_KEY": key, "OPENAI_BASE_URL": srv.URL}, "moderate", "--in", prompts, "--batch", "2")
	if code != ExitOK {
		t.Fatalf("moderate = %d %s", code, errOut)
	}
	var rep struct {
		RunID int64  `json:"run_id"`
		Model string `json:"model"`
		Items []struct {
			Index      int                `json:"index"`
			Input      string             `json:"input"`
			Categories map[string]any     `json:"categories"`
			Scores     map[string]float64 `json:"scores"`
		} `json:"items"`
		Summary struct{ Total, Flagged, Errors int } `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Summary.Total != 3 || len(rep.Items) != 3 || len(rep.Items[0].Scores) != 13 {
		t.Fatalf("report = %v %+v", err, rep.Summary)
	}
	if n := len(srv.Requests()); n != 2 {
		t.Fatalf("batch 2 of 3 prompts sent %d requests", n)
	}

	code, _, errOut = runWith(map[string]string{"OPENAI_API_KEY": fakeKey(t), "OPENAI_BASE_URL": srv.URL}, "moderate", "--in", prompts)
	if code != ExitError || errOut == "" || strings.Contains(errOut, key) {
		t.Fatalf("a rejected key = %d %q", code, errOut)
	}
	code, _, errOut = runWith(map[string]string{"OPENAI_BASE_URL": srv.URL}, "moderate", "--in", prompts)
	if code != ExitError || !strings.Contains(errOut, "OPENAI_API_KEY") {
		t.Fatalf("no key = %d %q", code, errOut)
	}
	empty := filepath.Join(t.TempDir(), "empty.txt")
	os.WriteFile(empty, nil, 0o600)
	code, _, errOut = runWith(map[string]string{"OPENAI_API_KEY": key, "OPENAI_BASE_URL": srv.URL}, "moderate", "--in", empty)
	if code != ExitError || errOut == "" {
		t.Fatalf("an empty file = %d %q", code, errOut)
	}
}
