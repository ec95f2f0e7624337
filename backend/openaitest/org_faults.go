package openaitest

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// adminFault fails Administration API requests.
type adminFault struct {
	path       string // exact API path; "" matches every admin path
	afterPages int    // list pages answered on path before the fault applies
	status     int
	times      int // 0: every time once it applies
	wait       time.Duration
}

// FailListAfter lets path (an Administration API list path such as
// "/organization/projects/proj_1/api_keys") answer pages pages and then
// answers status to the next times requests on it (every one when times is
// 0): a pagination that stops halfway.
func (s *Server) FailListAfter(path string, pages, status, times int) {
	st := s.orgState()
	st.mu.Lock()
	defer st.mu.Unlock()
	st.faults = append(st.faults, adminFault{path: path, afterPages: pages, status: status, times: times})
}

// RateLimitAdmin answers the next n Administration API requests with 429
// rate_limit_exceeded and the headers that say to wait wait.
func (s *Server) RateLimitAdmin(n int, wait time.Duration) {
	st := s.orgState()
	st.mu.Lock()
	defer st.mu.Unlock()
	st.faults = append(st.faults, adminFault{status: http.StatusTooManyRequests, times: n, wait: wait})
}

// adminFaultFor uses one turn of the first fault that applies to the
// request, counting answered list pages per path.
func (st *orgState) adminFaultFor(path string) *adminFault {
	st.mu.Lock()
	defer st.mu.Unlock()
	for i := range st.faults {
		f := &st.faults[i]
		if f.status == 0 || (f.path != "" && f.path != path) || st.pages[path] < f.afterPages {
			continue
		}
		out := *f
		if f.times > 0 {
			f.times--
			if f.times == 0 {
				f.status = 0
			}
		}
		return &out
	}
	st.pages[path]++
	return nil
}

// answerAdminFault writes the fault's error.
func answerAdminFault(x *exchange, f *adminFault) {
	if f.status != http.StatusTooManyRequests {
		writeError(x.w, f.status, faultError(f.status))
		return
	}
	h := x.w.Header()
	h.Set("x-ratelimit-limit-requests", "60")
	h.Set("x-ratelimit-remaining-requests", "0")
	h.Set("x-ratelimit-reset-requests", FormatReset(f.wait))
	h.Set("retry-after", strconv.Itoa(max(1, int(f.wait.Seconds()+0.999))))
	h.Set("retry-after-ms", strconv.FormatInt(f.wait.Milliseconds(), 10))
	writeError(x.w, http.StatusTooManyRequests, apiError{
		Message: "Rate limit reached for requests in organization org-openaitest on requests per min (RPM): Limit 60, Used 60, Requested 1. Please try again in " + FormatReset(f.wait) + ".",
		Type:    "requests", Code: "rate_limit_exceeded"})
}

// adminAuth checks that the request carries a live admin key: a project or
// service-account key gets 403, a deleted, unknown or expired admin key 401.
func (s *Server) adminAuth(x *exchange) (*OrgAdminKey, bool) {
	if !strings.HasPrefix(x.key, "sk-admin-") {
		writeError(x.w, http.StatusForbidden, apiError{
			Message: "You have insufficient permissions for this operation. Missing scopes: api.management.read. Check that you have the correct role in your organization (Reader, Writer, Owner) and project (Member, Owner), and if you're using a restricted API key, that it has the necessary scopes.",
			Type:    "invalid_request_error"})
		return nil, false
	}
	st := s.orgState()
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.gone[x.key] {
		writeError(x.w, http.StatusUnauthorized, apiError{
			Message: "Your authentication token has been invalidated. Please try signing in again.",
			Type:    "invalid_request_error", Code: "invalid_authentication"})
		return nil, false
	}
	checked := false
	for i := range st.org.AdminKeys {
		k := &st.org.AdminKeys[i]
		if k.Value == "" {
			continue
		}
		checked = true
		if k.Value != x.key {
			continue
		}
		if !k.ExpiresAt.IsZero() && !k.ExpiresAt.After(s.cfg.now()) {
			writeError(x.w, http.StatusUnauthorized, apiError{
				Message: "Your admin API key has expired. Create a new one at https://platform.openai.com/settings/organization/admin-keys.",
				Type:    "invalid_request_error", Code: "invalid_api_key"})
			return nil, false
		}
		k.LastUsedAt = s.cfg.now()
		return k, true
	}
	if checked {
		writeError(x.w, http.StatusUnauthorized, apiError{
			Message: "Incorrect API key provided: " + maskKey(x.key) + ". You can find your API key at https://platform.openai.com/account/api-keys.",
			Type:    "invalid_request_error", Code: "invalid_api_key"})
		return nil, false
	}
	return nil, true
}
