package moderation

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

const suiteColumns = `s.id, s.name, s.created_at, s.updated_at, s.thresholds,
	(SELECT count(*) FROM moderation_items i WHERE i.suite_id = s.id),
	(SELECT count(*) FROM moderation_items i WHERE i.suite_id = s.id AND i.expected <> '{}')`

// ListSuites returns every suite by name.
func (s *Service) ListSuites() ([]Suite, error) {
	rows, err := s.st.Read().Query(`SELECT ` + suiteColumns + ` FROM moderation_suites s ORDER BY s.name COLLATE NOCASE`)
	if err != nil {
		return nil, fmt.Errorf("list suites: %w", err)
	}
	defer rows.Close()
	out := []Suite{}
	for rows.Next() {
		su, err := scanSuite(rows)
		if err != nil {
			return nil, fmt.Errorf("list suites: %w", err)
		}
		out = append(out, su)
	}
	return out, rows.Err()
}

// Suite returns the suite with id.
func (s *Service) Suite(id int64) (Suite, error) {
	su, err := scanSuite(s.st.Read().QueryRow(`SELECT `+suiteColumns+` FROM moderation_suites s WHERE s.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Suite{}, errSuiteUnknown("moderation.suite", id)
	}
	if err != nil {
		return Suite{}, fmt.Errorf("read suite %d: %w", id, err)
	}
	return su, nil
}

// SuiteByName returns the suite named name (case-insensitive).
func (s *Service) SuiteByName(name string) (Suite, error) {
	su, err := scanSuite(s.st.Read().QueryRow(`SELECT `+suiteColumns+` FROM moderation_suites s WHERE s.name = ?`, strings.TrimSpace(name)))
	if errors.Is(err, sql.ErrNoRows) {
		return Suite{}, errSuiteNamed("moderation.suite", name)
	}
	if err != nil {
		return Suite{}, fmt.Errorf("read suite %q: %w", name, err)
	}
	return su, nil
}

// CreateSuite adds an empty suite.
func (s *Service) CreateSuite(name string) (Suite, error) {
	var id int64
	err := s.st.Write(bg(), func(tx *sql.Tx) error {
		var err error
		id, err = s.insertSuite(tx, name)
		return err
	})
	if err != nil {
		return Suite{}, fmt.Errorf("create suite: %w", err)
	}
	return s.Suite(id)
}

// insertSuite adds a suite inside tx and returns its id.
func (s *Service) insertSuite(tx *sql.Tx, name string) (int64, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return 0, errNameRequired("moderation.create_suite")
	}
	res, err := tx.Exec(`INSERT INTO moderation_suites(name, created_at, updated_at) VALUES (?, ?, ?)`, name, s.stamp(), s.stamp())
	if err != nil && strings.Contains(err.Error(), "UNIQUE") {
		return 0, errSuiteExists("moderation.create_suite", name)
	}
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// RenameSuite gives a suite a new name.
func (s *Service) RenameSuite(id int64, name string) (Suite, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return Suite{}, errNameRequired("moderation.rename_suite")
	}
	err := s.write("rename suite", func(tx *sql.Tx) error {
		res, err := tx.Exec(`UPDATE moderation_suites SET name = ?, updated_at = ? WHERE id = ?`, name, s.stamp(), id)
		if err != nil && strings.Contains(err.Error(), "UNIQUE") {
			return errSuiteExists("moderation.rename_suite", name)
		}
		return mustAffect(res, err, errSuiteUnknown("moderation.rename_suite", id))
	})
	if err != nil {
		return Suite{}, err
	}
	return s.Suite(id)
}

// DeleteSuite removes a suite with its items and runs.
func (s *Service) DeleteSuite(id int64) error {
	if s.suiteRunning(id) {
		return errRunActive("moderation.delete_suite")
	}
	return s.write("delete suite", func(tx *sql.Tx) error {
		res, err := tx.Exec(`DELETE FROM moderation_suites WHERE id = ?`, id)
		return mustAffect(res, err, errSuiteUnknown("moderation.delete_suite", id))
	})
}

// touchSuite records that a suite changed.
func (s *Service) touchSuite(tx *sql.Tx, id int64) error {
	res, err := tx.Exec(`UPDATE moderation_suites SET updated_at = ? WHERE id = ?`, s.stamp(), id)
	return mustAffect(res, err, errSuiteUnknown("moderation.suite", id))
}

// mustAffect turns an update that touched no row into notFound.
func mustAffect(res sql.Result, err error, notFound error) error {
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return notFound
	}
	return nil
}

func scanSuite(r scanner) (Suite, error) {
	var su Suite
	var th string
	if err := r.Scan(&su.ID, &su.Name, &su.CreatedAt, &su.UpdatedAt, &th, &su.ItemCount, &su.Labelled); err != nil {
		return su, err
	}
	su.Thresholds = Thresholds{}
	if err := json.Unmarshal([]byte(th), &su.Thresholds); err != nil {
		return su, fmt.Errorf("suite %d thresholds: %w", su.ID, err)
	}
	return su, nil
}
