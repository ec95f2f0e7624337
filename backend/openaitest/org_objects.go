package openaitest

// The spec's objects for the Administration API, built from the seeded
// organization.

func projectObject(p OrgProject) map[string]any {
	status, archived := "active", any(nil)
	if p.Archived {
		status, archived = "archived", p.CreatedAt.Unix()
	}
	return map[string]any{"id": p.ID, "object": "organization.project", "name": p.Name,
		"created_at": p.CreatedAt.Unix(), "archived_at": archived, "status": status}
}

func (st *orgState) projectKeyObject(p *OrgProject, k ProjectKey) map[string]any {
	red := k.Redacted
	if red == "" {
		red = Redacted(k.Value)
	}
	owner := map[string]any{}
	access := "active"
	if k.OwnerServiceAccount != "" {
		owner["type"] = "service_account"
		for _, sa := range p.ServiceAccounts {
			if sa.ID == k.OwnerServiceAccount {
				owner["service_account"] = map[string]any{"id": sa.ID, "name": sa.Name, "created_at": sa.CreatedAt.Unix(), "role": sa.Role}
			}
		}
	} else {
		owner["type"] = "user"
		u := st.user(k.OwnerUser)
		if u == nil {
			// The owner left the organization: the API still names them, and
			// they no longer have access to the project.
			access = "inactive"
			owner["user"] = map[string]any{"id": k.OwnerUser, "name": "", "email": "", "created_at": 0, "role": "member"}
		} else {
			owner["user"] = map[string]any{"id": u.ID, "name": u.Name, "email": u.Email, "created_at": u.AddedAt.Unix(), "role": u.Role}
		}
	}
	return map[string]any{"object": "organization.project.api_key", "redacted_value": red, "name": k.Name,
		"created_at": k.CreatedAt.Unix(), "last_used_at": unix(k.LastUsedAt), "id": k.ID,
		"owner_project_access": access, "owner": owner}
}

func serviceAccountObject(sa ServiceAccount) map[string]any {
	role := sa.Role
	if role == "" {
		role = "member"
	}
	return map[string]any{"object": "organization.project.service_account", "id": sa.ID, "name": sa.Name,
		"role": role, "created_at": sa.CreatedAt.Unix()}
}

func userObject(u OrgUser) map[string]any {
	role := u.Role
	if role == "" {
		role = "reader"
	}
	return map[string]any{"object": "organization.user", "id": u.ID, "name": u.Name, "email": u.Email,
		"role": role, "added_at": u.AddedAt.Unix()}
}

func inviteObject(i OrgInvite) map[string]any {
	status := i.Status
	if status == "" {
		status = "pending"
	}
	return map[string]any{"object": "organization.invite", "id": i.ID, "email": i.Email, "role": i.Role,
		"status": status, "created_at": i.CreatedAt.Unix(), "expires_at": unix(i.ExpiresAt),
		"accepted_at": nil, "projects": []any{}}
}

func adminKeyObject(k OrgAdminKey) map[string]any {
	red := k.Redacted
	if red == "" {
		red = Redacted(k.Value)
	}
	otype := k.OwnerType
	if otype == "" {
		otype = "user"
	}
	obj := "organization.user"
	if otype == "service_account" {
		obj = "organization.service_account"
	}
	return map[string]any{"object": "organization.admin_api_key", "id": k.ID, "name": k.Name, "redacted_value": red,
		"created_at": k.CreatedAt.Unix(), "expires_at": unix(k.ExpiresAt), "last_used_at": unix(k.LastUsedAt),
		"owner": map[string]any{"type": otype, "object": obj, "id": k.OwnerID, "name": k.OwnerName,
			"created_at": k.CreatedAt.Unix(), "role": "owner"}}
}

func rateLimitObject(r ProjectRateLimit) map[string]any {
	o := map[string]any{"object": "project.rate_limit", "id": r.ID, "model": r.Model,
		"max_requests_per_1_minute": r.RequestsPerMinute, "max_tokens_per_1_minute": r.TokensPerMinute}
	if r.ImagesPerMinute > 0 {
		o["max_images_per_1_minute"] = r.ImagesPerMinute
	}
	if r.RequestsPerDay > 0 {
		o["max_requests_per_1_day"] = r.RequestsPerDay
	}
	return o
}

func spendLimitObject(object string, l SpendLimit) map[string]any {
	status := "inactive"
	if l.Enforcing {
		status = "enforcing"
	}
	return map[string]any{"object": object, "threshold_amount": l.Amount, "currency": "USD", "interval": "month",
		"enforcement": map[string]any{"status": status}}
}

func spendAlertObject(object string, a SpendAlert) map[string]any {
	return map[string]any{"id": a.ID, "object": object, "threshold_amount": a.Amount, "currency": "USD", "interval": "month",
		"notification_channel": map[string]any{"type": "email", "recipients": a.Recipients, "subject_prefix": nil}}
}

// auditObject is the spec's AuditLog: the event's payload sits under a key
// named after its type.
func auditObject(e AuditEvent) map[string]any {
	payload := map[string]any{}
	for k, v := range e.Data {
		payload[k] = v
	}
	if e.Object != "" {
		payload["id"] = e.Object
	}
	o := map[string]any{"id": e.ID, "type": e.Type, "effective_at": e.EffectiveAt.Unix(), e.Type: payload}
	if e.ProjectID != "" {
		o["project"] = map[string]any{"id": e.ProjectID}
	}
	if e.ActorUserID != "" || e.ActorEmail != "" {
		o["actor"] = map[string]any{"type": "api_key", "api_key": map[string]any{"type": "user",
			"user": map[string]any{"id": e.ActorUserID, "email": e.ActorEmail}}}
	} else {
		o["actor"] = nil
	}
	return o
}
