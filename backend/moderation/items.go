package moderation

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"steward/backend/secret"
)

// Items returns a suite's items in order.
func (s *Service) Items(suiteID int64) ([]Item, error) {
	if _, err := s.Suite(suiteID); err != nil {
		return nil, err
	}
	rows, err := s.st.Read().Query(`SELECT id, suite_id, position, text, image_path, expected
		FROM moderation_items WHERE suite_id = ? ORDER BY position, id`, suiteID)
	if err != nil {
		return nil, fmt.Errorf("list items of suite %d: %w", suiteID, err)
	}
	defer rows.Close()
	out := []Item{}
	for rows.Next() {
		it, err := scanItem(rows)
		if err != nil {
			return nil, fmt.Errorf("list items of suite %d: %w", suiteID, err)
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// AddItem appends an item to a suite. An image must be a local PNG, JPEG,
// GIF or WebP file of at most 20 MB.
func (s *Service) AddItem(suiteID int64, in ItemInput) (Item, error) {
	in, err := cleanItem("moderation.add_item", in)
	if err != nil {
		return Item{}, err
	}
	var id int64
	err = s.write("add item", func(tx *sql.Tx) error {
		if err := s.touchSuite(tx, suiteID); err != nil {
			return err
		}
		ids, err := insertItems(tx, suiteID, []ItemInput{in})
		if err == nil {
			id = ids[0]
		}
		return err
	})
	if err != nil {
		return Item{}, err
	}
	return s.item(id)
}

// UpdateItem replaces an item's text, image and expected labels.
func (s *Service) UpdateItem(itemID int64, in ItemInput) (Item, error) {
	in, err := cleanItem("moderation.update_item", in)
	if err != nil {
		return Item{}, err
	}
	old, err := s.item(itemID)
	if err != nil {
		return Item{}, err
	}
	err = s.write("update item", func(tx *sql.Tx) error {
		if _, err := tx.Exec(`UPDATE moderation_items SET text = ?, image_path = ?, expected = ? WHERE id = ?`,
			secret.RedactKeys(in.Text), in.ImagePath, marshal(in.Expected), itemID); err != nil {
			return err
		}
		return s.touchSuite(tx, old.SuiteID)
	})
	if err != nil {
		return Item{}, err
	}
	return s.item(itemID)
}

// RemoveItem deletes an item from its suite. Runs keep their copy.
func (s *Service) RemoveItem(itemID int64) error {
	old, err := s.item(itemID)
	if err != nil {
		return err
	}
	return s.write("remove item", func(tx *sql.Tx) error {
		if _, err := tx.Exec(`DELETE FROM moderation_items WHERE id = ?`, itemID); err != nil {
			return err
		}
		return s.touchSuite(tx, old.SuiteID)
	})
}

// item returns one item by id.
func (s *Service) item(id int64) (Item, error) {
	it, err := scanItem(s.st.Read().QueryRow(`SELECT id, suite_id, position, text, image_path, expected
		FROM moderation_items WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Item{}, errItemUnknown("moderation.item", id)
	}
	if err != nil {
		return Item{}, fmt.Errorf("read item %d: %w", id, err)
	}
	return it, nil
}

// cleanItem checks an item as a user typed it: it needs text or an image,
// the image must be usable, and labels must name categories.
func cleanItem(op string, in ItemInput) (ItemInput, error) {
	in.ImagePath = strings.TrimSpace(in.ImagePath)
	if strings.TrimSpace(in.Text) == "" && in.ImagePath == "" {
		return in, errItemEmpty(op)
	}
	if in.ImagePath != "" {
		abs, err := checkImage(op, in.ImagePath)
		if err != nil {
			return in, err
		}
		in.ImagePath = abs
	}
	labels := Labels{}
	for k, v := range in.Expected {
		c, ok := categoryFromLabel(k)
		if !ok {
			return in, errLabelUnknown(op, k)
		}
		labels[c] = v
	}
	in.Expected = labels
	return in, nil
}

// itemInserter appends items to a suite one at a time inside a
// transaction, for imports streamed from a file.
type itemInserter struct {
	stmt    *sql.Stmt
	suiteID int64
	next    int
}

func newItemInserter(tx *sql.Tx, suiteID int64) (*itemInserter, error) {
	var next int
	if err := tx.QueryRow(`SELECT coalesce(max(position), -1) + 1 FROM moderation_items WHERE suite_id = ?`, suiteID).Scan(&next); err != nil {
		return nil, err
	}
	stmt, err := tx.Prepare(`INSERT INTO moderation_items(suite_id, position, text, image_path, expected) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	return &itemInserter{stmt: stmt, suiteID: suiteID, next: next}, nil
}

// add inserts one item, its API keys redacted.
func (ins *itemInserter) add(in ItemInput) error {
	if _, err := ins.stmt.Exec(ins.suiteID, ins.next, secret.RedactKeys(in.Text), in.ImagePath, marshal(in.Expected)); err != nil {
		return err
	}
	ins.next++
	return nil
}

func (ins *itemInserter) close() { ins.stmt.Close() }

// insertItems appends items to a suite inside tx, after its last item.
func insertItems(tx *sql.Tx, suiteID int64, items []ItemInput) ([]int64, error) {
	var next int
	if err := tx.QueryRow(`SELECT coalesce(max(position), -1) + 1 FROM moderation_items WHERE suite_id = ?`, suiteID).Scan(&next); err != nil {
		return nil, err
	}
	stmt, err := tx.Prepare(`INSERT INTO moderation_items(suite_id, position, text, image_path, expected) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	ids := make([]int64, 0, len(items))
	for i, in := range items {
		res, err := stmt.Exec(suiteID, next+i, secret.RedactKeys(in.Text), in.ImagePath, marshal(in.Expected))
		if err != nil {
			return nil, err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func scanItem(r scanner) (Item, error) {
	var it Item
	var expected string
	if err := r.Scan(&it.ID, &it.SuiteID, &it.Position, &it.Text, &it.ImagePath, &expected); err != nil {
		return it, err
	}
	it.Expected = Labels{}
	if err := json.Unmarshal([]byte(expected), &it.Expected); err != nil {
		return it, fmt.Errorf("item %d labels: %w", it.ID, err)
	}
	return it, nil
}
