package moderation

import (
	"context"
	"errors"
	"fmt"
	"time"

	"steward/backend/apperr"
	"steward/backend/openai"
)

// RunnerConfig says how runs reach the API. Limiter, observer and sleeper
// are options of an openai.Client, so each run builds its own client from
// Config.
type RunnerConfig struct {
	// Config says where and as whom to call the API. It is read when each
	// run starts, so a key changed in Settings applies to the next run.
	Config func() (openai.Config, error)
	// Observer sees every HTTP attempt, for the usage log.
	Observer openai.CallObserver
	// Progress receives the progress of every run; nil for none.
	Progress ProgressReporter
	// Retry replaces openai.DefaultRetryPolicy when MaxAttempts is set.
	Retry openai.RetryPolicy
	// Sleep is how runs wait for the rate limit and between retries; tests
	// pass one that advances a fake clock. Real time by default.
	Sleep func(context.Context, time.Duration) error
	// PII returns the pre-screen policy (PIIOff, PIIRedact or PIIBlock) a
	// run applies when it starts; nil means off.
	PII func() string
	// Context is the parent of runs started without one (the GUI's);
	// cancelling it cancels them. Background by default.
	Context context.Context
}

// activeRun is a run this Service is sending.
type activeRun struct {
	suiteID int64
	cancel  context.CancelCauseFunc
}

// Reasons a run's context is cancelled.
var (
	errPaused    = errors.New("paused by the user")
	errCancelled = errors.New("cancelled by the user")
)

// StartRun creates a run of a suite and sends it, returning when it stops:
// completed, paused, cancelled or failed. Progress reports carry its id.
func (s *Service) StartRun(suiteID int64, opts RunOptions) (Run, error) {
	run, err := s.CreateRun(suiteID, opts)
	if err != nil {
		return Run{}, err
	}
	return s.Resume(run.ID)
}

// Resume sends what a run is missing — items never answered and items
// that ended in an error — and returns when it stops. Everything already
// answered is kept and not sent again.
func (s *Service) Resume(runID int64) (Run, error) {
	return s.resume(s.parent(), runID)
}

// resume is Resume under ctx: cancelling ctx cancels the run. It is kept
// off the bound methods, which take plain values.
func (s *Service) resume(ctx context.Context, runID int64) (Run, error) {
	run, err := s.Run(runID)
	if err != nil {
		return Run{}, err
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	if !s.claim(run, cancel) {
		return run, errRunActive("moderation.resume")
	}
	defer s.release(runID)
	tr := newTracker(run, s.now)
	err = s.send(ctx, cancel, run, tr)
	status, errEn, errZh := s.outcomeOf(ctx, runID, err)
	if serr := s.setRunStatus(runID, status, errEn, errZh); serr != nil && err == nil {
		err = serr
	}
	final, rerr := s.Run(runID)
	if rerr != nil {
		return Run{}, errors.Join(err, rerr)
	}
	s.reportFinal(final, tr)
	return final, err
}

// Pause stops a run being sent; Resume continues it.
func (s *Service) Pause(runID int64) error { return s.stop(runID, errPaused) }

// Cancel stops a run being sent, or marks a stopped one cancelled. What
// was answered is kept, and Resume can still finish it.
func (s *Service) Cancel(runID int64) error {
	err := s.stop(runID, errCancelled)
	if !apperr.Is(err, CodeRunNotActive) {
		return err
	}
	run, rerr := s.Run(runID)
	if rerr != nil {
		return rerr
	}
	if run.Status == RunCompleted {
		return err
	}
	return s.setRunStatus(runID, RunCancelled, "", "")
}

func (s *Service) stop(runID int64, why error) error {
	s.mu.Lock()
	a, ok := s.active[runID]
	s.mu.Unlock()
	if !ok {
		if _, err := s.Run(runID); err != nil {
			return err
		}
		return errRunNotActive("moderation.stop", runID)
	}
	a.cancel(why)
	return nil
}

// claim marks a run as being sent here; false if it already is.
func (s *Service) claim(run Run, cancel context.CancelCauseFunc) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.active[run.ID]; ok {
		return false
	}
	s.active[run.ID] = &activeRun{suiteID: run.SuiteID, cancel: cancel}
	return true
}

func (s *Service) release(runID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.active, runID)
}

func (s *Service) isActive(runID int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.active[runID]
	return ok
}

func (s *Service) suiteRunning(suiteID int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range s.active {
		if a.suiteID == suiteID {
			return true
		}
	}
	return false
}

func (s *Service) parent() context.Context {
	if s.runs.Context != nil {
		return s.runs.Context
	}
	return context.Background()
}

// outcomeOf decides a stopped run's status from how sending ended.
func (s *Service) outcomeOf(ctx context.Context, runID int64, err error) (status, errEn, errZh string) {
	switch cause := context.Cause(ctx); {
	case err != nil:
		_, en := apperr.Describe(err, "en")
		_, zh := apperr.Describe(err, "zh-CN")
		return RunFailed, en, zh
	case errors.Is(cause, errPaused):
		return RunPaused, "", ""
	case ctx.Err() != nil:
		return RunCancelled, "", ""
	}
	left, lerr := s.loadResults(runID, StatePending)
	if lerr != nil || len(left) > 0 {
		return RunFailed, fmt.Sprintf("%d items were not sent.", len(left)), fmt.Sprintf("有 %d 个条目未发送。", len(left))
	}
	return RunCompleted, "", ""
}

// reportFinal sends the last progress report of a run.
func (s *Service) reportFinal(run Run, tr *tracker) {
	if s.runs.Progress == nil {
		return
	}
	p := tr.snapshot()
	p.Done, p.Errors, p.Flagged, p.Total = run.Done+run.Errors, run.Errors, run.Flagged, run.Total
	p.ETASeconds, p.State, p.WaitingUntil, p.WaitReason, p.Final = 0, run.Status, "", "", true
	s.runs.Progress.ReportProgress(p)
}
