package keys

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// eventLog appends to the key event log inside one write transaction and
// remembers what it wrote, so the app log hears of it only once committed.
type eventLog struct {
	r     *Register
	ctx   context.Context
	tx    *sql.Tx
	added []Event
}

// add appends one event. keyID 0 means a member event. Details never carry a
// secret: callers pass labels, names, redacted forms and results only.
func (l *eventLog) add(event string, keyID int64, label, member, detail string) error {
	var id any
	if keyID != 0 {
		id = keyID
	}
	at := l.r.stamp()
	if _, err := l.tx.ExecContext(l.ctx, `INSERT INTO key_events(at, event, key_id, label, member, detail) VALUES (?, ?, ?, ?, ?, ?)`,
		at, event, id, label, member, detail); err != nil {
		return fmt.Errorf("record %s event: %w", event, err)
	}
	l.added = append(l.added, Event{At: at, Event: event, KeyID: keyID, Label: label, Member: member, Detail: detail})
	return nil
}

// write runs fn in one write transaction with an event log, and logs the
// events once the transaction has committed.
func (r *Register) write(ctx context.Context, fn func(tx *sql.Tx, ev *eventLog) error) error {
	var ev *eventLog
	err := r.st.Write(ctx, func(tx *sql.Tx) error {
		ev = &eventLog{r: r, ctx: ctx, tx: tx}
		return fn(tx, ev)
	})
	if err != nil {
		return err
	}
	for _, e := range ev.added {
		r.log.Info("key event", "event", e.Event, "key_id", e.KeyID, "label", e.Label, "member", e.Member, "detail", e.Detail)
	}
	return nil
}

// Events returns the key event log, oldest first: the whole log when label
// is empty, else every event of every key that has carried the label.
func (r *Register) Events(ctx context.Context, label string) ([]Event, error) {
	q := `SELECT id, at, event, coalesce(key_id, 0), label, member, detail FROM key_events`
	var args []any
	if label = strings.TrimSpace(label); label != "" {
		q += ` WHERE lower(label) = lower(?)`
		args = append(args, label)
	}
	rows, err := r.st.Read().QueryContext(ctx, q+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list key events: %w", err)
	}
	defer rows.Close()
	out := []Event{}
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.ID, &e.At, &e.Event, &e.KeyID, &e.Label, &e.Member, &e.Detail); err != nil {
			return nil, fmt.Errorf("list key events: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
