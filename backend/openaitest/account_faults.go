package openaitest

import "net/http"

// The ways an account fails, as the API answers them: each is a Fault for
// Inject, matching every path unless Path is set on the copy.
var (
	// FaultAccountDeactivated is the 401 a deactivated account gets.
	FaultAccountDeactivated = Fault{Status: http.StatusUnauthorized}
	// FaultInsufficientQuota is the 429 of an account out of credit.
	FaultInsufficientQuota = Fault{Status: http.StatusTooManyRequests}
	// FaultUnsupportedRegion is the 403 for a country the API does not serve.
	FaultUnsupportedRegion = Fault{Status: http.StatusForbidden}
	// FaultServerError is a 500.
	FaultServerError = Fault{Status: http.StatusInternalServerError}
	// FaultBadRequest is a 400 of the request's own making.
	FaultBadRequest = Fault{Status: http.StatusBadRequest}
)

// accountFaultError is the error body for statuses faultError leaves to it.
func accountFaultError(status int) (apiError, bool) {
	switch status {
	case http.StatusUnauthorized:
		return apiError{Message: "This key is associated with a deactivated account. If you feel this is an error, contact us through our help center at help.openai.com.",
			Type: "invalid_request_error", Code: "account_deactivated"}, true
	case http.StatusBadRequest:
		return apiError{Message: "Invalid value for 'temperature': must be between 0 and 2.",
			Type: "invalid_request_error", Param: "temperature", Code: "invalid_value"}, true
	}
	return apiError{}, false
}

// FailAccount answers the next n requests as the account failing in the
// way f describes.
func (s *Server) FailAccount(n int, f Fault) { s.Inject(n, f) }

// RateLimitNext answers the next n requests with an ordinary rate-limit
// 429 (code rate_limit_exceeded), as a busy account gets; it is not an
// account failure.
func (s *Server) RateLimitNext(n int) { s.Inject(n, Fault{Status: statusRateLimited}) }

// statusRateLimited marks, inside Fault.Status, an ordinary rate-limit 429
// as opposed to insufficient_quota.
const statusRateLimited = 1429

// writeRateLimited answers an ordinary rate-limit 429.
func writeRateLimited(w http.ResponseWriter) {
	w.Header().Set("retry-after", "1")
	writeError(w, http.StatusTooManyRequests, apiError{Message: "Rate limit reached for requests. Please try again in 1s.",
		Type: "requests", Code: "rate_limit_exceeded"})
}
