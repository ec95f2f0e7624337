package gateway

import (
	"context"
	"database/sql"
	"fmt"

	"steward/backend/apperr"
)

// GuardEvent is one entry of the gateway's event log: account trouble,
// flagged answers, blocked and released end users, failovers. It never
// holds a key, a prompt or an end user's own id.
type GuardEvent struct {
	At       string `json:"at"` // RFC 3339, UTC
	Kind     string `json:"kind"`
	Member   string `json:"member"`
	Subject  string `json:"subject"` // an end user's safety identifier, when it concerns one
	Provider string `json:"provider"`
	Detail   string `json:"detail"`
}

func insertEvent(ctx context.Context, tx *sql.Tx, e GuardEvent) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO gateway_events(at, kind, member, subject, provider, detail) VALUES (?, ?, ?, ?, ?, ?)`,
		e.At, e.Kind, e.Member, e.Subject, e.Provider, scrubSecrets(e.Detail))
	return err
}

// Record adds an event to the log.
func (g *Guard) Record(ctx context.Context, e GuardEvent) error {
	if e.At == "" {
		e.At = stamp(g.now())
	}
	if err := g.st.Write(ctx, func(tx *sql.Tx) error { return insertEvent(ctx, tx, e) }); err != nil {
		return fmt.Errorf("log a gateway event: %w", err)
	}
	return nil
}

// RecordAlert adds an alert to the log; it suits Deps.OnAlert.
func (g *Guard) RecordAlert(a Alert) {
	_ = g.Record(context.Background(), GuardEvent{At: a.Time, Kind: a.Kind, Member: a.Member, Provider: a.Provider, Detail: a.Message})
}

// Events lists the newest events first, at most limit (100 when 0 or less).
func (g *Guard) Events(ctx context.Context, limit int) ([]GuardEvent, error) {
	if limit <= 0 {
		limit = 100
	}
	rows, err := g.st.Read().QueryContext(ctx, `SELECT at, kind, member, subject, provider, detail FROM gateway_events
		ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("read the gateway event log: %w", err)
	}
	defer rows.Close()
	out := []GuardEvent{}
	for rows.Next() {
		var e GuardEvent
		if err := rows.Scan(&e.At, &e.Kind, &e.Member, &e.Subject, &e.Provider, &e.Detail); err != nil {
			return nil, fmt.Errorf("read the gateway event log: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// CodeEndUserNotBlocked marks a release of an end user who is not blocked.
const CodeEndUserNotBlocked apperr.Code = "gateway_end_user_not_blocked"

func notBlocked(member, subject string) error {
	return apperr.Text(CodeEndUserNotBlocked, "gateway.blocklist.release",
		fmt.Sprintf("No end user %s of member %s is blocked.", subject, member),
		fmt.Sprintf("成员 %s 没有被封禁的终端用户 %s。", member, subject))
}
