package leakscan

import (
	"context"
	"fmt"
)

// LastCompletedScans returns, for each folder ever scanned, its newest scan
// that ran to the end (cancelled and failed scans prove nothing), by folder.
// Root is the folder and Findings counts that folder's findings.
func (s *Store) LastCompletedScans(ctx context.Context) ([]ScanSummary, error) {
	rows, err := s.st.Read().QueryContext(ctx, `
		SELECT r.value, s.id, s.roots, s.started_at, s.finished_at, s.history, s.files, s.bytes,
		       s.commits, s.seconds, s.status, s.error,
		       (SELECT count(*) FROM leak_findings f WHERE f.scan_id = s.id AND f.root = r.value)
		FROM leak_scans s, json_each(s.roots) r
		WHERE s.id = (SELECT max(s2.id) FROM leak_scans s2, json_each(s2.roots) r2
		              WHERE r2.value = r.value AND s2.status = 'completed')
		ORDER BY r.value`)
	if err != nil {
		return nil, fmt.Errorf("list last completed scans: %w", err)
	}
	defer rows.Close()
	out := []ScanSummary{}
	for rows.Next() {
		sum, err := scanSummary(rows)
		if err != nil {
			return nil, fmt.Errorf("list last completed scans: %w", err)
		}
		out = append(out, sum)
	}
	return out, rows.Err()
}
