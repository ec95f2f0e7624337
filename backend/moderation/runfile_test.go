package moderation

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"steward/backend/openai"
)

// runFileConfig is a RunFile config that sends to h's server with its
// fake clock and sleeper.
func (h *harness) runFileConfig(path string) RunFileConfig {
	return RunFileConfig{InPath: path, Client: h.config(), Observer: h.calls, Sleep: h.sleep.Sleep, Now: h.clock.Now}
}

func TestRunFile(t *testing.T) {
	h := newHarness(t)
	path := writeFile(t, "prompts.csv", []byte("prompt,violence\nhello there,0\nI will kill them,1\n\"multi\nline\",maybe\nbye,\n"))
	var last Progress
	cfg := h.runFileConfig(path)
	cfg.Batch = 2
	cfg.Progress = ProgressFunc(func(p Progress) { last = p })
	rep, err := RunFile(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Model != "omni-moderation-latest" || rep.Summary.Total != 3 || rep.Summary.Flagged != 1 || rep.Summary.Errors != 0 || rep.Status != RunCompleted {
		t.Fatalf("report = %+v", rep.Summary)
	}
	if len(rep.Skipped) != 1 || rep.Skipped[0].Line != 4 {
		t.Fatalf("skipped = %+v", rep.Skipped)
	}
	if got := h.srv.Counts().Requests; got != 2 {
		t.Fatalf("requests = %d; want 2 batches", got)
	}
	if !last.Final || last.Done != 3 {
		t.Fatalf("last progress = %+v", last)
	}
	var buf bytes.Buffer
	if err := WriteReport(&buf, rep, ReportJSON, "en"); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		RunID int64 `json:"run_id"`
		Items []struct {
			Input   string `json:"input"`
			Flagged bool   `json:"flagged"`
		} `json:"items"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil || doc.RunID == 0 || len(doc.Items) != 3 || !doc.Items[1].Flagged {
		t.Fatalf("JSON = %s, %v", buf.String(), err)
	}
}

func TestRunFileNamedSuite(t *testing.T) {
	h := newHarness(t)
	cfg := h.runFileConfig(writeFile(t, "p.txt", []byte("one\ntwo\n")))
	cfg.Store, cfg.SuiteName = h.st, "CLI prompts"
	if _, err := RunFile(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	su, err := h.svc.SuiteByName("cli prompts")
	if err != nil || su.ItemCount != 2 {
		t.Fatalf("suite = %+v, %v", su, err)
	}
	if runs, _ := h.svc.ListRuns(su.ID); len(runs) != 1 || runs[0].Status != RunCompleted {
		t.Fatalf("runs = %+v", runs)
	}
	t.Run("ErrSuiteExists", func(t *testing.T) {
		_, err := RunFile(context.Background(), cfg)
		wantCode(t, err, CodeSuiteExists)
	})
	t.Run("OK_RunExistingSuite", func(t *testing.T) {
		cfg := cfg
		cfg.InPath = ""
		rep, err := RunFile(context.Background(), cfg)
		if err != nil || rep.Summary.Total != 2 {
			t.Fatalf("report = %+v, %v", rep.Summary, err)
		}
	})
}

func TestRunFileStopsEarly(t *testing.T) {
	t.Run("ErrKeyRejectedKeepsEveryItem", func(t *testing.T) {
		h := newHarness(t)
		cfg := h.runFileConfig(writeFile(t, "p.txt", []byte("one\ntwo\nthree\n")))
		cfg.Client.APIKey = testKey(t)
		rep, err := RunFile(context.Background(), cfg)
		wantCode(t, err, openai.CodeKeyRejected)
		if rep.Summary.Total != 3 || rep.Summary.Errors != 3 || !strings.Contains(rep.Items[0].Error, "stopped on an error") || !strings.Contains(rep.Error, "401") {
			t.Fatalf("report = %+v / %q", rep.Summary, rep.Error)
		}
		if strings.Contains(err.Error()+rep.Error, cfg.Client.APIKey) {
			t.Fatal("the key is in the error")
		}
	})
	t.Run("ErrCancelledKeepsAnswers", func(t *testing.T) {
		h := newHarness(t)
		ctx, cancel := context.WithCancel(context.Background())
		h.calls.on = func(n int, _ openai.CallInfo) {
			if n == 2 {
				cancel()
			}
		}
		cfg := h.runFileConfig(writeFile(t, "p.txt", []byte(strings.Join(prompts(10), "\n"))))
		cfg.Batch, cfg.Concurrency = 2, 1
		rep, err := RunFile(ctx, cfg)
		if err == nil || !strings.Contains(err.Error(), "context canceled") {
			t.Fatalf("err = %v", err)
		}
		answered := rep.Summary.Total - rep.Summary.Errors
		if rep.Summary.Total != 10 || answered < 2 || answered > 4 || rep.Status != RunCancelled {
			t.Fatalf("report = %+v (%s)", rep.Summary, rep.Status)
		}
	})
}
