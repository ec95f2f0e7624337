package leakscan

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"steward/backend/apperr"
	"steward/backend/store"
)

// Store keeps scans and their findings in Steward's database (redacted
// forms and fingerprints only), so the dashboard can show each folder's
// last scan and the checklist can cite a clean one.
type Store struct {
	st     *store.Store
	lookup Lookup
}

// NewStore returns the scan store over st. lookup, which may be nil, names
// the owners of registered keys when findings are read back.
func NewStore(st *store.Store, lookup Lookup) *Store {
	return &Store{st: st, lookup: lookup}
}

// ScanSummary is a saved scan without its findings. From LastScans, Root is
// the folder the row stands for and Findings counts that folder's findings.
type ScanSummary struct {
	ID         int64     `json:"id"`
	Root       string    `json:"root"`
	Roots      []string  `json:"roots"`
	StartedAt  time.Time `json:"started_at"`
	FinishedAt time.Time `json:"finished_at"`
	History    bool      `json:"history"`
	Files      int64     `json:"files"`
	Bytes      int64     `json:"bytes"`
	Commits    int64     `json:"commits"`
	Seconds    float64   `json:"seconds"`
	Status     string    `json:"status"`
	Error      string    `json:"error"`
	Findings   int       `json:"findings"`
	Clean      bool      `json:"clean"` // completed with no findings
}

// Save records r and its findings and returns the scan's id.
func (s *Store) Save(ctx context.Context, r *Result) (int64, error) {
	roots, err := json.Marshal(r.Roots)
	if err != nil {
		return 0, fmt.Errorf("save scan: %w", err)
	}
	var id int64
	err = s.st.Write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO leak_scans(roots, started_at, finished_at, history,
			files, bytes, commits, seconds, status, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			string(roots), stamp(r.StartedAt), stamp(r.FinishedAt), r.History,
			r.Stats.Files, r.Stats.Bytes, r.Stats.Commits, r.Stats.Seconds, r.Status, r.Error)
		if err != nil {
			return fmt.Errorf("save scan: %w", err)
		}
		if id, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("save scan: %w", err)
		}
		return insertFindings(ctx, tx, id, r.Findings)
	})
	return id, err
}

func insertFindings(ctx context.Context, tx *sql.Tx, id int64, findings []LeakFinding) error {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO leak_findings(scan_id, rule, severity, root, file,
		line, "column", "commit", author, date, redacted, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("save findings: %w", err)
	}
	defer stmt.Close()
	for _, f := range findings {
		if _, err := stmt.ExecContext(ctx, id, f.Rule, f.Severity, f.Root, f.File, f.Line, f.Column,
			f.Commit, f.Author, f.Date, f.Redacted, f.Fingerprint); err != nil {
			return fmt.Errorf("save finding: %w", err)
		}
	}
	return nil
}

// LastScans returns the newest scan of each folder ever scanned, by folder.
func (s *Store) LastScans(ctx context.Context) ([]ScanSummary, error) {
	rows, err := s.st.Read().QueryContext(ctx, `
		SELECT r.value, s.id, s.roots, s.started_at, s.finished_at, s.history, s.files, s.bytes,
		       s.commits, s.seconds, s.status, s.error,
		       (SELECT count(*) FROM leak_findings f WHERE f.scan_id = s.id AND f.root = r.value)
		FROM leak_scans s, json_each(s.roots) r
		WHERE s.id = (SELECT max(s2.id) FROM leak_scans s2, json_each(s2.roots) r2 WHERE r2.value = r.value)
		ORDER BY r.value`)
	if err != nil {
		return nil, fmt.Errorf("list last scans: %w", err)
	}
	defer rows.Close()
	out := []ScanSummary{}
	for rows.Next() {
		sum, err := scanSummary(rows)
		if err != nil {
			return nil, fmt.Errorf("list last scans: %w", err)
		}
		out = append(out, sum)
	}
	return out, rows.Err()
}

// Summary returns the saved scan with id; Findings counts all its findings.
func (s *Store) Summary(ctx context.Context, id int64) (ScanSummary, error) {
	row := s.st.Read().QueryRowContext(ctx, `
		SELECT '', s.id, s.roots, s.started_at, s.finished_at, s.history, s.files, s.bytes,
		       s.commits, s.seconds, s.status, s.error,
		       (SELECT count(*) FROM leak_findings f WHERE f.scan_id = s.id)
		FROM leak_scans s WHERE s.id = ?`, id)
	sum, err := scanSummary(row)
	if errors.Is(err, sql.ErrNoRows) {
		return sum, apperr.New(apperr.NotFound, "leakscan.summary", "what", fmt.Sprintf("Scan %d", id))
	}
	if err != nil {
		return sum, fmt.Errorf("read scan %d: %w", id, err)
	}
	return sum, nil
}

// scanSummary reads one row of the summary queries.
func scanSummary(row interface{ Scan(...any) error }) (ScanSummary, error) {
	var sum ScanSummary
	var roots, started, finished string
	err := row.Scan(&sum.Root, &sum.ID, &roots, &started, &finished, &sum.History, &sum.Files, &sum.Bytes,
		&sum.Commits, &sum.Seconds, &sum.Status, &sum.Error, &sum.Findings)
	if err != nil {
		return sum, err
	}
	if err := json.Unmarshal([]byte(roots), &sum.Roots); err != nil {
		return sum, fmt.Errorf("roots of scan %d: %w", sum.ID, err)
	}
	sum.StartedAt, _ = time.Parse(time.RFC3339Nano, started)
	sum.FinishedAt, _ = time.Parse(time.RFC3339Nano, finished)
	sum.Clean = sum.Status == StatusCompleted && sum.Findings == 0
	return sum, nil
}

// Findings returns the findings of scan scanID, most urgent first, with
// the owners of registered keys filled in from the register.
func (s *Store) Findings(ctx context.Context, scanID int64) ([]LeakFinding, error) {
	rows, err := s.st.Read().QueryContext(ctx, `SELECT rule, severity, root, file, line, "column", "commit",
		author, date, redacted, fingerprint FROM leak_findings WHERE scan_id = ? ORDER BY id`, scanID)
	if err != nil {
		return nil, fmt.Errorf("read findings of scan %d: %w", scanID, err)
	}
	defer rows.Close()
	out := []LeakFinding{}
	for rows.Next() {
		var f LeakFinding
		if err := rows.Scan(&f.Rule, &f.Severity, &f.Root, &f.File, &f.Line, &f.Column, &f.Commit,
			&f.Author, &f.Date, &f.Redacted, &f.Fingerprint); err != nil {
			return nil, fmt.Errorf("read findings of scan %d: %w", scanID, err)
		}
		if s.lookup != nil {
			if member, label, ok := s.lookup(f.Fingerprint); ok {
				f.Member, f.Label, f.Severity = member, label, SeverityCritical
			}
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read findings of scan %d: %w", scanID, err)
	}
	sortFindings(out)
	return out, nil
}

// stamp formats t for the database.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }
