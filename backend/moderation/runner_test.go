package moderation

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"steward/backend/openai"
	"steward/backend/openaitest"
)

// inputCounter records how many inputs each moderation request carried.
type inputCounter struct {
	base   http.RoundTripper
	mu     sync.Mutex
	inputs []int
}

func (c *inputCounter) RoundTrip(r *http.Request) (*http.Response, error) {
	b, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(b))
	var v struct {
		Input json.RawMessage `json:"input"`
	}
	var arr []json.RawMessage
	n := 1
	if json.Unmarshal(b, &v) == nil && json.Unmarshal(v.Input, &arr) == nil && len(arr) > 0 {
		if !bytes.Contains(v.Input, []byte(`"type"`)) {
			n = len(arr)
		}
	}
	c.mu.Lock()
	c.inputs = append(c.inputs, n)
	c.mu.Unlock()
	return c.base.RoundTrip(r)
}

func (c *inputCounter) Inputs() []int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]int(nil), c.inputs...)
}

func (c *inputCounter) Total() int {
	n := 0
	for _, v := range c.Inputs() {
		n += v
	}
	return n
}

// countInputs routes the harness's requests through an inputCounter.
func (h *harness) countInputs() *inputCounter {
	c := &inputCounter{base: h.srv.Client().Transport}
	h.http = &http.Client{Transport: c}
	return c
}

func TestRunBatchesTexts(t *testing.T) {
	h := newHarness(t)
	texts := prompts(70)
	texts[3] = "I will kill them all"
	texts[40] = "a scene full of gore"
	su := h.suite(t, texts...)
	counter := h.countInputs()
	run, err := h.svc.StartRun(su.ID, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if run.Status != RunCompleted || run.Done != 70 || run.Errors != 0 || run.Flagged != 2 || run.Model != "omni-moderation-latest" {
		t.Fatalf("run = %+v", run)
	}
	if got := counter.Inputs(); len(got) != 3 || got[0]+got[1]+got[2] != 70 || max(got[0], got[1], got[2]) != 32 {
		t.Fatalf("inputs per request = %v; want batches of up to 32", got)
	}
	calls := h.calls.Calls()
	if len(calls) != 3 || calls[0].Endpoint != "/moderations" || calls[0].Model != "omni-moderation-latest" || calls[0].KeyFingerprint == "" {
		t.Fatalf("observed calls = %+v", calls)
	}
	page, err := h.svc.Results(run.ID, ResultFilter{Flag: FilterFlagged})
	if err != nil || page.Total != 2 || page.Rows[0].Result.Index != 3 || page.Rows[1].Result.Index != 40 {
		t.Fatalf("flagged rows = %+v, %v", page, err)
	}
	r := page.Rows[0].Result
	if len(r.Categories) != 13 || len(r.Scores) != 13 || r.Categories["violence"] == nil || !*r.Categories["violence"] ||
		strings.Join(r.AppliedInputTypes["violence"], ",") != "text" || r.CompletedAt == "" {
		t.Fatalf("stored result = %+v", r)
	}
	if page, _ = h.svc.Results(run.ID, ResultFilter{Category: "violence/graphic"}); page.Total != 1 || page.Rows[0].Result.Index != 40 {
		t.Fatalf("violence/graphic rows = %+v", page.Rows)
	}
	noKeyOnDisk(t, h)
}

// noKeyOnDisk fails if the API key is anywhere in the database files.
func noKeyOnDisk(t *testing.T, h *harness) {
	t.Helper()
	for _, p := range []string{h.st.Path(), h.st.Path() + "-wal"} {
		b, err := os.ReadFile(p)
		if err == nil && bytes.Contains(b, []byte(h.key)) {
			t.Fatalf("the API key is stored in %s", filepath.Base(p))
		}
	}
}

func TestRunHonoursRetryAfter(t *testing.T) {
	h := newHarness(t, openaitest.WithRateLimits(openaitest.RateLimits{RequestsPerMinute: 2}))
	su := h.suite(t, prompts(6)...)
	run, err := h.svc.StartRun(su.ID, RunOptions{BatchSize: 2, Concurrency: 1})
	if err != nil || run.Status != RunCompleted || run.Done != 6 {
		t.Fatalf("run = %+v, %v", run, err)
	}
	if got := h.srv.Counts(); got.Requests != 4 || got.RateLimited != 1 {
		t.Fatalf("server counts = %+v; want 4 requests, one 429", got)
	}
	if waits := h.sleep.Waits(); len(waits) != 1 || waits[0] != 30*time.Second {
		t.Fatalf("waits = %v; want the server's 30s Retry-After", waits)
	}
	calls := h.calls.Calls()
	if c := calls[2]; c.Status != 429 || !c.WillRetry || c.RateLimit.RetryAfter != 30*time.Second {
		t.Fatalf("429 call = %+v", c)
	}
}

func TestRunClientLimiterPaces(t *testing.T) {
	h := newHarness(t)
	su := h.suite(t, prompts(4)...)
	run, err := h.svc.StartRun(su.ID, RunOptions{BatchSize: 1, Concurrency: 1, RPM: 2})
	if err != nil || run.Status != RunCompleted || run.RPM != 2 {
		t.Fatalf("run = %+v, %v", run, err)
	}
	waits := h.sleep.Waits()
	if len(waits) != 2 || waits[0] != 30*time.Second || waits[1] != 30*time.Second {
		t.Fatalf("waits = %v; want two 30s waits after a burst of 2", waits)
	}
	if got := h.srv.Counts(); got.RateLimited != 0 || got.Requests != 4 {
		t.Fatalf("server counts = %+v", got)
	}
}

func TestRunRetriesServerErrors(t *testing.T) {
	h := newHarness(t)
	su := h.suite(t, prompts(3)...)
	h.srv.FailNext(2, http.StatusServiceUnavailable)
	run, err := h.svc.StartRun(su.ID, RunOptions{})
	if err != nil || run.Status != RunCompleted || run.Done != 3 {
		t.Fatalf("run = %+v, %v", run, err)
	}
	if got := h.srv.Counts(); got.Requests != 3 || got.ServerErrors != 2 {
		t.Fatalf("server counts = %+v", got)
	}
	if waits := h.sleep.Waits(); len(waits) != 2 || waits[0] != 250*time.Millisecond || waits[1] != 500*time.Millisecond {
		t.Fatalf("backoff waits = %v", waits)
	}
}

func TestRunCancelThenResume(t *testing.T) {
	h := newHarness(t)
	su := h.suite(t, prompts(20)...)
	counter := h.countInputs()
	run, err := h.svc.CreateRun(su.ID, RunOptions{BatchSize: 2, Concurrency: 1})
	if err != nil {
		t.Fatal(err)
	}
	h.calls.on = func(n int, _ openai.CallInfo) {
		if n == 3 {
			h.svc.Cancel(run.ID)
		}
	}
	stopped, err := h.svc.Resume(run.ID)
	if err != nil || stopped.Status != RunCancelled {
		t.Fatalf("cancelled run = %+v, %v", stopped, err)
	}
	if stopped.Done < 4 || stopped.Done > 6 || stopped.Pending() != 20-stopped.Done {
		t.Fatalf("after cancel: %d done, %d pending", stopped.Done, stopped.Pending())
	}
	rep, _ := h.svc.Report(run.ID)
	if rep.Summary.Errors != stopped.Pending() || !strings.Contains(rep.Items[19].Error, "cancelled") {
		t.Fatalf("report of cancelled run: %+v / %q", rep.Summary, rep.Items[19].Error)
	}
	h.calls.on = nil
	sentBefore := counter.Total()
	done, err := h.svc.Resume(run.ID)
	if err != nil || done.Status != RunCompleted || done.Done != 20 {
		t.Fatalf("resumed run = %+v, %v", done, err)
	}
	if sent := counter.Total() - sentBefore; sent != stopped.Pending() {
		t.Fatalf("resume sent %d inputs; %d were missing", sent, stopped.Pending())
	}
}

func TestRunPauseThenResume(t *testing.T) {
	h := newHarness(t)
	su := h.suite(t, prompts(8)...)
	run, _ := h.svc.CreateRun(su.ID, RunOptions{BatchSize: 2, Concurrency: 1})
	h.calls.on = func(n int, _ openai.CallInfo) {
		if n == 1 {
			if err := h.svc.Pause(run.ID); err != nil {
				t.Error(err)
			}
		}
	}
	paused, err := h.svc.Resume(run.ID)
	if err != nil || paused.Status != RunPaused || paused.Done == 8 {
		t.Fatalf("paused run = %+v, %v", paused, err)
	}
	wantCode(t, h.svc.Pause(run.ID), CodeRunNotActive)
	h.calls.on = nil
	if done, err := h.svc.Resume(run.ID); err != nil || done.Status != RunCompleted || done.Done != 8 {
		t.Fatalf("resumed run = %+v, %v", done, err)
	}
}

func TestRunImages(t *testing.T) {
	h := newHarness(t)
	su := h.suite(t, "text one", "text two")
	img := writeFile(t, "photo.png", pngBytes())
	if _, err := h.svc.AddItem(su.ID, ItemInput{Text: "caption", ImagePath: img}); err != nil {
		t.Fatal(err)
	}
	if _, err := h.svc.AddItem(su.ID, ItemInput{ImagePath: img}); err != nil {
		t.Fatal(err)
	}
	counter := h.countInputs()
	run, err := h.svc.StartRun(su.ID, RunOptions{})
	if err != nil || run.Done != 4 {
		t.Fatalf("run = %+v, %v", run, err)
	}
	if got := counter.Inputs(); len(got) != 3 {
		t.Fatalf("requests = %v; want one text batch and one per image", got)
	}
	page, _ := h.svc.Results(run.ID, ResultFilter{})
	if got := page.Rows[2].Result.AppliedInputTypes["violence"]; strings.Join(got, ",") != "text,image" {
		t.Fatalf("applied types with caption = %v", got)
	}
	if got := page.Rows[3].Result.AppliedInputTypes["violence"]; strings.Join(got, ",") != "image" {
		t.Fatalf("applied types of image alone = %v", got)
	}
	if got := page.Rows[3].Result.AppliedInputTypes["hate"]; got == nil || len(got) != 0 {
		t.Fatalf("hate applies to %v; want an empty list", got)
	}

	t.Run("ErrTextModelRefusesImages", func(t *testing.T) {
		run, err := h.svc.StartRun(su.ID, RunOptions{Model: "text-moderation-latest"})
		if err != nil || run.Done != 2 || run.Errors != 2 {
			t.Fatalf("run = %+v, %v", run, err)
		}
		page, _ := h.svc.Results(run.ID, ResultFilter{Flag: FilterUnflagged})
		if r := page.Rows[0].Result; r.Categories["illicit"] != nil || r.Scores["illicit"] != nil || len(r.AppliedInputTypes) != 0 {
			t.Fatalf("legacy result = %+v", r)
		}
	})
	t.Run("ErrImageGoneSinceAdded", func(t *testing.T) {
		os.Remove(img)
		run, err := h.svc.StartRun(su.ID, RunOptions{})
		if err != nil || run.Done != 2 || run.Errors != 2 {
			t.Fatalf("run = %+v, %v", run, err)
		}
		page, _ := h.svc.Results(run.ID, ResultFilter{Flag: FilterErrors})
		if !strings.Contains(page.Rows[0].Result.Error, "does not exist") {
			t.Fatalf("error = %q", page.Rows[0].Result.Error)
		}
	})
}
