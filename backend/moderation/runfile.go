package moderation

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"steward/backend/openai"
	"steward/backend/store"
)

// RunFileConfig is what the CLI gives RunFile.
type RunFileConfig struct {
	InPath   string              // the suite file (txt, csv, jsonl, optionally .gz); empty runs the suite named SuiteName
	Model    string              // omni-moderation-latest by default
	Batch    int                 // texts per request; 32 by default
	RPM      int                 // client-side requests-per-minute limit; 0 means none
	TPM      int                 // client-side tokens-per-minute limit; 0 means none
	Client   openai.Config       // where and as whom to call the API
	Observer openai.CallObserver // every HTTP attempt, for the usage log
	Progress ProgressReporter    // nil for none

	// Store keeps the suite and run; nil uses a temporary database that is
	// removed afterwards.
	Store *store.Store
	// SuiteName names the suite the file is imported into (it must be
	// new); empty names it after the file, made unique.
	SuiteName   string
	Import      ImportOptions      // how to read InPath (CSV column, format)
	Concurrency int                // requests in flight; 2 by default
	Retry       openai.RetryPolicy // replaces the default when MaxAttempts is set
	Sleep       func(context.Context, time.Duration) error
	Now         func() time.Time
	PII         string // pre-screen policy: PIIOff (default), PIIRedact or PIIBlock
}

// RunFile imports a file into a suite, sends it and returns its report.
// With cfg.Store the report is streamed from it (write it before closing
// the store); without, its items are in Items.
// If the run stops early (ctx cancelled, a rejected key, an API that does
// not answer), the report still has everything answered, the rest is
// marked not sent, and the error says why.
func RunFile(ctx context.Context, cfg RunFileConfig) (rep RunReport, err error) {
	st := cfg.Store
	if st == nil {
		dir, err := os.MkdirTemp("", "steward-moderation-*")
		if err != nil {
			return RunReport{}, fmt.Errorf("temporary database: %w", err)
		}
		defer os.RemoveAll(dir)
		if st, err = store.Open(ctx, dir, store.Options{Now: cfg.Now}); err != nil {
			return RunReport{}, err
		}
		defer st.Close()
	}
	svc := New(st, Options{Now: cfg.Now, Runner: RunnerConfig{
		Config:   func() (openai.Config, error) { return cfg.Client, nil },
		Observer: cfg.Observer, Progress: cfg.Progress, Retry: cfg.Retry, Sleep: cfg.Sleep,
		PII: func() string { return cfg.PII },
	}})
	suiteID, skipped, err := svc.suiteForFile(cfg)
	if err != nil {
		return RunReport{}, err
	}
	run, err := svc.CreateRun(suiteID, RunOptions{Model: cfg.Model, BatchSize: cfg.Batch, Concurrency: cfg.Concurrency, RPM: cfg.RPM, TPM: cfg.TPM})
	if err != nil {
		return RunReport{}, err
	}
	_, runErr := svc.resume(ctx, run.ID)
	if runErr == nil && ctx.Err() != nil {
		runErr = fmt.Errorf("moderation run %d: %w", run.ID, context.Cause(ctx))
	}
	rep, err = svc.streamReport(run.ID)
	if err == nil && cfg.Store == nil {
		rep, err = rep.Materialized() // the temporary database goes when RunFile returns
	}
	if err != nil {
		return RunReport{}, errors.Join(runErr, err)
	}
	rep.Skipped = skipped
	return rep, runErr
}

// suiteForFile imports cfg.InPath into a new suite, or finds the suite
// named cfg.SuiteName when there is no file.
func (s *Service) suiteForFile(cfg RunFileConfig) (int64, []RowError, error) {
	if cfg.InPath == "" {
		su, err := s.SuiteByName(cfg.SuiteName)
		return su.ID, nil, err
	}
	res, err := s.ImportNewSuite(cfg.SuiteName, cfg.InPath, cfg.Import)
	return res.SuiteID, res.Skipped, err
}
