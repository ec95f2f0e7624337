package openaitest

import (
	"sort"
	"strings"
	"sync"
	"time"
)

// Org is the organization the Administration API endpoints
// (/organization/projects, /admin_api_keys, /users, /invites, /audit_logs
// and the project settings) answer about. Seed it with WithOrg; DELETE
// calls change it and add audit log events, as the real API does.
type Org struct {
	Projects  []OrgProject
	Users     []OrgUser
	Invites   []OrgInvite
	AdminKeys []OrgAdminKey
	AuditLog  []AuditEvent
	// AuditLoggingOff answers /organization/audit_logs as the API does for
	// an organization that has not turned audit logging on.
	AuditLoggingOff bool
	DataRetention   string // organization.data_retention type; "" is modified_abuse_monitoring
	SpendLimit      *SpendLimit
	SpendAlerts     []SpendAlert
}

// OrgProject is a project with its keys, service accounts and settings.
type OrgProject struct {
	ID, Name        string
	CreatedAt       time.Time
	Archived        bool
	Keys            []ProjectKey
	ServiceAccounts []ServiceAccount
	RateLimits      []ProjectRateLimit
	DataRetention   string // project.data_retention type; "" is organization_default
	ModelMode       string // allow_list or deny_list; "" is deny_list with no models
	ModelIDs        []string
	ToolsOff        []string // hosted tools switched off (file_search, web_search, ...)
	SpendLimit      *SpendLimit
	SpendAlerts     []SpendAlert
}

// ProjectKey is a project API key. Value is the key itself (tests generate
// it at run time); the API only ever shows Redacted(Value), or Redacted
// when set. Exactly one of OwnerUser and OwnerServiceAccount names the
// owner by id.
type ProjectKey struct {
	ID, Name, Value, Redacted string
	OwnerUser                 string
	OwnerServiceAccount       string
	CreatedAt, LastUsedAt     time.Time // a zero LastUsedAt is never used
}

// ServiceAccount is a project service account.
type ServiceAccount struct {
	ID, Name, Role string
	CreatedAt      time.Time
}

// OrgUser is a member of the organization.
type OrgUser struct {
	ID, Name, Email, Role string
	AddedAt               time.Time
}

// OrgInvite is an invitation to the organization.
type OrgInvite struct {
	ID, Email, Role, Status string
	CreatedAt, ExpiresAt    time.Time
}

// OrgAdminKey is an admin API key. Value, when set, is the key the server
// accepts on the admin endpoints; ExpiresAt, when set and past, makes it
// expired.
type OrgAdminKey struct {
	ID, Name, Value, Redacted     string
	OwnerID, OwnerName, OwnerType string // OwnerType "user" or "service_account"
	CreatedAt, ExpiresAt          time.Time
	LastUsedAt                    time.Time
}

// ProjectRateLimit is one model's rate limit in a project.
type ProjectRateLimit struct {
	ID, Model                          string
	RequestsPerMinute, TokensPerMinute int
	ImagesPerMinute, RequestsPerDay    int
}

// SpendLimit is a hard spend limit in cents of Currency per month.
type SpendLimit struct {
	Amount    int
	Enforcing bool
}

// SpendAlert is an emailed spend alert.
type SpendAlert struct {
	ID         string
	Amount     int
	Recipients []string
}

// AuditEvent is one audit log entry. Object is the id of what the event is
// about (the key, user, project ...); Data goes into the event's payload
// beside it.
type AuditEvent struct {
	ID          string
	Type        string
	EffectiveAt time.Time
	ProjectID   string
	ActorUserID string
	ActorEmail  string
	Object      string
	Data        map[string]any
}

// WithOrg seeds the organization the Administration API answers about.
func WithOrg(o Org) Option { return func(c *config) { c.org = o } }

// Redacted is a key as the Administration API shows it in redacted_value:
// its first eight and last three characters ("sk-admin...def").
func Redacted(value string) string {
	if len(value) < 12 {
		return "sk-..."
	}
	return value[:8] + "..." + value[len(value)-3:]
}

// orgState is the live organization, changed by DELETE calls.
type orgState struct {
	mu     sync.Mutex
	org    Org
	seq    int
	faults []adminFault
	pages  map[string]int  // list pages answered per path, for faults
	gone   map[string]bool // values of deleted admin keys
}

func newOrgState(o Org) *orgState {
	o.Projects = append([]OrgProject(nil), o.Projects...)
	for i := range o.Projects {
		p := &o.Projects[i]
		p.Keys = append([]ProjectKey(nil), p.Keys...)
		p.ServiceAccounts = append([]ServiceAccount(nil), p.ServiceAccounts...)
	}
	o.AdminKeys = append([]OrgAdminKey(nil), o.AdminKeys...)
	o.Invites = append([]OrgInvite(nil), o.Invites...)
	o.AuditLog = append([]AuditEvent(nil), o.AuditLog...)
	return &orgState{org: o, pages: map[string]int{}, gone: map[string]bool{}}
}

// project finds a project by id; the caller holds mu.
func (st *orgState) project(id string) *OrgProject {
	for i := range st.org.Projects {
		if st.org.Projects[i].ID == id {
			return &st.org.Projects[i]
		}
	}
	return nil
}

// user finds a user by id; the caller holds mu.
func (st *orgState) user(id string) *OrgUser {
	for i := range st.org.Users {
		if st.org.Users[i].ID == id {
			return &st.org.Users[i]
		}
	}
	return nil
}

// emit adds an audit log event; the caller holds mu.
func (st *orgState) emit(now time.Time, typ, project, object string, actor *OrgAdminKey) {
	st.seq++
	ev := AuditEvent{ID: "audit_log-" + strings.ReplaceAll(typ, ".", "_") + "_" + itoa(st.seq) + "_" + now.UTC().Format("20060102"),
		Type: typ, EffectiveAt: now, ProjectID: project, Object: object}
	if actor != nil {
		ev.ActorUserID = actor.OwnerID
	}
	st.org.AuditLog = append(st.org.AuditLog, ev)
}

// OrgKeyExists reports whether the project still has the key.
func (s *Server) OrgKeyExists(projectID, keyID string) bool {
	st := s.orgState()
	st.mu.Lock()
	defer st.mu.Unlock()
	if p := st.project(projectID); p != nil {
		for _, k := range p.Keys {
			if k.ID == keyID {
				return true
			}
		}
	}
	return false
}

// OrgServiceAccountExists reports whether the project still has the
// service account.
func (s *Server) OrgServiceAccountExists(projectID, id string) bool {
	st := s.orgState()
	st.mu.Lock()
	defer st.mu.Unlock()
	if p := st.project(projectID); p != nil {
		for _, sa := range p.ServiceAccounts {
			if sa.ID == id {
				return true
			}
		}
	}
	return false
}

// AddAuditEvents appends events to the audit log, as if they happened.
func (s *Server) AddAuditEvents(evs ...AuditEvent) {
	st := s.orgState()
	st.mu.Lock()
	defer st.mu.Unlock()
	st.org.AuditLog = append(st.org.AuditLog, evs...)
}

// AuditEvents returns the audit log, newest first.
func (s *Server) AuditEvents() []AuditEvent {
	st := s.orgState()
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.auditNewestFirst()
}

// auditNewestFirst sorts a copy of the log; the caller holds mu.
func (st *orgState) auditNewestFirst() []AuditEvent {
	out := append([]AuditEvent(nil), st.org.AuditLog...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].EffectiveAt.After(out[j].EffectiveAt) })
	return out
}

func itoa(n int) string {
	const digits = "0123456789"
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{digits[n%10]}, b...)
	}
	return string(b)
}

// orgState returns the live organization, made on first use for servers
// built without it (Listen).
func (s *Server) orgState() *orgState {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.org == nil {
		s.org = newOrgState(s.cfg.org)
	}
	return s.org
}
