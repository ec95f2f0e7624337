package openai

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"steward/backend/secret"
)

// transport carries every HTTP attempt: it sets auth headers, waits on
// the limiter, retries, and reports each attempt. go-openai uses it as its
// HTTPClient; Steward's own requests (moderation) use it directly.
type transport struct {
	http        *http.Client
	cfg         Config
	basePath    string
	fingerprint string
	retry       RetryPolicy
	limiter     *Limiter
	observer    CallObserver
	now         func() time.Time
	sleep       func(context.Context, time.Duration) error
}

// callState is per-call context: the attempts allowed and where to put the
// last attempt's CallInfo.
type callState struct {
	maxAttempts int
	last        CallInfo
}

type callStateKey struct{}

// withCall returns a context that collects the call's last CallInfo.
func withCall(ctx context.Context, maxAttempts int) (context.Context, *callState) {
	st := &callState{maxAttempts: maxAttempts}
	return context.WithValue(ctx, callStateKey{}, st), st
}

// Do sends req, retrying as the policy allows, and returns the last
// response. Error responses keep their body for the caller to read.
func (t *transport) Do(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("read request body: %w", err)
		}
		body = b
	}
	st, _ := req.Context().Value(callStateKey{}).(*callState)
	maxAttempts := max(1, t.retry.MaxAttempts)
	if st != nil && st.maxAttempts > 0 {
		maxAttempts = st.maxAttempts
	}
	model, tokens := estimate(body)
	for attempt := 1; ; attempt++ {
		if t.limiter != nil {
			if err := t.limiter.Wait(req.Context(), tokens); err != nil {
				return nil, err
			}
		}
		info := CallInfo{Method: req.Method, Endpoint: t.endpoint(req), Model: model, KeyFingerprint: t.fingerprint, Attempt: attempt}
		resp, err := t.attempt(req, body, &info)
		retry := attempt < maxAttempts && Retryable(info.Status, info.ErrorCode, err)
		var wait time.Duration
		if retry {
			wait, retry = t.retry.Delay(attempt, info.RateLimit)
		}
		info.WillRetry = retry
		t.report(st, info)
		if !retry {
			return resp, err
		}
		if resp != nil {
			resp.Body.Close()
		}
		if err := t.sleep(req.Context(), wait); err != nil {
			return nil, err
		}
	}
}

// attempt sends one copy of req and fills info from the outcome.
func (t *transport) attempt(req *http.Request, body []byte, info *CallInfo) (*http.Response, error) {
	r := req.Clone(req.Context())
	if body != nil {
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.ContentLength = int64(len(body))
		r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	}
	t.setHeaders(r.Header)
	start := t.now()
	info.Time = start
	info.RateLimit = ParseRateLimit(nil, start)
	resp, err := t.http.Do(r)
	info.Latency = t.now().Sub(start)
	if err != nil {
		info.ErrorType = "network"
		return nil, err
	}
	info.Status = resp.StatusCode
	info.RequestID = resp.Header.Get("x-request-id")
	info.RateLimit = ParseRateLimit(resp.Header, t.now())
	if resp.StatusCode >= 400 {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
		resp.Body.Close()
		resp.Body = io.NopCloser(bytes.NewReader(b))
		info.ErrorType, info.ErrorCode = errorKind(b)
	}
	return resp, nil
}

// report hands info to the observer and keeps it as the call's last.
func (t *transport) report(st *callState, info CallInfo) {
	if st != nil {
		st.last = info
	}
	if t.observer != nil {
		t.observer.ObserveCall(info)
	}
}

// setHeaders sets auth and the organization and project headers.
func (t *transport) setHeaders(h http.Header) {
	if t.cfg.Azure() {
		h.Del("Authorization")
		h.Set("api-key", t.cfg.APIKey)
	} else {
		h.Set("Authorization", "Bearer "+t.cfg.APIKey)
	}
	if t.cfg.Organization != "" {
		h.Set("OpenAI-Organization", t.cfg.Organization)
	}
	if t.cfg.Project != "" {
		h.Set("OpenAI-Project", t.cfg.Project)
	}
}

// endpoint is the API path of req without the base path and, for Azure,
// the deployment prefix.
func (t *transport) endpoint(req *http.Request) string {
	p := strings.TrimPrefix(req.URL.Path, t.basePath)
	if t.cfg.Azure() {
		p = strings.TrimPrefix(p, "/openai")
		if rest, ok := strings.CutPrefix(p, "/deployments/"); ok {
			if i := strings.IndexByte(rest, '/'); i >= 0 {
				p = rest[i:]
			}
		}
	}
	return p
}

// estimate reads the model and a token estimate from a JSON request body:
// a quarter of its length (the usual four characters per token) plus the
// output the request reserves, as OpenAI counts against the token budget.
func estimate(body []byte) (model string, tokens int) {
	if len(body) == 0 {
		return "", 0
	}
	var v struct {
		Model               string `json:"model"`
		MaxTokens           int    `json:"max_tokens"`
		MaxCompletionTokens int    `json:"max_completion_tokens"`
		MaxOutputTokens     int    `json:"max_output_tokens"`
	}
	_ = json.Unmarshal(body, &v)
	return v.Model, (len(body)+3)/4 + max(v.MaxTokens, v.MaxCompletionTokens, v.MaxOutputTokens)
}

// errorKind reads type and code from an ErrorResponse body.
func errorKind(body []byte) (typ, code string) {
	var v struct {
		Error struct {
			Type string `json:"type"`
			Code any    `json:"code"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &v) != nil {
		return "", ""
	}
	if s, ok := v.Error.Code.(string); ok {
		code = s
	}
	return v.Error.Type, code
}

// newTransport builds the transport for cfg.
func newTransport(cfg Config, basePath string, o options) *transport {
	hc := cfg.HTTPClient
	if hc == nil {
		hc = &http.Client{}
	}
	return &transport{
		http: hc, cfg: cfg, basePath: basePath, fingerprint: secret.Fingerprint(cfg.APIKey),
		retry: o.retry, limiter: o.limiter, observer: o.observer, now: o.now, sleep: o.sleep,
	}
}
