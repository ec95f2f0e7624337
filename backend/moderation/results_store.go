package moderation

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"steward/backend/openai"
)

// outcome is how one run item ended: a result, or an error in both
// languages.
type outcome struct {
	idx          int
	result       *openai.ModerationResult
	errEn, errZh string
}

// saveOutcomes stores finished items in one transaction, so a run that is
// stopped or killed keeps everything that was answered.
func (s *Service) saveOutcomes(runID int64, outs []outcome) error {
	if len(outs) == 0 {
		return nil
	}
	at := s.stamp()
	return s.write("save results", func(tx *sql.Tx) error {
		stmt, err := tx.Prepare(`UPDATE moderation_run_items SET state = ?, flagged = ?, categories = ?, scores = ?,
			applied_input_types = ?, error = ?, error_zh = ?, completed_at = ? WHERE run_id = ? AND idx = ?`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, o := range outs {
			state, flagged, cats, scores, applied := StateError, false, "{}", "{}", "{}"
			if o.result != nil {
				state, flagged = StateDone, o.result.Flagged
				c, sc, ap := resultMaps(*o.result)
				cats, scores, applied = marshal(c), marshal(sc), marshal(ap)
			}
			if _, err := stmt.Exec(state, flagged, cats, scores, applied, o.errEn, o.errZh, at, runID, o.idx); err != nil {
				return err
			}
		}
		return nil
	})
}

// resultMaps flattens an API result into per-category maps; categories the
// model does not report are nil.
func resultMaps(r openai.ModerationResult) (map[string]*bool, map[string]*float64, map[string][]string) {
	cats, scores := map[string]*bool{}, map[string]*float64{}
	applied := map[string][]string{}
	for _, c := range r.List() {
		if !c.Reported {
			cats[c.Name], scores[c.Name] = nil, nil
			continue
		}
		flag, score := c.Flagged, c.Score
		cats[c.Name], scores[c.Name] = &flag, &score
	}
	for k, v := range r.AppliedInputTypes {
		if v == nil {
			v = []string{}
		}
		applied[k] = v
	}
	return cats, scores, applied
}

// loadResults reads a run's items in order; with states, only those in
// one of them.
func (s *Service) loadResults(runID int64, states ...string) ([]ItemResult, error) {
	q := `SELECT run_id, idx, item_id, text, image_path, expected, state, flagged, categories, scores,
		applied_input_types, error, error_zh, completed_at FROM moderation_run_items WHERE run_id = ?`
	args := []any{runID}
	if len(states) > 0 {
		q += ` AND state IN (?` + strings.Repeat(`, ?`, len(states)-1) + `)`
		for _, st := range states {
			args = append(args, st)
		}
	}
	rows, err := s.st.Read().Query(q+` ORDER BY idx`, args...)
	if err != nil {
		return nil, fmt.Errorf("read results of run %d: %w", runID, err)
	}
	defer rows.Close()
	out := []ItemResult{}
	for rows.Next() {
		r, err := scanResult(rows)
		if err != nil {
			return nil, fmt.Errorf("read results of run %d: %w", runID, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// loadPending reads up to limit items of a run with no answer yet (pending
// or failed), in order, after index after.
func (s *Service) loadPending(runID int64, after, limit int) ([]ItemResult, error) {
	rows, err := s.st.Read().Query(`SELECT run_id, idx, item_id, text, image_path, expected, state, flagged, categories, scores,
		applied_input_types, error, error_zh, completed_at FROM moderation_run_items
		WHERE run_id = ? AND idx > ? AND state IN (?, ?) ORDER BY idx LIMIT ?`, runID, after, StatePending, StateError, limit)
	if err != nil {
		return nil, fmt.Errorf("read results of run %d: %w", runID, err)
	}
	defer rows.Close()
	out := make([]ItemResult, 0, limit)
	for rows.Next() {
		r, err := scanResult(rows)
		if err != nil {
			return nil, fmt.Errorf("read results of run %d: %w", runID, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func scanResult(r scanner) (ItemResult, error) {
	var res ItemResult
	var expected, cats, scores, applied string
	if err := r.Scan(&res.RunID, &res.Index, &res.ItemID, &res.Input, &res.ImagePath, &expected, &res.State, &res.Flagged,
		&cats, &scores, &applied, &res.Error, &res.ErrorZh, &res.CompletedAt); err != nil {
		return res, err
	}
	res.Expected, res.Categories, res.Scores, res.AppliedInputTypes = Labels{}, map[string]*bool{}, map[string]*float64{}, map[string][]string{}
	for _, f := range []struct {
		text string
		into any
	}{{expected, &res.Expected}, {cats, &res.Categories}, {scores, &res.Scores}, {applied, &res.AppliedInputTypes}} {
		if err := json.Unmarshal([]byte(f.text), f.into); err != nil {
			return res, fmt.Errorf("run %d item %d: %w", res.RunID, res.Index, err)
		}
	}
	return res, nil
}
