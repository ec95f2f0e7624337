package openai

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"steward/backend/apperr"
)

// Admin calls an Administration API endpoint (/organization/...) with the
// client's key, which must be an admin key, through the same transport as
// every call: retries on 429 and 5xx, the limiter, the observer. path is
// the API path without the base, query its parameters; a 2xx JSON answer
// is decoded into out (nil skips it). An error answer comes back as an
// *apperr.Error whose chain holds the *APIError, so callers can tell 403
// from 404 with errors.As.
func (c *Client) Admin(ctx context.Context, method, path string, query url.Values, out any) (CallInfo, error) {
	op := "openai.admin"
	ctx, st := withCall(ctx, 0)
	u := *c.base
	u.Path = strings.TrimRight(u.Path, "/") + path
	u.RawQuery = query.Encode()
	req, err := http.NewRequestWithContext(ctx, method, u.String(), nil)
	if err != nil {
		return CallInfo{}, fmt.Errorf("%s: %w", op, err)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.tr.Do(req)
	if err != nil {
		return st.last, c.fail(op, st, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return st.last, c.fail(op, st, err)
	}
	if resp.StatusCode >= 300 {
		return st.last, c.fail(op, st, c.apiError(resp.StatusCode, b, st.last.RequestID))
	}
	if out == nil {
		return st.last, nil
	}
	if err := json.Unmarshal(b, out); err != nil {
		e := apperr.Text(CodeBadResponse, op,
			fmt.Sprintf("The Administration API answered %s %s with something Steward cannot read.", method, path),
			fmt.Sprintf("管理 API 对 %s %s 的应答无法读取。", method, path))
		e.Err = err
		return st.last, e
	}
	return st.last, nil
}
