package openaitest

import "net/http"

// routeMembers answers users, invites and admin_api_keys: lists, one
// object, and DELETE of an invite or an admin key.
func (s *Server) routeMembers(x *exchange, m string, parts []string, actor *OrgAdminKey) bool {
	st := s.orgState()
	st.mu.Lock()
	defer st.mu.Unlock()
	var items []map[string]any
	switch parts[0] {
	case "users":
		for _, u := range st.org.Users {
			items = append(items, userObject(u))
		}
	case "invites":
		for _, i := range st.org.Invites {
			items = append(items, inviteObject(i))
		}
	case "admin_api_keys":
		for _, k := range st.org.AdminKeys {
			items = append(items, adminKeyObject(k))
		}
	}
	if items == nil {
		items = []map[string]any{}
	}
	if len(parts) == 1 {
		if m != http.MethodGet {
			return false
		}
		writeList(x, items, 20, 100)
		return true
	}
	if len(parts) != 2 || (m != http.MethodGet && m != http.MethodDelete) || (m == http.MethodDelete && parts[0] == "users") {
		return false
	}
	for i, it := range items {
		if it["id"] != parts[1] {
			continue
		}
		if m == http.MethodGet {
			writeJSON(x.w, http.StatusOK, it)
			return true
		}
		return st.deleteMember(x, s, parts[0], i, actor)
	}
	notFound(x, "No such object: '"+parts[1]+"'.")
	return true
}

// deleteMember deletes the i-th invite or admin key; the caller holds mu.
func (st *orgState) deleteMember(x *exchange, s *Server, kind string, i int, actor *OrgAdminKey) bool {
	switch kind {
	case "invites":
		inv := st.org.Invites[i]
		if inv.Status == "accepted" {
			badRequest(x.w, "invite_id", "", "An accepted invite cannot be deleted.")
			return true
		}
		st.org.Invites = append(st.org.Invites[:i:i], st.org.Invites[i+1:]...)
		st.emit(s.cfg.now(), "invite.deleted", "", inv.ID, actor)
		writeJSON(x.w, http.StatusOK, map[string]any{"object": "organization.invite.deleted", "id": inv.ID, "deleted": true})
	case "admin_api_keys":
		k := st.org.AdminKeys[i]
		if k.Value != "" {
			st.gone[k.Value] = true
		}
		st.org.AdminKeys = append(st.org.AdminKeys[:i:i], st.org.AdminKeys[i+1:]...)
		st.emit(s.cfg.now(), "api_key.deleted", "", k.ID, actor)
		writeJSON(x.w, http.StatusOK, map[string]any{"object": "organization.admin_api_key.deleted", "id": k.ID, "deleted": true})
	}
	return true
}

// projectSettings answers a project's settings endpoints.
func projectSettings(x *exchange, p OrgProject, what string) bool {
	switch what {
	case "rate_limits":
		items := []map[string]any{}
		for _, r := range p.RateLimits {
			items = append(items, rateLimitObject(r))
		}
		writeList(x, items, 100, 100)
	case "data_retention":
		t := p.DataRetention
		if t == "" {
			t = "organization_default"
		}
		writeJSON(x.w, http.StatusOK, map[string]any{"object": "project.data_retention", "type": t})
	case "model_permissions":
		mode, ids := p.ModelMode, p.ModelIDs
		if mode == "" {
			mode = "deny_list"
		}
		if ids == nil {
			ids = []string{}
		}
		writeJSON(x.w, http.StatusOK, map[string]any{"object": "project.model_permissions", "mode": mode, "model_ids": ids})
	case "hosted_tool_permissions":
		out := map[string]any{}
		for _, t := range []string{"file_search", "web_search", "image_generation", "mcp", "code_interpreter"} {
			on := true
			for _, off := range p.ToolsOff {
				on = on && off != t
			}
			out[t] = map[string]any{"enabled": on}
		}
		writeJSON(x.w, http.StatusOK, out)
	case "spend_limit":
		if p.SpendLimit == nil {
			notFound(x, "No spend limit is set for project '"+p.ID+"'.")
			return true
		}
		writeJSON(x.w, http.StatusOK, spendLimitObject("project.spend_limit", *p.SpendLimit))
	case "spend_alerts":
		items := []map[string]any{}
		for _, a := range p.SpendAlerts {
			items = append(items, spendAlertObject("project.spend_alert", a))
		}
		writeList(x, items, 20, 100)
	default:
		return false
	}
	return true
}

// orgSettings answers the organization's data retention, spend limit and
// spend alerts.
func (s *Server) orgSettings(x *exchange, what string) {
	st := s.orgState()
	st.mu.Lock()
	o := st.org
	st.mu.Unlock()
	switch what {
	case "data_retention":
		t := o.DataRetention
		if t == "" {
			t = "modified_abuse_monitoring"
		}
		writeJSON(x.w, http.StatusOK, map[string]any{"object": "organization.data_retention", "type": t})
	case "spend_limit":
		if o.SpendLimit == nil {
			notFound(x, "No spend limit is set for this organization.")
			return
		}
		writeJSON(x.w, http.StatusOK, spendLimitObject("organization.spend_limit", *o.SpendLimit))
	case "spend_alerts":
		items := []map[string]any{}
		for _, a := range o.SpendAlerts {
			items = append(items, spendAlertObject("organization.spend_alert", a))
		}
		writeList(x, items, 20, 100)
	}
}
