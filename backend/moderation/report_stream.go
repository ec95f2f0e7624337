package moderation

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// streamReport is Report for a run of any size: the summary is counted in
// one pass over the results, and the items are read again, one at a time,
// as the report is written (WriteReport, EachItem).
func (s *Service) streamReport(runID int64) (RunReport, error) {
	run, err := s.Run(runID)
	if err != nil {
		return RunReport{}, err
	}
	th, err := s.runThresholds(run)
	if err != nil {
		return RunReport{}, err
	}
	rep := buildReport(run, nil, th)
	rep.Items = nil
	each := func(fn func(ReportItem) error) error {
		return s.eachResult(runID, func(r ItemResult) error { return fn(reportItem(r, th, run.Status)) })
	}
	err = each(func(it ReportItem) error {
		rep.Summary.Total++
		if it.Error != "" {
			rep.Summary.Errors++
		}
		if it.Flagged {
			rep.Summary.Flagged++
		}
		for c, f := range it.Categories {
			if f != nil && *f {
				rep.Summary.PerCategory[c]++
			}
		}
		return nil
	})
	if err != nil {
		return RunReport{}, err
	}
	rep.stream = each
	return rep, nil
}

// eachResult calls fn with a run's results in order, one row at a time.
func (s *Service) eachResult(runID int64, fn func(ItemResult) error) error {
	rows, err := s.st.Read().Query(`SELECT run_id, idx, item_id, text, image_path, expected, state, flagged, categories, scores,
		applied_input_types, error, error_zh, completed_at FROM moderation_run_items WHERE run_id = ? ORDER BY idx`, runID)
	if err != nil {
		return fmt.Errorf("read results of run %d: %w", runID, err)
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scanResult(rows)
		if err != nil {
			return fmt.Errorf("read results of run %d: %w", runID, err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// writeReportJSON writes the documented JSON shape ({"run_id", "model",
// "items", "summary"}) one item at a time.
func writeReportJSON(w io.Writer, rep RunReport) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	head, err := indentJSON(struct {
		RunID int64  `json:"run_id"`
		Model string `json:"model"`
	}{rep.RunID, rep.Model}, "")
	if err != nil {
		return err
	}
	bw.Write(bytes.TrimSuffix(head, []byte("\n}")))
	bw.WriteString(",\n  \"items\": [")
	n := 0
	err = rep.EachItem(func(it ReportItem) error {
		b, err := indentJSON(it, "    ")
		if err != nil {
			return err
		}
		if n > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    ")
		bw.Write(b)
		n++
		return nil
	})
	if err != nil {
		return err
	}
	if n > 0 {
		bw.WriteString("\n  ")
	}
	sum, err := indentJSON(rep.Summary, "  ")
	if err != nil {
		return err
	}
	bw.WriteString("],\n  \"summary\": ")
	bw.Write(sum)
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// indentJSON encodes v indented by two spaces under prefix, without HTML
// escaping or a final newline.
func indentJSON(v any, prefix string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("write JSON report: %w", err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// Materialized returns the report with every item in Items, read now: for
// a report that must outlive its database.
func (rep RunReport) Materialized() (RunReport, error) {
	if rep.stream == nil {
		return rep, nil
	}
	items := []ReportItem{}
	if err := rep.EachItem(func(it ReportItem) error { items = append(items, it); return nil }); err != nil {
		return rep, err
	}
	rep.Items, rep.stream = items, nil
	return rep, nil
}
