package openaitest

import (
	"net/http"
	"slices"
	"strconv"
)

// listAudit answers GET /organization/audit_logs, newest first, filtered
// by effective_at[gt|gte|lt|lte], event_types[] and project_ids[].
func (s *Server) listAudit(x *exchange) {
	st := s.orgState()
	st.mu.Lock()
	off := st.org.AuditLoggingOff
	events := st.auditNewestFirst()
	st.mu.Unlock()
	if off {
		writeError(x.w, http.StatusBadRequest, apiError{
			Message: "Audit logging is not enabled for this organization. An organization owner can turn it on in Organization settings → Data controls → Data retention (Audit logging: Enable).",
			Type:    "invalid_request_error", Code: "audit_logging_disabled"})
		return
	}
	q := x.r.URL.Query()
	bound := func(op string) (int64, bool, bool) {
		v := q.Get("effective_at[" + op + "]")
		if v == "" {
			return 0, false, true
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			badRequest(x.w, "effective_at["+op+"]", "invalid_value", "Invalid value for 'effective_at["+op+"]': expected Unix seconds.")
			return 0, false, false
		}
		return n, true, true
	}
	checks := map[string]func(t, b int64) bool{
		"gt": func(t, b int64) bool { return t > b }, "gte": func(t, b int64) bool { return t >= b },
		"lt": func(t, b int64) bool { return t < b }, "lte": func(t, b int64) bool { return t <= b },
	}
	types, projects := listParam(q, "event_types"), listParam(q, "project_ids")
	items := []map[string]any{}
	keep := make([]bool, len(events))
	for i := range keep {
		keep[i] = true
	}
	for op, ok := range checks {
		b, set, valid := bound(op)
		if !valid {
			return
		}
		for i, e := range events {
			if set && !ok(e.EffectiveAt.Unix(), b) {
				keep[i] = false
			}
		}
	}
	for i, e := range events {
		if !keep[i] || (len(types) > 0 && !slices.Contains(types, e.Type)) ||
			(len(projects) > 0 && !slices.Contains(projects, e.ProjectID)) {
			continue
		}
		items = append(items, auditObject(e))
	}
	writeList(x, items, 20, 100)
}
