package org

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Audit returns imported events, newest first, each linked to the local
// key it is about when that key is in the register.
func (s *Service) Audit(ctx context.Context, q AuditQuery) ([]AuditEvent, error) {
	if q.Limit <= 0 {
		q.Limit = 1000
	}
	labels, err := s.keyLabels(ctx)
	if err != nil {
		return nil, err
	}
	members, err := s.membersByEmail(ctx)
	if err != nil {
		return nil, err
	}
	query := `SELECT id, type, effective_at, project_id, actor, object_id, payload FROM org_audit_events WHERE effective_at >= ?`
	args := []any{q.Since.Unix()}
	if q.Since.IsZero() {
		args[0] = 0
	}
	if q.Type != "" {
		query += ` AND (type = ? OR type LIKE ?)`
		args = append(args, q.Type, q.Type+".%")
	}
	query += ` ORDER BY effective_at DESC, id DESC LIMIT ?`
	args = append(args, q.Limit)
	rows, err := s.st.Read().QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("read the audit log: %w", err)
	}
	defer rows.Close()
	out := []AuditEvent{}
	for rows.Next() {
		var e AuditEvent
		var at int64
		var payload string
		if err := rows.Scan(&e.ID, &e.Type, &at, &e.ProjectID, &e.Actor, &e.ObjectID, &payload); err != nil {
			return nil, fmt.Errorf("read the audit log: %w", err)
		}
		e.EffectiveAt, e.Payload = unixTime(at), []byte(payload)
		e.Label, e.Member = labels[e.ObjectID], members[strings.ToLower(e.Actor)]
		out = append(out, e)
	}
	return out, rows.Err()
}

// membersByEmail maps the register's members' emails (lower case) to
// their names.
func (s *Service) membersByEmail(ctx context.Context) (map[string]string, error) {
	ms, err := s.reg.Members(ctx)
	if err != nil {
		return nil, fmt.Errorf("read members: %w", err)
	}
	out := map[string]string{}
	for _, m := range ms {
		if m.Email != "" {
			out[strings.ToLower(m.Email)] = m.Name
		}
	}
	return out, nil
}

// keyLabels maps org key ids to the labels of the local keys linked to
// them, from the last snapshot (none before the first sync).
func (s *Service) keyLabels(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	v, err := s.inventory(ctx)
	if err != nil {
		if _, none := s.Snapshot(ctx); none != nil {
			return out, nil
		}
		return nil, err
	}
	for ref, k := range v.m.byOrg {
		out[ref.KeyID] = k.Label
	}
	for _, r := range v.revoked {
		if r.Label != "" {
			out[r.KeyID] = r.Label
		}
	}
	return out, nil
}

// auditState reads whether the last import found audit logging off.
func (s *Service) auditState(ctx context.Context) (off bool, imported string, err error) {
	err = s.st.Read().QueryRowContext(ctx, `SELECT logging_off, imported_at FROM org_audit_state WHERE id = 1`).Scan(&off, &imported)
	if err == sql.ErrNoRows {
		return false, "", nil
	}
	return off, imported, err
}
