package openaitest

import (
	"net/http"
	"strings"
)

// isAdminPath reports whether p is an Administration API path this server
// answers (the usage endpoints have their own handlers).
func isAdminPath(p string) bool {
	return strings.HasPrefix(p, "/organization/") && !strings.HasPrefix(p, "/organization/usage/")
}

// routeAdmin answers the Administration API: it checks for an admin key,
// applies admin faults, then dispatches on the path.
func (s *Server) routeAdmin(x *exchange) {
	actor, ok := s.adminAuth(x)
	if !ok {
		return
	}
	st := s.orgState()
	if f := st.adminFaultFor(x.path); f != nil {
		answerAdminFault(x, f)
		return
	}
	parts := strings.Split(strings.TrimPrefix(x.path, "/organization/"), "/")
	m := x.r.Method
	handled := false
	switch parts[0] {
	case "projects":
		handled = s.routeProjects(x, m, parts[1:], actor)
	case "users", "invites", "admin_api_keys":
		handled = s.routeMembers(x, m, parts, actor)
	case "audit_logs":
		handled = len(parts) == 1 && m == http.MethodGet
		if handled {
			s.listAudit(x)
		}
	case "data_retention", "spend_limit", "spend_alerts":
		handled = len(parts) == 1 && m == http.MethodGet
		if handled {
			s.orgSettings(x, parts[0])
		}
	}
	if !handled {
		writeError(x.w, http.StatusNotFound, apiError{
			Message: "Invalid URL (" + m + " " + x.r.URL.Path + ")", Type: "invalid_request_error"})
	}
}

// routeProjects answers /organization/projects/...; it reports whether the
// path and method are known.
func (s *Server) routeProjects(x *exchange, m string, parts []string, actor *OrgAdminKey) bool {
	st := s.orgState()
	if len(parts) == 0 || parts[0] == "" {
		if m != http.MethodGet {
			return false
		}
		st.mu.Lock()
		items := []map[string]any{}
		all := x.r.URL.Query().Get("include_archived") == "true"
		for _, p := range st.org.Projects {
			if all || !p.Archived {
				items = append(items, projectObject(p))
			}
		}
		st.mu.Unlock()
		writeList(x, items, 20, 100)
		return true
	}
	st.mu.Lock()
	p := st.project(parts[0])
	var pc OrgProject
	if p != nil {
		pc = *p
	}
	st.mu.Unlock()
	if p == nil {
		notFound(x, "No such project: '"+parts[0]+"'.")
		return true
	}
	if len(parts) == 1 {
		if m != http.MethodGet {
			return false
		}
		writeJSON(x.w, http.StatusOK, projectObject(pc))
		return true
	}
	switch parts[1] {
	case "api_keys":
		return s.routeProjectKeys(x, m, pc.ID, parts[2:], actor)
	case "service_accounts":
		return s.routeServiceAccounts(x, m, pc.ID, parts[2:], actor)
	}
	if len(parts) != 2 || m != http.MethodGet {
		return false
	}
	return projectSettings(x, pc, parts[1])
}

// routeProjectKeys answers a project's api_keys list, one key, and DELETE.
func (s *Server) routeProjectKeys(x *exchange, m, project string, rest []string, actor *OrgAdminKey) bool {
	st := s.orgState()
	st.mu.Lock()
	defer st.mu.Unlock()
	p := st.project(project)
	if len(rest) == 0 {
		if m != http.MethodGet {
			return false
		}
		items := make([]map[string]any, 0, len(p.Keys))
		for _, k := range p.Keys {
			items = append(items, st.projectKeyObject(p, k))
		}
		writeList(x, items, 20, 100)
		return true
	}
	if len(rest) != 1 || (m != http.MethodGet && m != http.MethodDelete) {
		return false
	}
	for i, k := range p.Keys {
		if k.ID != rest[0] {
			continue
		}
		if m == http.MethodGet {
			writeJSON(x.w, http.StatusOK, st.projectKeyObject(p, k))
			return true
		}
		if k.OwnerServiceAccount != "" {
			badRequest(x.w, "api_key_id", "", "API keys owned by a service account cannot be deleted; delete the service account '"+k.OwnerServiceAccount+"' instead.")
			return true
		}
		p.Keys = append(p.Keys[:i:i], p.Keys[i+1:]...)
		st.emit(s.cfg.now(), "api_key.deleted", project, k.ID, actor)
		writeJSON(x.w, http.StatusOK, map[string]any{"object": "organization.project.api_key.deleted", "id": k.ID, "deleted": true})
		return true
	}
	notFound(x, "No such API key: '"+rest[0]+"'.")
	return true
}

// routeServiceAccounts answers a project's service accounts; DELETE takes
// the account's keys with it.
func (s *Server) routeServiceAccounts(x *exchange, m, project string, rest []string, actor *OrgAdminKey) bool {
	st := s.orgState()
	st.mu.Lock()
	defer st.mu.Unlock()
	p := st.project(project)
	if len(rest) == 0 {
		if m != http.MethodGet {
			return false
		}
		items := make([]map[string]any, 0, len(p.ServiceAccounts))
		for _, sa := range p.ServiceAccounts {
			items = append(items, serviceAccountObject(sa))
		}
		writeList(x, items, 20, 100)
		return true
	}
	if len(rest) != 1 || (m != http.MethodGet && m != http.MethodDelete) {
		return false
	}
	for i, sa := range p.ServiceAccounts {
		if sa.ID != rest[0] {
			continue
		}
		if m == http.MethodGet {
			writeJSON(x.w, http.StatusOK, serviceAccountObject(sa))
			return true
		}
		p.ServiceAccounts = append(p.ServiceAccounts[:i:i], p.ServiceAccounts[i+1:]...)
		kept := p.Keys[:0:0]
		for _, k := range p.Keys {
			if k.OwnerServiceAccount != sa.ID {
				kept = append(kept, k)
			}
		}
		p.Keys = kept
		st.emit(s.cfg.now(), "service_account.deleted", project, sa.ID, actor)
		writeJSON(x.w, http.StatusOK, map[string]any{"object": "organization.project.service_account.deleted", "id": sa.ID, "deleted": true})
		return true
	}
	notFound(x, "No such service account: '"+rest[0]+"'.")
	return true
}
