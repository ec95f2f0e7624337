package org

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// AuditImport sums up one import of the audit log.
type AuditImport struct {
	New        int    `json:"new"`         // events not seen before
	Read       int    `json:"read"`        // events the API returned
	LoggingOff bool   `json:"logging_off"` // the organization does not keep an audit log
	HowToOn    Text   `json:"how_to_on"`   // how to turn it on, when off
	ImportedAt string `json:"imported_at"`
}

// AuditEvent is one imported audit log event, linked to the local key or
// member it concerns when Steward knows them.
type AuditEvent struct {
	ID          string          `json:"id"`
	Type        string          `json:"type"`
	EffectiveAt time.Time       `json:"effective_at"`
	ProjectID   string          `json:"project_id"`
	Actor       string          `json:"actor"`     // email or id of who did it
	ObjectID    string          `json:"object_id"` // the key, user, project ... it is about
	Label       string          `json:"label"`     // the local key's label, when the object is a linked key
	Member      string          `json:"member"`    // the register's member whose email the actor has
	Payload     json.RawMessage `json:"payload"`
}

// AuditQuery selects imported events: since a time, of one type ("" all).
type AuditQuery struct {
	Since time.Time `json:"since"`
	Type  string    `json:"type"`
	Limit int       `json:"limit"` // 0: 1000
}

// Text is a message in English and Simplified Chinese.
type Text struct {
	En string `json:"en"`
	Zh string `json:"zh-CN"`
}

// auditOnText says how to turn audit logging on.
var auditOnText = Text{
	En: "The organization does not keep an audit log. An organization owner can turn it on at platform.openai.com: Organization settings → Data controls → Data retention → Audit logging → Enable (it cannot be switched off again without OpenAI support).",
	Zh: "该组织未开启审计日志。组织所有者可在 platform.openai.com 开启：组织设置 → 数据控制 → 数据保留 → 审计日志 → 启用（开启后需联系 OpenAI 支持才能关闭）。",
}

// apiAudit is the part of an AuditLog object Steward reads; the payload
// under the key named after the type is kept whole.
type apiAudit struct {
	ID          string `json:"id"`
	Type        string `json:"type"`
	EffectiveAt int64  `json:"effective_at"`
	Project     *struct {
		ID string `json:"id"`
	} `json:"project"`
	Actor *struct {
		Session *struct {
			User struct{ ID, Email string } `json:"user"`
		} `json:"session"`
		APIKey *struct {
			ID             string                      `json:"id"`
			User           *struct{ ID, Email string } `json:"user"`
			ServiceAccount *struct{ ID string }        `json:"service_account"`
		} `json:"api_key"`
	} `json:"actor"`
}

// ImportAudit reads the audit log since the last import (events at the
// same second as the newest one seen are read again and skipped by id),
// and stores the new events in one transaction. An organization with
// audit logging off is reported, with how to turn it on, not as an error.
func (s *Service) ImportAudit(ctx context.Context) (AuditImport, error) {
	cl, _, err := s.connected(ctx)
	if err != nil {
		return AuditImport{}, err
	}
	last, err := s.lastAudit(ctx)
	if err != nil {
		return AuditImport{}, err
	}
	q := url.Values{}
	if last > 0 {
		q.Set("effective_at[gte]", strconv.FormatInt(last, 10))
	}
	events, err := listAll[json.RawMessage](ctx, &fetcher{cl: cl}, "/organization/audit_logs", q)
	res := AuditImport{ImportedAt: s.stamp()}
	if loggingOff(err) {
		res.LoggingOff, res.HowToOn = true, auditOnText
		return res, s.saveAuditState(ctx, last, true)
	}
	if err != nil {
		return res, rejectedError("org.audit", err)
	}
	res.Read = len(events)
	res.New, err = s.storeAudit(ctx, events, last)
	return res, err
}

// loggingOff reports whether err is the API saying audit logging is off.
func loggingOff(err error) bool {
	code, msg := apiCode(err)
	st := apiStatus(err)
	return (st == http.StatusBadRequest || st == http.StatusForbidden || st == http.StatusNotFound) &&
		(code == "audit_logging_disabled" || strings.Contains(strings.ToLower(msg), "audit log"))
}

func (s *Service) lastAudit(ctx context.Context) (int64, error) {
	var last int64
	err := s.st.Read().QueryRowContext(ctx, `SELECT last_effective_at FROM org_audit_state WHERE id = 1`).Scan(&last)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("read the audit import state: %w", err)
	}
	return last, nil
}

func (s *Service) saveAuditState(ctx context.Context, last int64, off bool) error {
	return s.st.Write(ctx, func(tx *sql.Tx) error { return writeAuditState(ctx, tx, last, off, s.stamp()) })
}

func writeAuditState(ctx context.Context, tx *sql.Tx, last int64, off bool, stamp string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO org_audit_state(id, last_effective_at, imported_at, logging_off) VALUES (1, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET last_effective_at = excluded.last_effective_at, imported_at = excluded.imported_at,
		logging_off = excluded.logging_off`, last, stamp, off)
	if err != nil {
		return fmt.Errorf("record the audit import: %w", err)
	}
	return nil
}

// storeAudit inserts events not already stored and advances the state.
func (s *Service) storeAudit(ctx context.Context, events []json.RawMessage, last int64) (int, error) {
	added := 0
	stamp := s.stamp()
	err := s.st.Write(ctx, func(tx *sql.Tx) error {
		added = 0
		for _, raw := range events {
			var e apiAudit
			if err := json.Unmarshal(raw, &e); err != nil || e.ID == "" {
				return fmt.Errorf("read an audit log event: %v", err)
			}
			payload := payloadOf(raw, e.Type)
			res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO org_audit_events(id, type, effective_at, project_id, actor,
				object_id, payload, imported_at) VALUES (?,?,?,?,?,?,?,?)`, e.ID, e.Type, e.EffectiveAt, projectOf(e),
				actorOf(e), objectOf(payload), string(payload), stamp)
			if err != nil {
				return fmt.Errorf("store audit event %s: %w", e.ID, err)
			}
			n, _ := res.RowsAffected()
			added += int(n)
			last = max(last, e.EffectiveAt)
		}
		return writeAuditState(ctx, tx, last, false, stamp)
	})
	return added, err
}

func payloadOf(raw json.RawMessage, typ string) json.RawMessage {
	var all map[string]json.RawMessage
	if json.Unmarshal(raw, &all) != nil || all[typ] == nil {
		return json.RawMessage(`{}`)
	}
	return all[typ]
}

func objectOf(payload json.RawMessage) string {
	var v struct {
		ID string `json:"id"`
	}
	_ = json.Unmarshal(payload, &v)
	return v.ID
}

func projectOf(e apiAudit) string {
	if e.Project == nil {
		return ""
	}
	return e.Project.ID
}

func actorOf(e apiAudit) string {
	a := e.Actor
	switch {
	case a == nil:
		return ""
	case a.Session != nil:
		return firstOf(a.Session.User.Email, a.Session.User.ID)
	case a.APIKey != nil && a.APIKey.User != nil:
		return firstOf(a.APIKey.User.Email, a.APIKey.User.ID)
	case a.APIKey != nil && a.APIKey.ServiceAccount != nil:
		return a.APIKey.ServiceAccount.ID
	case a.APIKey != nil:
		return a.APIKey.ID
	}
	return ""
}

func firstOf(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}
