package privacy

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"steward/backend/apperr"
	"steward/backend/export"
)

// SavedDraft is one generated draft, kept with the answers it came from and
// the completeness check at the time.
type SavedDraft struct {
	ID        int64       `json:"id"`
	CreatedAt string      `json:"created_at"` // RFC 3339, UTC
	Lang      string      `json:"lang"`
	Answers   Answers     `json:"answers"`
	Markdown  string      `json:"markdown"`
	Check     CheckResult `json:"check"`
}

// DraftSummary is a saved draft as the version list shows it.
type DraftSummary struct {
	ID        int64  `json:"id"`
	CreatedAt string `json:"created_at"`
	Lang      string `json:"lang"`
	Missing   int    `json:"missing"` // elements missing when it was made
}

// SaveDraft generates the draft of a in lang as Markdown and keeps it, with
// the answers and the check, as a new version.
func (s *Service) SaveDraft(ctx context.Context, a Answers, lang string) (SavedDraft, error) {
	doc, err := Draft(a, lang)
	if err != nil {
		return SavedDraft{}, err
	}
	var md bytes.Buffer
	if err := export.Markdown(&md, doc); err != nil {
		return SavedDraft{}, fmt.Errorf("save privacy draft: %w", err)
	}
	d := SavedDraft{CreatedAt: s.stamp(), Lang: doc.Lang, Answers: a, Markdown: md.String(), Check: Check(a)}
	answers, err := json.Marshal(a)
	if err != nil {
		return SavedDraft{}, fmt.Errorf("encode draft answers: %w", err)
	}
	check, err := json.Marshal(d.Check)
	if err != nil {
		return SavedDraft{}, fmt.Errorf("encode draft check: %w", err)
	}
	err = s.st.Write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO privacy_drafts(created_at, lang, answers, markdown, check_summary)
			VALUES (?, ?, ?, ?, ?)`, d.CreatedAt, d.Lang, string(answers), d.Markdown, string(check))
		if err != nil {
			return err
		}
		d.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return SavedDraft{}, fmt.Errorf("save privacy draft: %w", err)
	}
	return d, nil
}

// Drafts lists the saved drafts, newest first.
func (s *Service) Drafts(ctx context.Context) ([]DraftSummary, error) {
	rows, err := s.st.Read().QueryContext(ctx, `SELECT id, created_at, lang, check_summary FROM privacy_drafts ORDER BY id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list privacy drafts: %w", err)
	}
	defer rows.Close()
	out := []DraftSummary{}
	for rows.Next() {
		var d DraftSummary
		var check string
		if err := rows.Scan(&d.ID, &d.CreatedAt, &d.Lang, &check); err != nil {
			return nil, fmt.Errorf("list privacy drafts: %w", err)
		}
		var c CheckResult
		if err := json.Unmarshal([]byte(check), &c); err != nil {
			return nil, fmt.Errorf("privacy draft %d check: %w", d.ID, err)
		}
		d.Missing = c.Missing
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list privacy drafts: %w", err)
	}
	return out, nil
}

// DraftByID returns one saved draft.
func (s *Service) DraftByID(ctx context.Context, id int64) (SavedDraft, error) {
	var d SavedDraft
	var answers, check string
	err := s.st.Read().QueryRowContext(ctx, `SELECT id, created_at, lang, answers, markdown, check_summary
		FROM privacy_drafts WHERE id = ?`, id).Scan(&d.ID, &d.CreatedAt, &d.Lang, &answers, &d.Markdown, &check)
	if errors.Is(err, sql.ErrNoRows) {
		return SavedDraft{}, apperr.Text(apperr.NotFound, "privacy.draft",
			"There is no saved privacy draft #"+strconv.FormatInt(id, 10)+".", "不存在编号为 "+strconv.FormatInt(id, 10)+" 的隐私政策草稿。")
	}
	if err != nil {
		return SavedDraft{}, fmt.Errorf("read privacy draft %d: %w", id, err)
	}
	if err := json.Unmarshal([]byte(answers), &d.Answers); err != nil {
		return SavedDraft{}, fmt.Errorf("privacy draft %d answers: %w", id, err)
	}
	if err := json.Unmarshal([]byte(check), &d.Check); err != nil {
		return SavedDraft{}, fmt.Errorf("privacy draft %d check: %w", id, err)
	}
	return d, nil
}
