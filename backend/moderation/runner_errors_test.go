package moderation

import (
	"database/sql"
	"net/http"
	"strings"
	"testing"

	"steward/backend/apperr"
	"steward/backend/openai"
	"steward/backend/openaitest"
)

func TestRunStopsOnErrorsThatFailEveryRequest(t *testing.T) {
	tests := []struct {
		name  string
		setup func(h *harness)
		model string
		code  apperr.Code
		want  string
	}{
		{"ErrKeyRejected", func(h *harness) { h.key = testKey(t) }, "", openai.CodeKeyRejected, "401"},
		{"ErrUnreachable", func(h *harness) { h.srv.URL = "http://127.0.0.1:1/v1" }, "", openai.CodeUnreachable, "did not answer"},
		{"ErrUnknownModel", func(*harness) {}, "omni-moderation-2099", openai.CodeNotFound, "404"},
		{"ErrQuota", func(h *harness) { h.srv.FailNext(1, http.StatusTooManyRequests) }, "", openai.CodeQuota, "quota"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			good, goodURL := h.key, h.srv.URL
			su := h.suite(t, prompts(5)...)
			tt.setup(h)
			run, err := h.svc.StartRun(su.ID, RunOptions{Model: tt.model, BatchSize: 2, Concurrency: 1})
			wantCode(t, err, tt.code)
			en, _ := bothLanguages(t, err)
			if !strings.Contains(en, tt.want) || strings.Contains(en+err.Error(), good) || strings.Contains(en+err.Error(), h.key) {
				t.Fatalf("message = %q", en)
			}
			if run.Status != RunFailed || run.Done != 0 || run.Pending() != 5 || !strings.Contains(run.Error, tt.want) || run.ErrorZh == "" {
				t.Fatalf("run = %+v", run)
			}
			h.key, h.srv.URL = good, goodURL
			if tt.model != "" {
				h.st.Write(t.Context(), func(tx *sql.Tx) error {
					_, err := tx.Exec(`UPDATE moderation_runs SET model = 'omni-moderation-latest' WHERE id = ?`, run.ID)
					return err
				})
			}
			if run, err = h.svc.Resume(run.ID); err != nil || run.Status != RunCompleted || run.Done != 5 || run.Error != "" {
				t.Fatalf("resumed run = %+v, %v", run, err)
			}
			noKeyOnDisk(t, h)
		})
	}
}

func TestRunBadRequestFailsOnlyTheBadItem(t *testing.T) {
	h := newHarness(t)
	su := h.suite(t, "first", "second", "third", "fourth")
	counter := h.countInputs()
	h.srv.Inject(2, openaitest.Fault{Path: "/moderations", Status: http.StatusBadRequest})
	run, err := h.svc.StartRun(su.ID, RunOptions{BatchSize: 2, Concurrency: 1})
	if err != nil || run.Status != RunCompleted || run.Done != 3 || run.Errors != 1 {
		t.Fatalf("run = %+v, %v", run, err)
	}
	if got := counter.Inputs(); len(got) != 4 || got[0] != 2 || got[1] != 1 || got[2] != 1 || got[3] != 2 {
		t.Fatalf("inputs per request = %v; want the refused batch split", got)
	}
	page, _ := h.svc.Results(run.ID, ResultFilter{Flag: FilterErrors})
	if page.Total != 1 || page.Rows[0].Result.Index != 0 || !strings.Contains(page.Rows[0].Result.Error, "400") || page.Rows[0].Result.ErrorZh == "" {
		t.Fatalf("error rows = %+v", page.Rows)
	}
	counter.inputs = nil
	if run, err = h.svc.Resume(run.ID); err != nil || run.Done != 4 || run.Errors != 0 {
		t.Fatalf("resume after errors = %+v, %v", run, err)
	}
	if got := counter.Inputs(); len(got) != 1 || got[0] != 1 {
		t.Fatalf("resume sent %v; want only the failed item", got)
	}
}

func TestRunRefusals(t *testing.T) {
	h := newHarness(t)
	t.Run("ErrSuiteEmpty", func(t *testing.T) {
		su := makeSuite(t, h.svc, "empty")
		_, err := h.svc.StartRun(su.ID, RunOptions{})
		wantCode(t, err, CodeSuiteEmpty)
	})
	t.Run("ErrRunUnknown", func(t *testing.T) {
		_, err := h.svc.Resume(999)
		wantCode(t, err, CodeRunUnknown)
		wantCode(t, h.svc.Pause(999), CodeRunUnknown)
	})
	t.Run("ErrNoAPIConfigured", func(t *testing.T) {
		s := newTestService(t)
		su := makeSuite(t, s, "x", "y")
		run, err := s.StartRun(su.ID, RunOptions{})
		wantCode(t, err, openai.CodeKeyMissing)
		if run.Status != RunFailed || run.Pending() != 1 {
			t.Fatalf("run = %+v", run)
		}
	})
	t.Run("OK_CancelStoppedRun", func(t *testing.T) {
		su := makeSuite(t, h.svc, "to cancel", "a")
		run, _ := h.svc.CreateRun(su.ID, RunOptions{})
		if err := h.svc.Cancel(run.ID); err != nil {
			t.Fatal(err)
		}
		if run, _ = h.svc.Run(run.ID); run.Status != RunCancelled {
			t.Fatalf("status = %s", run.Status)
		}
	})
	t.Run("OK_InterruptedRunShowsAsSuch", func(t *testing.T) {
		su := makeSuite(t, h.svc, "interrupted", "a")
		run, _ := h.svc.CreateRun(su.ID, RunOptions{})
		h.svc.setRunStatus(run.ID, RunRunning, "", "")
		if run, _ = h.svc.Run(run.ID); run.Status != RunInterrupted {
			t.Fatalf("status = %s", run.Status)
		}
		if run, err := h.svc.Resume(run.ID); err != nil || run.Status != RunCompleted {
			t.Fatalf("resume interrupted = %+v, %v", run, err)
		}
	})
}

// TestRunKeepsAnswersBeforeAStop: a refused batch is split, and when a
// later single request stops the run, the answers before it are kept.
func TestRunKeepsAnswersBeforeAStop(t *testing.T) {
	h := newHarness(t)
	su := h.suite(t, "first", "second", "third")
	h.srv.Inject(1, openaitest.Fault{Path: "/moderations", Status: http.StatusBadRequest})
	h.srv.Inject(1, openaitest.Fault{Path: "/moderations"})
	h.srv.Inject(1, openaitest.Fault{Path: "/moderations", Status: http.StatusUnauthorized})
	run, err := h.svc.StartRun(su.ID, RunOptions{Concurrency: 1})
	wantCode(t, err, openai.CodeKeyRejected)
	if run.Status != RunFailed || run.Done != 1 || run.Pending() != 2 {
		t.Fatalf("run = %+v", run)
	}
	if run, err = h.svc.Resume(run.ID); err != nil || run.Done != 3 {
		t.Fatalf("resumed = %+v, %v", run, err)
	}
}
