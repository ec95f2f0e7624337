package gateway

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// route maps a request path to the API operation it names ("/chat/completions")
// and, for Azure deployment paths, the deployment. OpenAI paths are
// /v1/{op}; Azure's are /openai/deployments/{name}/{op}, /openai/v1/{op} and
// /openai/{op}.
func route(path string) (op, deployment string, ok bool) {
	if rest, ok := strings.CutPrefix(path, "/v1/"); ok {
		return "/" + rest, "", true
	}
	rest, ok := strings.CutPrefix(path, "/openai/")
	if !ok {
		return "", "", false
	}
	if dep, ok := strings.CutPrefix(rest, "deployments/"); ok {
		name, op, found := strings.Cut(dep, "/")
		if found && name != "" {
			return "/" + op, name, true
		}
		return "/" + rest, "", true
	}
	if r, ok := strings.CutPrefix(rest, "v1/"); ok {
		return "/" + r, "", true
	}
	return "/" + rest, "", true
}

// Operations whose text inputs policies screen, and which may set
// stream_options.
const (
	opChat        = "/chat/completions"
	opCompletions = "/completions"
	opResponses   = "/responses"
)

// billable reports whether calls to op consume tokens, so that a call that
// reports no usage is recorded as Unknown rather than zero.
func billable(op string) bool {
	switch op {
	case opChat, opCompletions, opResponses, "/embeddings", "/audio/speech", "/audio/transcriptions",
		"/audio/translations", "/images/generations", "/images/edits", "/images/variations":
		return true
	}
	return false
}

// reqInfo is what the gateway reads from a request body.
type reqInfo struct {
	model        string
	stream       bool
	includeUsage bool
	streamOpts   []byte // raw stream_options value, nil when absent
	streamOptsAt int    // its offset in the body
	parsed       bool   // the body is a JSON object whose top level was read
}

// parseRequest reads model, stream and stream_options from a JSON body, or
// from as much of it as was read ahead.
func parseRequest(b []byte, whole bool) reqInfo {
	var in reqInfo
	err := scanObject(b, func(k, v []byte, at int) bool {
		switch keyName(k) {
		case "model":
			in.model, _ = jsonString(v)
		case "stream":
			in.stream = string(v) == "true"
		case "stream_options":
			in.streamOpts, in.streamOptsAt = v, at
			in.includeUsage = string(member(v, "include_usage")) == "true"
		}
		return true
	})
	in.parsed = err == nil || (!whole && errors.Is(err, errTruncated))
	return in
}

// keyName is a member's key as the upstream's JSON decoder reads it: a key
// written with escapes ("mod\u0065l") is the key it spells.
func keyName(k []byte) string {
	if bytes.IndexByte(k, '\\') < 0 {
		return string(k)
	}
	s, ok := jsonString(append(append([]byte{'"'}, k...), '"'))
	if !ok {
		return string(k)
	}
	return s
}

// formField finds a small text field of a multipart/form-data body (the
// model of an audio or image upload) in the part read ahead.
func formField(head []byte, contentType, name string) string {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil || params["boundary"] == "" {
		return ""
	}
	i := bytes.Index(head, []byte(`name="`+name+`"`))
	if i < 0 {
		return ""
	}
	rest := head[i:]
	j := bytes.Index(rest, []byte("\r\n\r\n"))
	if j < 0 {
		return ""
	}
	rest = rest[j+4:]
	k := bytes.Index(rest, []byte("\r\n--"+params["boundary"]))
	if k < 0 || k > 256 {
		return ""
	}
	return strings.TrimSpace(string(rest[:k]))
}

// isJSON reports whether a content type is JSON.
func isJSON(ct string) bool {
	return strings.HasPrefix(ct, "application/json") || strings.Contains(ct, "+json")
}

var errBodyTooLarge = errors.New("request body too large")

// readAhead reads up to limit bytes of body. whole is true when that was
// all of it; otherwise the caller forwards head followed by the rest.
func readAhead(body io.Reader, contentLength, limit int64) (head []byte, whole bool, err error) {
	if contentLength >= 0 && contentLength <= limit {
		head = make([]byte, contentLength)
		_, err = io.ReadFull(body, head)
		return head, err == nil, err
	}
	head, err = io.ReadAll(io.LimitReader(body, limit+1))
	if err != nil {
		return head, false, err
	}
	return head, int64(len(head)) <= limit, nil
}

// cappedBody is the unread rest of a request body on its way upstream,
// refused once more than max bytes have passed in all.
// Closing it leaves the client's body open, so that the gateway can still
// read the rest off the connection before it answers 413.
type cappedBody struct {
	r      io.Reader
	left   int64
	tooBig atomic.Bool
}

func (c *cappedBody) Read(p []byte) (int, error) {
	if c.tooBig.Load() {
		return 0, errBodyTooLarge
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		c.tooBig.Store(true)
		return 0, errBodyTooLarge
	}
	return n, err
}

// Close does nothing: the server closes the client's body after the call.
func (c *cappedBody) Close() error { return nil }

// Bounds on reading the rest of a body over the limit before answering
// 413: a client that sends its whole body before it reads the answer
// (most HTTP/1.1 clients) would otherwise see its connection reset instead
// of the answer. A body further over the limit, or slower, is cut off.
const (
	drainMax     = 1 << 30
	drainTimeout = 30 * time.Second
)

// drainBody reads and discards the rest of the client's body, within the
// bounds above, and marks the connection to close after the answer.
func drainBody(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Connection", "close")
	if r.Body == nil {
		return
	}
	_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(drainTimeout))
	_, _ = io.Copy(io.Discard, io.LimitReader(r.Body, drainMax))
}

// tooLarge is the 413 for a body over the gateway's limit.
func tooLarge(limit int64, why string) apiError {
	return invalidRequest(http.StatusRequestEntityTooLarge, ReasonBodyTooLarge, "",
		"The request body is larger than the Steward gateway accepts"+why+" ("+formatBytes(limit)+").")
}

// formatBytes writes a size for people: "512 MiB".
func formatBytes(n int64) string {
	units := []string{"bytes", "KiB", "MiB", "GiB"}
	i := 0
	for n >= 1024 && n%1024 == 0 && i < len(units)-1 {
		n /= 1024
		i++
	}
	return strconv.FormatInt(n, 10) + " " + units[i]
}
