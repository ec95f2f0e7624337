package gateway

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// BlockedEndUser is an end user refused until released.
type BlockedEndUser struct {
	Member    string `json:"member"`
	Subject   string `json:"subject"` // the safety identifier (keyed hash) of the end user
	Flags     int    `json:"flags"`   // flagged requests on the day they were blocked
	BlockedAt string `json:"blocked_at"`
}

// Blocked reports whether a member's end user is on the blocklist.
func (g *Guard) Blocked(ctx context.Context, member, subject string) (bool, error) {
	var at string
	err := g.st.Read().QueryRowContext(ctx, `SELECT blocked_at FROM gateway_end_users WHERE member = ? AND subject = ?`,
		member, subject).Scan(&at)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read the end-user blocklist: %w", err)
	}
	return at != "", nil
}

// Flag counts one flagged request of a member's end user today and blocks
// them once threshold flags were counted in the day; it reports whether
// this flag blocked them. A threshold of 0 counts but never blocks.
func (g *Guard) Flag(ctx context.Context, member, subject string, threshold int) (bool, error) {
	now := g.now()
	day, stamp := now.UTC().Format(time.DateOnly), now.UTC().Format(time.RFC3339)
	var blocked bool
	err := g.st.Write(ctx, func(tx *sql.Tx) error {
		var flags int
		var d, at string
		err := tx.QueryRowContext(ctx, `SELECT day, flags, blocked_at FROM gateway_end_users WHERE member = ? AND subject = ?`,
			member, subject).Scan(&d, &flags, &at)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if d != day && at == "" {
			flags = 0
		}
		flags++
		if at == "" && threshold > 0 && flags >= threshold {
			at, blocked = stamp, true
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO gateway_end_users(member, subject, day, flags, blocked_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT(member, subject) DO UPDATE SET day = excluded.day, flags = excluded.flags, blocked_at = excluded.blocked_at`,
			member, subject, day, flags, at)
		if err == nil && blocked {
			err = insertEvent(ctx, tx, GuardEvent{At: stamp, Kind: AlertEndUserBlocked, Member: member, Subject: subject,
				Detail: fmt.Sprintf("%d flagged requests today", flags)})
		}
		return err
	})
	if err != nil {
		return false, fmt.Errorf("count a flagged request: %w", err)
	}
	return blocked, nil
}

// Release takes a member's end user off the blocklist; their count starts
// again from zero.
func (g *Guard) Release(ctx context.Context, member, subject string) error {
	var n int64
	err := g.st.Write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM gateway_end_users WHERE member = ? AND subject = ? AND blocked_at != ''`, member, subject)
		if err == nil {
			n, _ = res.RowsAffected()
		}
		if err == nil && n > 0 {
			err = insertEvent(ctx, tx, GuardEvent{At: g.now().UTC().Format(time.RFC3339), Kind: "end_user_released",
				Member: member, Subject: subject})
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("release an end user: %w", err)
	}
	if n == 0 {
		return notBlocked(member, subject)
	}
	return nil
}

// BlockedEndUsers lists the blocklist, newest first.
func (g *Guard) BlockedEndUsers(ctx context.Context) ([]BlockedEndUser, error) {
	rows, err := g.st.Read().QueryContext(ctx, `SELECT member, subject, flags, blocked_at FROM gateway_end_users
		WHERE blocked_at != '' ORDER BY blocked_at DESC`)
	if err != nil {
		return nil, fmt.Errorf("read the end-user blocklist: %w", err)
	}
	defer rows.Close()
	out := []BlockedEndUser{}
	for rows.Next() {
		var b BlockedEndUser
		if err := rows.Scan(&b.Member, &b.Subject, &b.Flags, &b.BlockedAt); err != nil {
			return nil, fmt.Errorf("read the end-user blocklist: %w", err)
		}
		out = append(out, b)
	}
	return out, rows.Err()
}
