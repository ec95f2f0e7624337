package gateway

import (
	"encoding/json"
)

// withIncludeUsage returns a streamed completion request's body with
// stream_options.include_usage set to true, changing nothing else: the
// member is added after the opening brace, or the existing stream_options
// value is replaced. A body it cannot edit is returned as it was.
func withIncludeUsage(body []byte, in reqInfo) []byte {
	if !in.parsed {
		return body
	}
	if in.streamOpts == nil {
		i := skipSpace(body, 0)
		if i >= len(body) || body[i] != '{' {
			return body
		}
		out := make([]byte, 0, len(body)+40)
		out = append(out, body[:i+1]...)
		out = append(out, `"stream_options":{"include_usage":true}`...)
		if j := skipSpace(body, i+1); j < len(body) && body[j] != '}' {
			out = append(out, ',')
		}
		return append(out, body[i+1:]...)
	}
	opts := map[string]json.RawMessage{}
	if string(in.streamOpts) != "null" {
		if err := json.Unmarshal(in.streamOpts, &opts); err != nil || opts == nil {
			return body
		}
	}
	opts["include_usage"] = json.RawMessage("true")
	val, err := json.Marshal(opts)
	if err != nil {
		return body
	}
	end := in.streamOptsAt + len(in.streamOpts)
	out := make([]byte, 0, len(body)+len(val))
	out = append(out, body[:in.streamOptsAt]...)
	out = append(out, val...)
	return append(out, body[end:]...)
}
