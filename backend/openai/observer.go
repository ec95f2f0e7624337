package openai

import "time"

// CallInfo describes one HTTP attempt to the API, for the usage log. It
// never holds the key, only its fingerprint.
type CallInfo struct {
	Time           time.Time     `json:"time"`     // when the attempt started
	Method         string        `json:"method"`   // GET, POST
	Endpoint       string        `json:"endpoint"` // API path without the base, e.g. "/chat/completions"
	Model          string        `json:"model,omitempty"`
	Status         int           `json:"status"`               // HTTP status; 0 if no response came
	ErrorType      string        `json:"error_type,omitempty"` // the API error's type ("requests", "invalid_request_error", …), or "network"
	ErrorCode      string        `json:"error_code,omitempty"` // the API error's code ("rate_limit_exceeded", …)
	Latency        time.Duration `json:"latency"`              // until the response headers (or the failure)
	RequestID      string        `json:"request_id,omitempty"` // x-request-id
	KeyFingerprint string        `json:"key_fingerprint"`      // secret.Fingerprint of the key used
	Attempt        int           `json:"attempt"`              // 1 for the first try
	WillRetry      bool          `json:"will_retry"`           // another attempt follows
	RateLimit      RateLimit     `json:"rate_limit"`
}

// CallObserver receives a CallInfo for every attempt, as it ends. It is
// called on the caller's goroutine and must not block: queue the work.
type CallObserver interface {
	ObserveCall(CallInfo)
}

// ObserverFunc adapts a function to CallObserver.
type ObserverFunc func(CallInfo)

// ObserveCall calls f.
func (f ObserverFunc) ObserveCall(c CallInfo) { f(c) }
