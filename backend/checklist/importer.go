package checklist

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"steward/backend/apperr"
	"steward/backend/textfile"
)

// maxImportBytes bounds an import file; a real export is far smaller.
const maxImportBytes = 64 << 20

// Limits on an answer's free text, for typing and for imports.
const (
	MaxNotesBytes = 64 << 10 // notes, a not-applicable reason, an evidence reference
	MaxOwnerBytes = 1 << 10
)

// ImportResult says what an import restored.
type ImportResult struct {
	Workspace     string `json:"workspace"`
	Items         int    `json:"items"`          // items in the file
	Changed       int    `json:"changed"`        // items whose answer changed
	EvidenceAdded int    `json:"evidence_added"` // evidence not already attached
}

// Import restores answers and evidence from a JSON export into workspace,
// creating it if needed. The file is checked whole first: any bad line
// rejects it and nothing is written. Like Export, it is kept off Service's
// bound methods.
func Import(s *Service, r io.Reader, fileName, workspace string) (ImportResult, error) {
	b, err := textfile.Read(r, maxImportBytes)
	if te, ok := textfile.As(err); ok {
		return ImportResult{}, malformed(fileName, max(te.Line, 1), te.Why, te.WhyZh)
	}
	if err != nil {
		return ImportResult{}, fmt.Errorf("read %s: %w", fileName, err)
	}
	bad := func(off int64, why string) error {
		return apperr.New(apperr.ImportMalformed, "checklist.import", "file", fileName, "line", strconv.Itoa(lineAt(b, off)), "why", why)
	}
	f, offsets, err := parseExport(b)
	if err != nil {
		var off int64
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			off = se.Offset
		case errors.As(err, &te):
			off = te.Offset
		}
		return ImportResult{}, bad(off, "not a Steward checklist export ("+err.Error()+")")
	}
	for i, it := range f.Items {
		if te := fieldLimits(it, lineAt(b, offsets[i])); te != nil {
			return ImportResult{}, malformed(fileName, te.Line, te.Why, te.WhyZh)
		}
		if err := s.checkImportItem(it); err != nil {
			_, msg := apperr.Describe(err, LangEn)
			return ImportResult{}, bad(offsets[i], msg)
		}
	}
	return s.restore(f, workspace)
}

// malformed is the import error for line of file, in both languages.
func malformed(file string, line int, why, whyZh string) error {
	return apperr.Text(apperr.ImportMalformed, "checklist.import",
		fmt.Sprintf("%s, line %d: %s. Nothing was imported.", file, line, why),
		fmt.Sprintf("%s 第 %d 行：%s。未导入任何内容。", file, line, whyZh))
}

// fieldLimits checks the sizes of an imported item's text fields.
func fieldLimits(it ExportItem, line int) *textfile.Error {
	for _, f := range []struct {
		name, value string
		limit       int
	}{{"the notes", it.Notes, MaxNotesBytes}, {"the reason", it.Reason, MaxNotesBytes}, {"the owner", it.Owner, MaxOwnerBytes}} {
		if len(f.value) > f.limit {
			return textfile.FieldTooLong(line, f.name, len(f.value), f.limit)
		}
	}
	for _, e := range it.Evidence {
		if len(e.Ref)+len(e.Label) > MaxNotesBytes {
			return textfile.FieldTooLong(line, "the evidence", len(e.Ref)+len(e.Label), MaxNotesBytes)
		}
	}
	return nil
}

// parseExport decodes the file and notes where each item starts.
func parseExport(b []byte) (ExportFile, []int64, error) {
	var f ExportFile
	if err := json.Unmarshal(b, &f); err != nil {
		return f, nil, err
	}
	if f.Items == nil {
		return f, nil, errors.New(`it has no "items" list`)
	}
	offsets, err := itemOffsets(b)
	if err != nil || len(offsets) != len(f.Items) {
		return f, nil, fmt.Errorf("read item positions: %v", err)
	}
	return f, offsets, nil
}

// itemOffsets walks the top-level object to the "items" array and records
// the byte offset of each element.
func itemOffsets(b []byte) ([]int64, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil, err
		}
		if key != "items" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, err
			}
			continue
		}
		if _, err := dec.Token(); err != nil {
			return nil, err
		}
		var out []int64
		for dec.More() {
			out = append(out, dec.InputOffset())
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	return nil, errors.New("no items")
}

// lineAt is the 1-based line of the first meaningful byte at or after off.
func lineAt(b []byte, off int64) int {
	for off < int64(len(b)) && bytes.IndexByte([]byte(" \t\r\n,"), b[off]) >= 0 {
		off++
	}
	if off > int64(len(b)) {
		off = int64(len(b))
	}
	return bytes.Count(b[:off], []byte("\n")) + 1
}

func (s *Service) checkImportItem(it ExportItem) error {
	if _, ok := s.cat.Item(it.ID); !ok {
		return apperr.New(apperr.ItemUnknown, "checklist.import", "id", it.ID)
	}
	if _, err := s.merge(answer{Status: StatusTodo}, it.ID, it.change()); err != nil {
		return err
	}
	for _, e := range it.Evidence {
		if err := validateEvidence(EvidenceInput{Kind: e.Kind, Ref: e.Ref, Label: e.Label}); err != nil {
			return err
		}
	}
	return nil
}

func (it ExportItem) change() Change {
	status := it.Status
	if status == "" {
		status = StatusTodo
	}
	return Change{Status: &status, Owner: &it.Owner, Due: &it.Due, Notes: &it.Notes, Reason: &it.Reason}
}

func (s *Service) restore(f ExportFile, workspace string) (ImportResult, error) {
	w, err := s.EnsureWorkspace(workspace)
	if err != nil {
		return ImportResult{}, err
	}
	res := ImportResult{Workspace: w.Name, Items: len(f.Items)}
	err = s.st.Write(context.Background(), func(tx *sql.Tx) error {
		if f.Profile != nil {
			p, _ := json.Marshal(f.Profile)
			if _, err := tx.Exec(`UPDATE workspaces SET profile = ?, profile_set_at = ? WHERE id = ?`, string(p), s.stamp(), w.ID); err != nil {
				return fmt.Errorf("restore profile: %w", err)
			}
		}
		for _, it := range f.Items {
			before, _ := loadAnswer(tx, w.ID, it.ID)
			if err := s.applyChange(tx, w.ID, it.ID, it.change(), "import", it.SetByWizard); err != nil {
				return err
			}
			after, _ := loadAnswer(tx, w.ID, it.ID)
			if before != after {
				res.Changed++
			}
			added, err := s.restoreEvidence(tx, w.ID, it)
			if err != nil {
				return err
			}
			res.EvidenceAdded += added
		}
		return nil
	})
	return res, err
}

// restoreEvidence attaches the item's evidence that is not attached yet.
func (s *Service) restoreEvidence(tx *sql.Tx, wsID int64, it ExportItem) (int, error) {
	added := 0
	for _, e := range it.Evidence {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM item_evidence WHERE workspace_id = ? AND item_id = ? AND kind = ? AND ref = ?`,
			wsID, it.ID, e.Kind, e.Ref).Scan(&n); err != nil {
			return added, err
		}
		if n > 0 {
			continue
		}
		if err := s.addEvidence(tx, wsID, it.ID, EvidenceInput{Kind: e.Kind, Ref: e.Ref, Label: e.Label, addedAt: e.AddedAt}, "import"); err != nil {
			return added, err
		}
		added++
	}
	return added, nil
}
