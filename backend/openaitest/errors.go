package openaitest

import (
	"encoding/json"
	"net/http"
)

// apiError is the spec's Error object. Param and Code are null when empty.
type apiError struct {
	Message string
	Type    string
	Param   string
	Code    string
}

// MarshalJSON writes null for an empty param or code, as the API does.
func (e apiError) MarshalJSON() ([]byte, error) {
	null := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	return json.Marshal(map[string]any{
		"message": e.Message, "type": e.Type, "param": null(e.Param), "code": null(e.Code),
	})
}

// writeError answers with the spec's ErrorResponse body.
func writeError(w http.ResponseWriter, status int, e apiError) {
	writeJSON(w, status, map[string]any{"error": e})
}

// writeJSON answers with a JSON body.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"message":"openaitest: encode response","type":"server_error","param":null,"code":null}}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}

// badRequest answers 400 invalid_request_error.
func badRequest(w http.ResponseWriter, param, code, msg string) {
	writeError(w, http.StatusBadRequest, apiError{Message: msg, Type: "invalid_request_error", Param: param, Code: code})
}

// decodeBody parses a JSON request body, answering 400 as the API does when
// it cannot.
func decodeBody(x *exchange, v any) bool {
	if err := json.Unmarshal(x.body, v); err != nil {
		badRequest(x.w, "", "", "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)")
		return false
	}
	return true
}
