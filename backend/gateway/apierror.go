package gateway

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// Reasons the gateway records in usage.Event.ErrorType for what it decided
// or saw itself (an upstream's own errors are recorded by their code). For
// answers the gateway gives itself, the reason is also the error's code.
const (
	ReasonInvalidKey          = "invalid_api_key"
	ReasonRateLimited         = "rate_limit_exceeded"
	ReasonModelNotAllowed     = "model_not_allowed"
	ReasonPIIBlocked          = "pii_blocked"
	ReasonModerationBlocked   = "moderation_blocked"
	ReasonModerationFailed    = "moderation_unavailable"
	ReasonBodyTooLarge        = "request_too_large"
	ReasonBadJSON             = "invalid_json"
	ReasonNotFound            = "not_found"
	ReasonBadPath             = "invalid_path"
	ReasonUpstreamKey         = "upstream_key_unavailable"
	ReasonUpstreamUnreachable = "upstream_unreachable"
	ReasonUpstreamTimeout     = "upstream_timeout"
	ReasonUpstreamClosed      = "upstream_closed"
	ReasonClientClosed        = "client_closed"
)

// hdrGatewayError marks an answer the gateway gave itself, with its code.
const hdrGatewayError = "X-Steward-Gateway-Error"

// apiError is the API's Error object: {"message", "type", "param", "code"},
// with param and code null when empty.
type apiError struct {
	Status  int    `json:"-"`
	Message string `json:"message"`
	Type    string `json:"type"`
	Param   string `json:"param"`
	Code    string `json:"code"`
}

// MarshalJSON writes null for an empty param or code, as the API does.
func (e apiError) MarshalJSON() ([]byte, error) {
	null := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	return json.Marshal(map[string]any{"message": e.Message, "type": e.Type, "param": null(e.Param), "code": null(e.Code)})
}

// write answers with the spec's ErrorResponse body.
func (e apiError) write(w http.ResponseWriter) {
	b, err := json.Marshal(map[string]apiError{"error": e})
	if err != nil {
		b = []byte(`{"error":{"message":"gateway error","type":"server_error","param":null,"code":null}}`)
	}
	b = append(b, '\n')
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	h.Set(hdrGatewayError, e.errorType()) // tells the gateway's own answers from the upstream's
	w.WriteHeader(e.Status)
	_, _ = w.Write(b)
}

// errorType is the ErrorType the usage log records for e.
func (e apiError) errorType() string {
	if e.Code != "" {
		return e.Code
	}
	return e.Type
}

func invalidRequest(status int, code, param, msg string) apiError {
	return apiError{Status: status, Message: msg, Type: "invalid_request_error", Param: param, Code: code}
}

func serverError(status int, code, msg string) apiError {
	return apiError{Status: status, Message: msg, Type: "server_error", Code: code}
}
