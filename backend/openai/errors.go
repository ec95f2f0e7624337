package openai

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	"steward/backend/apperr"
	"steward/backend/secret"
)

// Error codes for API failures users can act on.
const (
	CodeKeyMissing  apperr.Code = "openai_key_missing"
	CodeKeyRejected apperr.Code = "openai_key_rejected"
	CodeForbidden   apperr.Code = "openai_forbidden"
	CodeRateLimited apperr.Code = "openai_rate_limited"
	CodeQuota       apperr.Code = "openai_quota"
	CodeNotFound    apperr.Code = "openai_not_found"
	CodeBadRequest  apperr.Code = "openai_bad_request"
	CodeServerError apperr.Code = "openai_server_error"
	CodeUnreachable apperr.Code = "openai_unreachable"
	CodeBadResponse apperr.Code = "openai_bad_response"
)

// APIError is an error answer from the API: the status and the spec's
// error object, with the key scrubbed from the message.
type APIError struct {
	Status    int
	Type      string
	Code      string
	Param     string
	Message   string
	RequestID string
}

// Error renders the status, type, code and message.
func (e *APIError) Error() string {
	s := fmt.Sprintf("HTTP %d", e.Status)
	if e.Type != "" {
		s += " " + e.Type
	}
	if e.Code != "" {
		s += " (" + e.Code + ")"
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	return s
}

// scrub removes key from s, leaving its redacted form.
func scrub(s, key string) string {
	if key == "" {
		return s
	}
	return strings.ReplaceAll(s, key, secret.Redact(key))
}

// scrubbedError carries a cause's text with the key removed.
type scrubbedError struct{ msg string }

func (e scrubbedError) Error() string { return e.msg }

// fromGoOpenAI turns go-openai's errors into *APIError (status answers) or
// leaves others (network, context) as they are.
func fromGoOpenAI(err error, key string) error {
	var ae *goopenai.APIError
	if errors.As(err, &ae) {
		code, _ := ae.Code.(string)
		if n, ok := ae.Code.(float64); ok {
			code = fmt.Sprint(n)
		}
		param := ""
		if ae.Param != nil {
			param = *ae.Param
		}
		return &APIError{Status: ae.HTTPStatusCode, Type: ae.Type, Code: code, Param: param, Message: scrub(ae.Message, key)}
	}
	var re *goopenai.RequestError
	if errors.As(err, &re) {
		return &APIError{Status: re.HTTPStatusCode, Message: scrub(http.StatusText(re.HTTPStatusCode), key)}
	}
	return err
}

// userError maps a failed call to an *apperr.Error with a message in both
// languages. base is the API base URL, shown when it does not answer.
// Context cancellation is returned unchanged (wrapped with op).
func userError(op, base, key string, rl RateLimit, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s: %w", op, scrubbedCause(err, key))
	}
	var ae *APIError
	if !errors.As(err, &ae) {
		e := apperr.Text(CodeUnreachable, op,
			fmt.Sprintf("The API at %s did not answer. Check the base URL, your network and any proxy.", base),
			fmt.Sprintf("%s 处的 API 没有响应。请检查基础地址、网络和代理设置。", base))
		e.Err = scrubbedCause(err, key)
		return e
	}
	e := apiUserError(op, ae, rl)
	e.Err = ae
	return e
}

// apiUserError picks the message for an API error answer.
func apiUserError(op string, ae *APIError, rl RateLimit) *apperr.Error {
	switch {
	case ae.Status == http.StatusUnauthorized:
		return apperr.Text(CodeKeyRejected, op,
			"The API key was rejected (401): it is mistyped, revoked, or belongs to another organization or project.",
			"API 密钥被拒绝（401）：密钥可能输错、已被撤销，或属于其他组织或项目。")
	case ae.Status == http.StatusForbidden:
		return apperr.Text(CodeForbidden, op,
			"The API refused this request (403): the key lacks permission for it, or your country or region is not supported.",
			"API 拒绝了此请求（403）：该密钥没有相应权限，或所在国家/地区不受支持。")
	case ae.Status == http.StatusTooManyRequests && ae.Code == "insufficient_quota":
		return apperr.Text(CodeQuota, op,
			"The OpenAI account is out of quota or credit (429 insufficient_quota). Check billing and usage limits.",
			"OpenAI 账户的额度或余额已用尽（429 insufficient_quota）。请检查账单和用量上限。")
	case ae.Status == http.StatusTooManyRequests:
		wait := rl.serverWait().Round(time.Second)
		return apperr.Text(CodeRateLimited, op,
			fmt.Sprintf("Rate limit reached (%s per minute). Try again in %s, or lower the client-side limit.", limitKind(ae.Type), wait),
			fmt.Sprintf("已达到速率上限（每分钟%s）。请在 %s 后重试，或调低客户端限速。", limitKindZh(ae.Type), wait))
	case ae.Status == http.StatusNotFound:
		return apperr.Text(CodeNotFound, op,
			"The API has no such model or endpoint (404). Check the model name and the base URL.",
			"API 中没有该模型或接口（404）。请检查模型名称和基础地址。")
	case ae.Status >= 500:
		return apperr.Text(CodeServerError, op,
			fmt.Sprintf("The OpenAI API had a server error (%d). Try again later.", ae.Status),
			fmt.Sprintf("OpenAI API 出现服务器错误（%d）。请稍后重试。", ae.Status))
	}
	return apperr.Text(CodeBadRequest, op,
		fmt.Sprintf("The API rejected the request (%d): %s", ae.Status, ae.Message),
		fmt.Sprintf("API 拒绝了该请求（%d）：%s", ae.Status, ae.Message))
}

func limitKind(t string) string {
	if t == "tokens" {
		return "tokens"
	}
	return "requests"
}

func limitKindZh(t string) string {
	if t == "tokens" {
		return "令牌数"
	}
	return "请求数"
}

// scrubbedCause keeps err's chain for errors.Is unless its text contains
// the key, in which case only the scrubbed text is kept.
func scrubbedCause(err error, key string) error {
	if key == "" || !strings.Contains(err.Error(), key) {
		return err
	}
	msg := scrub(err.Error(), key)
	for _, target := range []error{context.Canceled, context.DeadlineExceeded} {
		if errors.Is(err, target) {
			return fmt.Errorf("%s: %w", msg, target)
		}
	}
	return scrubbedError{msg}
}
