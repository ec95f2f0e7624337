package moderation

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"steward/backend/openai"
)

// RunOptions say how to send a run. Zero values take the defaults.
type RunOptions struct {
	Model       string `json:"model"`       // omni-moderation-latest by default; any name is accepted
	BatchSize   int    `json:"batch_size"`  // texts per request; 32 by default
	Concurrency int    `json:"concurrency"` // requests in flight at once; 2 by default
	RPM         int    `json:"rpm"`         // client-side requests-per-minute limit; 0 means none
	TPM         int    `json:"tpm"`         // client-side tokens-per-minute limit; 0 means none
}

// Defaults for RunOptions.
const (
	DefaultBatchSize   = 32
	DefaultConcurrency = 2
	maxBatchSize       = 256
	maxConcurrency     = 16
)

// withDefaults fills zero fields and bounds the others.
func (o RunOptions) withDefaults() RunOptions {
	o.Model = strings.TrimSpace(o.Model)
	if o.Model == "" {
		o.Model = openai.DefaultModerationModel
	}
	if o.BatchSize <= 0 {
		o.BatchSize = DefaultBatchSize
	}
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	o.BatchSize, o.Concurrency = min(o.BatchSize, maxBatchSize), min(o.Concurrency, maxConcurrency)
	o.RPM, o.TPM = max(o.RPM, 0), max(o.TPM, 0)
	return o
}

// CreateRun records a run of a suite without sending it: it copies the
// suite's items, so later edits to the suite do not change the run. Resume
// sends it.
func (s *Service) CreateRun(suiteID int64, opts RunOptions) (Run, error) {
	su, err := s.Suite(suiteID)
	if err != nil {
		return Run{}, err
	}
	if su.ItemCount == 0 {
		return Run{}, errSuiteEmpty("moderation.create_run", su.Name)
	}
	o := opts.withDefaults()
	var id int64
	err = s.write("create run", func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO moderation_runs(suite_id, model, batch_size, concurrency, rpm, tpm, status, total, created_at)
			SELECT ?, ?, ?, ?, ?, ?, 'pending', count(*), ? FROM moderation_items WHERE suite_id = ?`,
			suiteID, o.Model, o.BatchSize, o.Concurrency, o.RPM, o.TPM, s.stamp(), suiteID)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		_, err = tx.Exec(`INSERT INTO moderation_run_items(run_id, idx, item_id, text, image_path, expected)
			SELECT ?, row_number() OVER (ORDER BY position, id) - 1, id, text, image_path, expected
			FROM moderation_items WHERE suite_id = ?`, id, suiteID)
		return err
	})
	if err != nil {
		return Run{}, err
	}
	return s.Run(id)
}

const runColumns = `r.id, r.suite_id, coalesce(s.name, ''), r.model, r.batch_size, r.concurrency, r.rpm, r.tpm,
	r.status, r.total, r.created_at, r.finished_at, r.error, r.error_zh,
	(SELECT count(*) FROM moderation_run_items i WHERE i.run_id = r.id AND i.state = 'done'),
	(SELECT count(*) FROM moderation_run_items i WHERE i.run_id = r.id AND i.state = 'error'),
	(SELECT count(*) FROM moderation_run_items i WHERE i.run_id = r.id AND i.state = 'done' AND i.flagged = 1)`

// Run returns a run with its counts.
func (s *Service) Run(runID int64) (Run, error) {
	r, err := s.scanRun(s.st.Read().QueryRow(`SELECT `+runColumns+`
		FROM moderation_runs r LEFT JOIN moderation_suites s ON s.id = r.suite_id WHERE r.id = ?`, runID))
	if errors.Is(err, sql.ErrNoRows) {
		return Run{}, errRunUnknown("moderation.run", runID)
	}
	if err != nil {
		return Run{}, fmt.Errorf("read run %d: %w", runID, err)
	}
	return r, nil
}

// ListRuns returns a suite's runs, newest first; suiteID 0 lists every
// suite's.
func (s *Service) ListRuns(suiteID int64) ([]Run, error) {
	rows, err := s.st.Read().Query(`SELECT `+runColumns+`
		FROM moderation_runs r LEFT JOIN moderation_suites s ON s.id = r.suite_id
		WHERE ? = 0 OR r.suite_id = ? ORDER BY r.id DESC`, suiteID, suiteID)
	if err != nil {
		return nil, fmt.Errorf("list runs: %w", err)
	}
	defer rows.Close()
	out := []Run{}
	for rows.Next() {
		r, err := s.scanRun(rows)
		if err != nil {
			return nil, fmt.Errorf("list runs: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// DeleteRun removes a run and its results.
func (s *Service) DeleteRun(runID int64) error {
	if s.isActive(runID) {
		return errRunActive("moderation.delete_run")
	}
	return s.write("delete run", func(tx *sql.Tx) error {
		res, err := tx.Exec(`DELETE FROM moderation_runs WHERE id = ?`, runID)
		return mustAffect(res, err, errRunUnknown("moderation.delete_run", runID))
	})
}

// setRunStatus records a run's status and, for a stopped run, when and why.
func (s *Service) setRunStatus(runID int64, status, errEn, errZh string) error {
	finished := ""
	if status != RunRunning && status != RunPending {
		finished = s.stamp()
	}
	return s.write("record run status", func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE moderation_runs SET status = ?, finished_at = ?, error = ?, error_zh = ? WHERE id = ?`,
			status, finished, errEn, errZh, runID)
		return err
	})
}

func (s *Service) scanRun(r scanner) (Run, error) {
	var run Run
	err := r.Scan(&run.ID, &run.SuiteID, &run.SuiteName, &run.Model, &run.BatchSize, &run.Concurrency, &run.RPM, &run.TPM,
		&run.Status, &run.Total, &run.CreatedAt, &run.FinishedAt, &run.Error, &run.ErrorZh,
		&run.Done, &run.Errors, &run.Flagged)
	if err == nil && run.Status == RunRunning && !s.isActive(run.ID) {
		run.Status = RunInterrupted
	}
	return run, err
}

func (r Run) options() RunOptions {
	return RunOptions{Model: r.Model, BatchSize: r.BatchSize, Concurrency: r.Concurrency, RPM: r.RPM, TPM: r.TPM}
}
