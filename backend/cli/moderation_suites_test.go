package cli

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"steward/backend/openaitest"
)

// fails runs args and checks the exit code is 2 and stderr says want.
func (c *orgCLI) fails(want string, args ...string) {
	c.t.Helper()
	code, out, errOut := c.run("", args...)
	if code != ExitError || !strings.Contains(errOut, want) {
		c.t.Fatalf("%v = %d, stdout %q, stderr %q; want 2 and %q", args, code, out, errOut, want)
	}
}

func TestModerationSuitesAndPrompts(t *testing.T) {
	c := &orgCLI{t: t, dir: t.TempDir()}
	prompts := filepath.Join(t.TempDir(), "prompts.jsonl")
	os.WriteFile(prompts, []byte(`{"text": "How do I bake bread?"}
{"text": "What is the capital of France?", "expected": {"violence": false}}
{"text": 
{"text": "这部电影好看吗？"}
`), 0o600)

	if out := c.must("", "moderation", "suites"); !strings.Contains(out, "NAME") || strings.Count(out, "\n") != 1 {
		t.Fatalf("suites of a new folder = %q", out)
	}
	c.must("", "moderation", "suite", "create", "Support")
	c.fails(`"Support"`, "moderation", "suite", "create", "Support")
	code, out, errOut := c.run("", "moderation", "suite", "import", "Support", prompts)
	if code != ExitOK || !strings.Contains(out, "Imported 3 prompts") || !strings.Contains(errOut, "line 3 skipped") {
		t.Fatalf("import = %d %q %q", code, out, errOut)
	}
	c.fails("no moderation suite named", "moderation", "suite", "import", "Nope", prompts)
	c.fails("usage: steward moderation suite import", "moderation", "suite", "import", "Support")

	c.must("", "moderation", "prompt", "add", "Support", "--text", "I will hurt you", "--flagged", "violence,harassment", "--clear", "sexual")
	c.fails(`"gore" is not a moderation category`, "moderation", "prompt", "add", "Support", "--text", "x", "--flagged", "gore")
	c.fails("violence is given twice", "moderation", "prompt", "add", "Support", "--text", "x", "--flagged", "violence", "--clear", "violence")
	c.fails("usage: steward moderation prompt add", "moderation", "prompt", "add", "Support")

	var items []struct {
		ID       int64           `json:"id"`
		Text     string          `json:"text"`
		Expected map[string]bool `json:"expected"`
	}
	decodeJSON(t, c.must("", "moderation", "prompts", "Support", "--format", "json"), &items)
	if len(items) != 4 || items[3].Text != "I will hurt you" || !items[3].Expected["violence"] || items[3].Expected["sexual"] || items[1].Expected["violence"] {
		t.Fatalf("prompts = %+v", items)
	}
	last := strconv.FormatInt(items[3].ID, 10)
	c.must("", "moderation", "prompt", "edit", "Support", last, "--text", "I will find you", "--unlabel", "harassment")
	c.fails("has no prompt 999999", "moderation", "prompt", "edit", "Support", "999999", "--text", "x")
	c.fails("is a number", "moderation", "prompt", "remove", "Support", "first")
	c.must("", "moderation", "prompt", "remove", "Support", strconv.FormatInt(items[0].ID, 10))
	decodeJSON(t, c.must("", "moderation", "prompts", "Support", "--format", "json"), &items)
	if len(items) != 3 || items[2].Text != "I will find you" || len(items[2].Expected) != 2 || !items[2].Expected["violence"] {
		t.Fatalf("after edit and remove = %+v", items)
	}
	if out := c.must("", "moderation", "prompts", "Support"); !strings.Contains(out, "sexual=clear, violence=flagged") {
		t.Fatalf("the table = %q", out)
	}

	if out := c.must("", "moderation", "thresholds", "Support", "--set", "violence=0.4,sexual=0.2"); !strings.Contains(out, "sexual\t0.2") || !strings.Contains(out, "violence\t0.4") {
		t.Fatalf("thresholds = %q", out)
	}
	c.fails("at most 1", "moderation", "thresholds", "Support", "--set", "violence=1.5")
	c.fails("CATEGORY=SCORE", "moderation", "thresholds", "Support", "--set", "violence")
	c.fails(`"gore" is not a moderation category`, "moderation", "thresholds", "Support", "--unset", "gore")
	if out := c.must("", "moderation", "thresholds", "Support", "--unset", "sexual"); strings.Contains(out, "sexual") || !strings.Contains(out, "violence\t0.4") {
		t.Fatalf("after --unset = %q", out)
	}
	if out := c.must("", "moderation", "thresholds", "Support", "--clear"); !strings.Contains(out, "no thresholds") {
		t.Fatalf("after --clear = %q", out)
	}

	c.must("", "moderation", "suite", "rename", "Support", "Help desk")
	exported := filepath.Join(t.TempDir(), "suite.jsonl")
	c.must("", "moderation", "suite", "export", "Help desk", "--format", "jsonl", "--out", exported)
	c.must("", "moderation", "suite", "import", "Copy", exported, "--create")
	var suites []struct {
		Name      string `json:"name"`
		ItemCount int    `json:"item_count"`
		Labelled  int    `json:"labelled"`
	}
	decodeJSON(t, c.must("", "moderation", "suites", "--format", "json"), &suites)
	if len(suites) != 2 || suites[0].Name == suites[1].Name || suites[0].ItemCount != 3 || suites[1].ItemCount != 3 || suites[0].Labelled != suites[1].Labelled {
		t.Fatalf("suites after the round trip = %+v", suites)
	}
	if out := c.must("", "moderation", "suite", "delete", "Copy"); !strings.Contains(out, "3 prompts and 0 runs") {
		t.Fatalf("delete = %q", out)
	}
	c.fails("no moderation suite named", "moderation", "suite", "delete", "Copy")
	c.fails("unknown subcommand", "moderation", "suite", "frobnicate")
	c.fails("give a subcommand", "moderation")
}

func TestModerationRuns(t *testing.T) {
	key := fakeKey(t)
	srv := openaitest.New(t, openaitest.WithKeys(key))
	c := &orgCLI{t: t, dir: t.TempDir(), url: srv.URL}
	c.must("", "keys", "vault", "file")
	c.must("", "members", "add", "Mei")
	c.must(key+"\n", "keys", "add", "--member", "Mei", "--label", "own")
	c.must("", "moderation", "suite", "create", "--starter")
	var suites []struct {
		ID        int64  `json:"id"`
		Name      string `json:"name"`
		ItemCount int    `json:"item_count"`
	}
	decodeJSON(t, c.must("", "moderation", "suites", "--format", "json"), &suites)
	if len(suites) != 1 || suites[0].ItemCount == 0 {
		t.Fatalf("the starter suite = %+v", suites)
	}
	suite := suites[0].Name

	c.fails("moderation.key", "moderation", "run", suite)
	c.must("", "settings", "set", "moderation.key", "own")
	c.fails("usage: steward moderation run", "moderation", "run", suite, "--batch", "-1")
	code, out, errOut := c.run("", "moderation", "run", strconv.FormatInt(suites[0].ID, 10), "--batch", "4")
	if code != ExitOK || !strings.Contains(out, "completed") {
		t.Fatalf("run = %d %q %q", code, out, errOut)
	}
	if n, want := len(srv.Requests()), (suites[0].ItemCount+3)/4; n != want {
		t.Fatalf("%d prompts in batches of 4 took %d requests, want %d", suites[0].ItemCount, n, want)
	}
	var runs []struct {
		ID      int64  `json:"id"`
		Status  string `json:"status"`
		Total   int    `json:"total"`
		Done    int    `json:"done"`
		Flagged int    `json:"flagged"`
	}
	decodeJSON(t, c.must("", "moderation", "runs", suite, "--format", "json"), &runs)
	if len(runs) != 1 || runs[0].Status != "completed" || runs[0].Done != suites[0].ItemCount {
		t.Fatalf("runs = %+v", runs)
	}
	id := strconv.FormatInt(runs[0].ID, 10)

	csv := c.must("", "moderation", "export", id, "--format", "csv", "--out", "-")
	if lines := strings.Count(strings.TrimSpace(csv), "\n"); lines != runs[0].Total {
		t.Fatalf("the CSV has %d rows, want %d: %q", lines, runs[0].Total, csv)
	}
	var rep struct {
		RunID   int64 `json:"run_id"`
		Summary struct{ Total, Flagged int }
	}
	decodeJSON(t, c.must("", "moderation", "export", id, "--format", "json", "--out", "-"), &rep)
	if rep.RunID != runs[0].ID || rep.Summary.Total != runs[0].Total || rep.Summary.Flagged != runs[0].Flagged {
		t.Fatalf("the JSON report = %+v, the run %+v", rep, runs[0])
	}
	c.fails("usage: steward moderation export", "moderation", "export", id, "--format", "docx", "--out", "-")
	c.fails("no moderation run", "moderation", "export", "424242", "--format", "json", "--out", "-")

	c.fails("is not being sent right now", "moderation", "cancel", id)
	c.fails("is a number", "moderation", "resume", "latest")
	before := len(srv.Requests())
	if out := c.must("", "moderation", "resume", id); !strings.Contains(out, "completed") || len(srv.Requests()) != before {
		t.Fatalf("resuming a completed run = %q, sent %d requests", out, len(srv.Requests())-before)
	}
	c.must("", "moderation", "runs", "--delete", id)
	if out := c.must("", "moderation", "runs"); strings.Contains(out, suite) {
		t.Fatalf("the deleted run is listed: %q", out)
	}

	// A prompt that cannot be sent ends in an error: exit 1, and resume retries it.
	img := filepath.Join(t.TempDir(), "cat.png")
	writePNG(t, img)
	c.must("", "moderation", "suite", "create", "Images")
	c.must("", "moderation", "prompt", "add", "Images", "--text", "a cat", "--image", img)
	os.Rename(img, img+".away")
	code, out, errOut = c.run("", "moderation", "run", "Images")
	if code != ExitFinding || !strings.Contains(out, "1 errors") || !strings.Contains(errOut, "steward moderation resume") {
		t.Fatalf("a run with an unreadable image = %d %q %q", code, out, errOut)
	}
	decodeJSON(t, c.must("", "moderation", "runs", "Images", "--format", "json"), &runs)
	os.Rename(img+".away", img)
	if code, out, errOut = c.run("", "moderation", "resume", strconv.FormatInt(runs[0].ID, 10)); code != ExitOK || !strings.Contains(out, "1 answered") {
		t.Fatalf("resume = %d %q %q", code, out, errOut)
	}
	if strings.Contains(c.seen.String(), key) {
		t.Fatal("the key was printed")
	}
}

// writePNG writes a small PNG image to path.
func writePNG(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, image.NewGray(image.Rect(0, 0, 8, 8))); err != nil {
		t.Fatal(err)
	}
}

func TestHelpListsTheParityCommands(t *testing.T) {
	_, out, _ := run(t, t.TempDir(), "help")
	for _, want := range []string{"moderation ", "suite create|rename|delete|import", "reconcile, bodies", "drafts, polish"} {
		if !strings.Contains(out, want) {
			t.Errorf("help does not mention %q:\n%s", want, out)
		}
	}
}
