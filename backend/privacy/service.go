package privacy

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"steward/backend/store"
)

// Service keeps the privacy profile: the questionnaire's current answers and
// the drafts generated from them. There is one profile per database, not one
// per workspace.
type Service struct {
	st  *store.Store
	now func() time.Time
}

// Options adjusts New; the zero value is the production setting.
type Options struct {
	Now func() time.Time // clock for saved answers and drafts; time.Now by default
}

// New returns the privacy service over the store.
func New(st *store.Store, opts Options) *Service {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Service{st: st, now: opts.Now}
}

// SaveAnswers replaces the saved answers. Incomplete answers are fine;
// invalid values (a malformed email, an unknown region, ...) are refused
// with an error naming the field.
func (s *Service) SaveAnswers(ctx context.Context, a Answers) error {
	if errs := Validate(a); len(errs) > 0 {
		return answersError("", "privacy.save", errs)
	}
	body, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("encode privacy answers: %w", err)
	}
	err = s.st.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO privacy_answers(id, answers, updated_at) VALUES (1, ?, ?)
			ON CONFLICT(id) DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at`,
			string(body), s.stamp())
		return err
	})
	if err != nil {
		return fmt.Errorf("save privacy answers: %w", err)
	}
	return nil
}

// Answers returns the saved answers, or empty answers when none were saved.
func (s *Service) Answers(ctx context.Context) (Answers, error) {
	var body string
	err := s.st.Read().QueryRowContext(ctx, `SELECT answers FROM privacy_answers WHERE id = 1`).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return Answers{}, nil
	}
	if err != nil {
		return Answers{}, fmt.Errorf("read privacy answers: %w", err)
	}
	var a Answers
	if err := json.Unmarshal([]byte(body), &a); err != nil {
		return Answers{}, fmt.Errorf("decode saved privacy answers: %w", err)
	}
	return a, nil
}

func (s *Service) stamp() string { return s.now().UTC().Format(time.RFC3339) }
