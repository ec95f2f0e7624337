package openai

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"

	"steward/backend/apperr"
)

// DefaultModerationModel is the model used when a request names none.
const DefaultModerationModel = "omni-moderation-latest"

// ModerationInput is one part of a multi-modal moderation input: text, or
// an image given by URL or data URL.
type ModerationInput struct {
	Type     string    `json:"type"` // "text" or "image_url"
	Text     string    `json:"text,omitempty"`
	ImageURL *ImageURL `json:"image_url,omitempty"`
}

// ImageURL is an image's URL or base64 data URL.
type ImageURL struct {
	URL string `json:"url"`
}

// TextInput is a text part.
func TextInput(text string) ModerationInput { return ModerationInput{Type: "text", Text: text} }

// ImageInput is an image part.
func ImageInput(url string) ModerationInput {
	return ModerationInput{Type: "image_url", ImageURL: &ImageURL{URL: url}}
}

// ModerationRequest asks for a classification. Input's parts are judged
// together and give one result; Texts, used when Input is empty, are
// judged separately and give one result each, in order.
type ModerationRequest struct {
	Model string            `json:"model,omitempty"`
	Input []ModerationInput `json:"-"`
	Texts []string          `json:"-"`
}

// MarshalJSON writes the spec's CreateModerationRequest.
func (r ModerationRequest) MarshalJSON() ([]byte, error) {
	var input any = r.Input
	if len(r.Input) == 0 {
		input = r.Texts
	}
	model := r.Model
	if model == "" {
		model = DefaultModerationModel
	}
	return json.Marshal(map[string]any{"model": model, "input": input})
}

// ModerationResponse is the spec's CreateModerationResponse.
type ModerationResponse struct {
	ID      string             `json:"id"`
	Model   string             `json:"model"`
	Results []ModerationResult `json:"results"`
}

// Moderate classifies req's input. Older models answer without the illicit
// categories and applied input types; those come back nil.
func (c *Client) Moderate(ctx context.Context, req ModerationRequest) (ModerationResponse, CallInfo, error) {
	const op = "openai.moderate"
	if len(req.Input) == 0 && len(req.Texts) == 0 {
		return ModerationResponse{}, CallInfo{}, apperr.Text(apperr.Invalid, op,
			"There is nothing to moderate: add text or an image.", "没有可审核的内容：请添加文本或图片。")
	}
	body, err := json.Marshal(req)
	if err != nil {
		return ModerationResponse{}, CallInfo{}, fmt.Errorf("%s: encode request: %w", op, err)
	}
	ctx, st := withCall(ctx, 0)
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url("/moderations"), bytes.NewReader(body))
	if err != nil {
		return ModerationResponse{}, CallInfo{}, fmt.Errorf("%s: %w", op, err)
	}
	hreq.Header.Set("Content-Type", "application/json")
	hreq.Header.Set("Accept", "application/json")
	resp, err := c.tr.Do(hreq)
	if err != nil {
		return ModerationResponse{}, st.last, c.fail(op, st, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return ModerationResponse{}, st.last, c.fail(op, st, err)
	}
	if resp.StatusCode >= 300 {
		return ModerationResponse{}, st.last, c.fail(op, st, c.apiError(resp.StatusCode, b, st.last.RequestID))
	}
	var out ModerationResponse
	if err := json.Unmarshal(b, &out); err != nil {
		e := apperr.Text(CodeBadResponse, op,
			"The moderation endpoint answered with something that is not a moderation result.",
			"审核接口返回的内容不是审核结果。")
		e.Err = err
		return ModerationResponse{}, st.last, e
	}
	return out, st.last, nil
}

// apiError reads an ErrorResponse body into *APIError.
func (c *Client) apiError(status int, body []byte, requestID string) *APIError {
	var v struct {
		Error struct {
			Message string  `json:"message"`
			Type    string  `json:"type"`
			Param   *string `json:"param"`
			Code    any     `json:"code"`
		} `json:"error"`
	}
	ae := &APIError{Status: status, RequestID: requestID}
	if json.Unmarshal(body, &v) != nil {
		ae.Message = http.StatusText(status)
		return ae
	}
	ae.Type, ae.Message = v.Error.Type, scrub(v.Error.Message, c.cfg.APIKey)
	if v.Error.Param != nil {
		ae.Param = *v.Error.Param
	}
	if s, ok := v.Error.Code.(string); ok {
		ae.Code = s
	}
	return ae
}

// url joins an API path to the base URL; for Azure it adds the /openai
// prefix and the api-version.
func (c *Client) url(path string) string {
	u := *c.base
	if c.cfg.Azure() {
		u.Path = strings.TrimRight(u.Path, "/") + "/openai" + path
		q := u.Query()
		q.Set("api-version", c.cfg.APIVersion)
		u.RawQuery = q.Encode()
		return u.String()
	}
	u.Path = strings.TrimRight(u.Path, "/") + path
	return u.String()
}
