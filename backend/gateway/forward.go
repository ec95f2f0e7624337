package gateway

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
)

var errUpstreamTimeout = errors.New("upstream timed out")

// readBody reads the body ahead as far as the call needs: whole when a
// policy screens its text or include_usage may be added, else a window big
// enough to read the model and stream flag of ordinary requests (and of
// large uploads). The rest streams upstream as it arrives.
func (c *call) readBody() *apiError {
	r, cfg := c.r, c.g.cfg
	if r.Body == nil || r.Body == http.NoBody || r.ContentLength == 0 {
		c.whole = true
		return nil
	}
	if r.ContentLength > cfg.MaxBodyBytes {
		if r.ContentLength-cfg.MaxBodyBytes <= drainMax {
			drainBody(c.w, r)
		}
		e := tooLarge(cfg.MaxBodyBytes, "")
		return &e
	}
	limit := int64(sniffHead)
	if c.screened() || c.wantsWholeBody() || (cfg.AddIncludeUsage && (c.op == opChat || c.op == opCompletions)) {
		limit = cfg.PolicyBodyBytes
	}
	head, whole, err := readAhead(r.Body, r.ContentLength, min(limit, cfg.MaxBodyBytes))
	if err != nil {
		e := invalidRequest(http.StatusBadRequest, ReasonClientClosed, "", "The request body could not be read: "+err.Error())
		return &e
	}
	if int64(len(head)) > cfg.MaxBodyBytes {
		e := tooLarge(cfg.MaxBodyBytes, "")
		return &e
	}
	c.body, c.whole = head, whole
	if !whole {
		c.rest = &cappedBody{r: r.Body, left: cfg.MaxBodyBytes - int64(len(head))}
	}
	// Every body but a multipart upload is read as JSON whatever its
	// Content-Type says: the upstream reads it as JSON, so policies must too.
	if ct := r.Header.Get("Content-Type"); strings.HasPrefix(strings.ToLower(ct), "multipart/form-data") {
		c.info.model = formField(head, ct, "model")
	} else {
		c.info = parseRequest(head, whole)
	}
	if c.info.model != "" {
		c.ev.Model = c.info.model
	}
	c.ev.Stream = c.info.stream
	return nil
}

// target is the upstream URL for the call: /v1/{op} goes to the upstream
// base plus op; Azure's /openai/... paths go to the same path on the
// upstream's host. The query passes unchanged.
func (c *call) target() *url.URL {
	if !c.up.Primary {
		return c.fallbackTarget(c.up)
	}
	u := *c.up.base
	if strings.HasPrefix(c.r.URL.Path, "/v1/") {
		u.Path = strings.TrimRight(u.Path, "/") + c.op
		if c.r.URL.RawPath != "" {
			u.RawPath = strings.TrimRight(u.EscapedPath(), "/") + strings.TrimPrefix(c.r.URL.RawPath, "/v1")
		}
	} else {
		u.Path, u.RawPath = c.r.URL.Path, c.r.URL.RawPath
	}
	u.RawQuery = c.r.URL.RawQuery
	return &u
}

// hopHeaders are connection-level headers never forwarded; Accept-Encoding
// and Expect are dropped too, so answers come uncompressed (the gateway
// reads their usage) and the gateway's own transport handles 100-continue.
var hopHeaders = []string{
	"Connection", "Proxy-Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization",
	"Te", "Trailer", "Transfer-Encoding", "Upgrade",
}

// copyHeader copies src into dst without hop-by-hop headers.
func copyHeader(dst, src http.Header) {
	for k, v := range src {
		dst[k] = v
	}
	for _, f := range src.Values("Connection") {
		for _, k := range strings.Split(f, ",") {
			dst.Del(strings.TrimSpace(k))
		}
	}
	for _, k := range hopHeaders {
		delete(dst, k)
	}
}

// authorize puts the upstream key into h for a member-token call; a call
// with the caller's own key keeps its headers as they were.
func (c *call) authorize(h http.Header) {
	if c.own {
		for _, k := range []string{hdrAuthorization, hdrAPIKey} {
			if v := c.r.Header.Values(k); len(v) > 0 && !strings.Contains(strings.Join(v, ","), TokenPrefix) {
				h[k] = v // as sent; a member token beside the key never leaves
			} else {
				delete(h, k)
			}
		}
		return
	}
	delete(h, hdrAuthorization)
	delete(h, hdrAPIKey)
	mode := c.g.cfg.UpstreamAuth
	if mode == AuthAuto && (c.up.azure || (c.up.Primary && (c.clientAuth == hdrAPIKey || c.deployment != ""))) {
		mode = AuthAPIKey
	}
	if mode == AuthAPIKey {
		h[hdrAPIKey] = []string{c.key}
		return
	}
	h[hdrAuthorization] = []string{"Bearer " + c.key}
}

// upstreamRequest builds the request sent to the provider c.up.
func (c *call) upstreamRequest(ctx context.Context) *http.Request {
	u := c.target()
	h := make(http.Header, len(c.r.Header)+1)
	copyHeader(h, c.r.Header)
	delete(h, "Accept-Encoding")
	delete(h, HeaderEndUser) // only its hash leaves, as safety_identifier
	delete(h, "Expect")
	if _, ok := h["User-Agent"]; !ok {
		h["User-Agent"] = []string{""} // not Go's default
	}
	c.authorize(h)
	out := &http.Request{Method: c.r.Method, URL: u, Host: u.Host, Header: h}
	switch {
	case c.rest != nil:
		c.rest.r = io.MultiReader(bytes.NewReader(c.body), c.rest.r)
		c.rest.left += int64(len(c.body))
		out.Body, out.ContentLength = c.rest, c.r.ContentLength
	case len(c.body) > 0:
		body := c.bodyFor(c.up)
		out.Body, out.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))
		out.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	default:
		out.Body = http.NoBody
	}
	return out.WithContext(ctx)
}

// failed answers a call no provider answered; err is the last one's error.
func (c *call) failed(ctx context.Context, err error) {
	var e apiError
	switch {
	case c.r.Context().Err() != nil:
		c.ev.ErrorType, c.msg = ReasonClientClosed, "the client went away before the upstream answered"
		return
	case c.rest != nil && c.rest.tooBig.Load():
		drainBody(c.w, c.r)
		e = tooLarge(c.g.cfg.MaxBodyBytes, "")
	case errors.Is(context.Cause(ctx), errUpstreamTimeout):
		e = serverError(http.StatusGatewayTimeout, ReasonUpstreamTimeout, "The upstream API at "+c.up.base.Redacted()+
			" did not answer within "+c.g.cfg.FirstByteTimeout.String()+".")
	default:
		e = serverError(http.StatusBadGateway, ReasonUpstreamUnreachable, "Steward's gateway could not reach the upstream API at "+
			c.up.base.Redacted()+": "+unwrapURLError(err).Error())
	}
	c.ev.Status, c.ev.ErrorType, c.msg = e.Status, e.errorType(), e.Message
	e.write(c.w)
}

// unwrapURLError drops the method and URL net/http puts around an error.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
