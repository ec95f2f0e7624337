package gateway

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"steward/backend/usage"
)

func TestScanObject(t *testing.T) {
	tests := []struct {
		name, in string
		want     map[string]string
		err      error
	}{
		{"OK", `{"a":1, "b" : "x\"}", "c":{"d":[1,{"e":"}"}]}, "f":null}`,
			map[string]string{"a": "1", "b": `"x\"}"`, "c": `{"d":[1,{"e":"}"}]}`, "f": "null"}, nil},
		{"Truncated", `{"model":"gpt-4o","messages":[{"role":"us`, map[string]string{"model": `"gpt-4o"`}, errTruncated},
		{"NotAnObject", `[1,2]`, map[string]string{}, errNotObject},
		{"Empty", `  {}  `, map[string]string{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]string{}
			err := scanObject([]byte(tt.in), func(k, v []byte, at int) bool {
				if tt.in[at:at+len(v)] != string(v) {
					t.Fatalf("offset %d does not point at %s", at, v)
				}
				got[string(k)] = string(v)
				return true
			})
			if err != tt.err || len(got) != len(tt.want) {
				t.Fatalf("got %v, %v; want %v, %v", got, err, tt.want, tt.err)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Fatalf("%s = %s; want %s", k, got[k], v)
				}
			}
		})
	}
}

func TestTallyReadsEveryUsageShape(t *testing.T) {
	tests := []struct {
		name, body              string
		in, cached, out, reason int64
		model, errType          string
	}{
		{"ChatCompletion", `{"model":"gpt-4o-2024-08-06","usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15,
			"prompt_tokens_details":{"cached_tokens":4},"completion_tokens_details":{"reasoning_tokens":2}}}`, 10, 4, 5, 2, "gpt-4o-2024-08-06", ""},
		{"Response", `{"object":"response","model":"o3","usage":{"input_tokens":7,"input_tokens_details":{"cached_tokens":1},
			"output_tokens":9,"output_tokens_details":{"reasoning_tokens":6},"total_tokens":16}}`, 7, 1, 9, 6, "o3", ""},
		{"Embeddings", `{"object":"list","data":[],"model":"text-embedding-3-small","usage":{"prompt_tokens":8,"total_tokens":8}}`, 8, 0, 0, 0, "text-embedding-3-small", ""},
		{"Error", `{"error":{"message":"Rate limit","type":"requests","param":null,"code":"rate_limit_exceeded"}}`, -9, 0, 0, 0, "", "rate_limit_exceeded"},
		{"DurationUsageIgnored", `{"text":"hi","usage":{"type":"duration","seconds":3}}`, -9, 0, 0, 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tl tally
			tl.readObject([]byte(tt.body))
			if tt.in == -9 {
				if tl.hasUsage || tl.errType != tt.errType {
					t.Fatalf("tally = %+v", tl)
				}
				return
			}
			if !tl.hasUsage || tl.input != tt.in || tl.cached != tt.cached || tl.output != tt.out || tl.reasoning != tt.reason || tl.model != tt.model {
				t.Fatalf("tally = %+v", tl)
			}
		})
	}
}

func TestTallyApplyUnknownWhenNothingReported(t *testing.T) {
	var tl tally
	var e usage.Event
	tl.apply(&e, true)
	if e.InputTokens != usage.Unknown || e.OutputTokens != usage.Unknown {
		t.Fatalf("event = %+v", e)
	}
	e = usage.Event{}
	tl.apply(&e, false)
	if e.InputTokens != 0 {
		t.Fatalf("event = %+v", e)
	}
}

func TestBodySnifferReadsTheTailOfLargeAnswers(t *testing.T) {
	big := `{"object":"list","data":["` + strings.Repeat("x", sniffHead*2) + `"],"model":"text-embedding-3-large","usage":{"prompt_tokens":42,"total_tokens":42}}`
	for _, chunk := range []int{1 << 10, 7000, 32 << 10, len(big)} {
		buf := make([]byte, 0, 16)
		s := &bodySniffer{buf: &buf}
		for i := 0; i < len(big); i += chunk {
			_, _ = s.Write([]byte(big[i:min(i+chunk, len(big))]))
		}
		var tl tally
		s.read(&tl)
		if !tl.hasUsage || tl.input != 42 || tl.model != "text-embedding-3-large" || len(*s.buf) > sniffHead+chunk {
			t.Fatalf("chunk %d: tally %+v, kept %d bytes", chunk, tl, len(*s.buf))
		}
	}
}

const chatStream = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini-2024\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\\\"usage\\\": {\"}}],\"usage\":null}\n\n" +
	"data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini-2024\",\"choices\":[],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":22,\"total_tokens\":33,\"prompt_tokens_details\":{\"cached_tokens\":3}}}\r\n\r\n" +
	"data: [DONE]\n\n"

const responsesStream = "event: response.created\ndata: {\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"r\",\"model\":\"gpt-4.1\",\"usage\":null,\"error\":null}}\n\n" +
	"event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"delta\":\"Hi\"}\n\n" +
	"event: response.completed\ndata: {\"type\":\"response.completed\",\"sequence_number\":2,\"response\":{\"id\":\"r\",\"model\":\"gpt-4.1\",\"error\":null,\"usage\":{\"input_tokens\":5,\"output_tokens\":6,\"output_tokens_details\":{\"reasoning_tokens\":1},\"total_tokens\":11}}}\n\n"

func TestSSEReader(t *testing.T) {
	tests := []struct {
		name, stream            string
		in, cached, out, reason int64
		model, errType          string
	}{
		{"ChatUsageChunk", chatStream, 11, 3, 22, 0, "gpt-4o-mini-2024", ""},
		{"ResponsesCompleted", responsesStream, 5, 0, 6, 1, "gpt-4.1", ""},
		{"ChatErrorEvent", "data: {\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\",\"param\":null,\"code\":null}}\n\n", -1, 0, 0, 0, "", "server_error"},
		{"ResponsesErrorEvent", "event: error\ndata: {\"type\":\"error\",\"code\":\"rate_limit_exceeded\",\"message\":\"slow down\",\"param\":null,\"sequence_number\":1}\n\n", -1, 0, 0, 0, "", "rate_limit_exceeded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, step := range []int{1, 3, 17, len(tt.stream)} {
				var s sseReader
				for i := 0; i < len(tt.stream); i += step {
					_, _ = s.Write([]byte(tt.stream[i:min(i+step, len(tt.stream))]))
				}
				tl := s.t
				if tt.in < 0 {
					if tl.hasUsage || tl.errType != tt.errType {
						t.Fatalf("step %d: tally %+v", step, tl)
					}
					continue
				}
				if !tl.hasUsage || tl.input != tt.in || tl.cached != tt.cached || tl.output != tt.out ||
					tl.reasoning != tt.reason || tl.model != tt.model || tl.errType != tt.errType {
					t.Fatalf("step %d: tally %+v", step, tl)
				}
			}
		})
	}
}

func TestSSEReaderSkipsOverlongLines(t *testing.T) {
	var s sseReader
	long := []byte("data: {\"x\":\"" + strings.Repeat("a", 2*maxEventLine) + "\"}\n\n" + chatStream)
	for i := 0; i < len(long); i += 64 << 10 {
		_, _ = s.Write(long[i:min(i+64<<10, len(long))])
	}
	if !s.t.hasUsage || s.t.input != 11 || cap(s.partial) > 1<<20 {
		t.Fatalf("tally %+v, partial cap %d", s.t, cap(s.partial))
	}
}

// FuzzSSEReader feeds arbitrary streams in arbitrary pieces: the reader must
// not panic, and must find the same usage however the stream is split.
func FuzzSSEReader(f *testing.F) {
	f.Add([]byte(chatStream), 5)
	f.Add([]byte(responsesStream), 13)
	f.Add([]byte("data: {\"usage\":{\"prompt_tokens\":1e99}}\n"), 1)
	f.Add([]byte("data: {\"response\":{\"usage\":{\"input_tokens\":\"x\"}}}\n"), 2)
	f.Fuzz(func(t *testing.T, stream []byte, step int) {
		if step <= 0 {
			step = 1
		}
		var whole, pieces sseReader
		_, _ = whole.Write(stream)
		for i := 0; i < len(stream); i += step {
			_, _ = pieces.Write(stream[i:min(i+step, len(stream))])
		}
		if whole.t != pieces.t || whole.finished != pieces.finished {
			t.Fatalf("whole %+v; in pieces of %d %+v", whole.t, step, pieces.t)
		}
	})
}

// FuzzScanObject checks the scanner never panics and agrees with
// encoding/json on the top-level keys of valid objects.
func FuzzScanObject(f *testing.F) {
	f.Add([]byte(`{"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true}}`))
	f.Add([]byte(`{"a":"\\\"","b":[{"c":"]"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var got []string
		err := scanObject(b, func(k, v []byte, at int) bool {
			if !bytes.Equal(b[at:at+len(v)], v) {
				t.Fatalf("offset %d does not point at the value", at)
			}
			got = append(got, string(k))
			return true
		})
		var m map[string]json.RawMessage
		if json.Unmarshal(b, &m) != nil || m == nil {
			return
		}
		if err != nil {
			t.Fatalf("valid object %q: %v", b, err)
		}
		for _, k := range got {
			if _, ok := m[k]; !ok && !strings.Contains(k, `\`) && utf8.ValidString(k) {
				t.Fatalf("key %q not in %q", k, b)
			}
		}
	})
}

func TestWithIncludeUsage(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Added", `{"model":"m","stream":true}`, `{"stream_options":{"include_usage":true},"model":"m","stream":true}`},
		{"Null", `{"model":"m","stream":true,"stream_options":null}`, `{"model":"m","stream":true,"stream_options":{"include_usage":true}}`},
		{"KeepsOtherOptions", `{"stream":true,"stream_options":{"include_obfuscation":false}}`, `{"stream":true,"stream_options":{"include_obfuscation":false,"include_usage":true}}`},
		{"FalseTurnedOn", `{"stream":true,"stream_options":{"include_usage":false}}`, `{"stream":true,"stream_options":{"include_usage":true}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := withIncludeUsage([]byte(tt.in), parseRequest([]byte(tt.in), true))
			if string(got) != tt.want {
				t.Fatalf("got  %s\nwant %s", got, tt.want)
			}
			if in := parseRequest(got, true); !in.includeUsage {
				t.Fatal("include_usage not read back")
			}
		})
	}
}

func TestEditTextsChangesOnlyTheTexts(t *testing.T) {
	upper := strings.ToUpper
	tests := []struct{ name, op, in, want string }{
		{"ChatString", opChat, `{"model":"m", "messages":[{"role":"user","content":"hi"}], "n":1}`,
			`{"model":"m", "messages":[{"content":"HI","role":"user"}], "n":1}`},
		{"ChatParts", opChat, `{"messages":[{"role":"user","content":[{"type":"text","text":"a"},{"type":"image_url","image_url":{"url":"x"}}]}]}`,
			`{"messages":[{"content":[{"text":"A","type":"text"},{"type":"image_url","image_url":{"url":"x"}}],"role":"user"}]}`},
		{"ResponsesString", opResponses, `{"instructions":"be","input":"hi"}`, `{"instructions":"BE","input":"HI"}`},
		{"ResponsesItems", opResponses, `{"input":[{"role":"user","content":[{"type":"input_text","text":"q"}]}]}`,
			`{"input":[{"content":[{"text":"Q","type":"input_text"}],"role":"user"}]}`},
		{"Unchanged", opChat, `{"messages":[{"role":"user","content":"123"}]}`, `{"messages":[{"role":"user","content":"123"}]}`},
		{"OtherOperation", "/embeddings", `{"input":"hi"}`, `{"input":"hi"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := editTexts([]byte(tt.in), tt.op, upper)
			if err != nil || string(got) != tt.want {
				t.Fatalf("got %s, %v\nwant %s", got, err, tt.want)
			}
		})
	}
	if _, err := editTexts([]byte(`{"messages":"nope"}`), opChat, upper); err == nil {
		t.Fatal("messages that are not a list were accepted")
	}
}

func TestRoute(t *testing.T) {
	tests := []struct{ path, op, dep string }{
		{"/v1/chat/completions", "/chat/completions", ""},
		{"/openai/deployments/gpt-4o/chat/completions", "/chat/completions", "gpt-4o"},
		{"/openai/v1/responses", "/responses", ""},
		{"/openai/files", "/files", ""},
	}
	for _, tt := range tests {
		if op, dep, ok := route(tt.path); !ok || op != tt.op || dep != tt.dep {
			t.Errorf("route(%q) = %q %q %v", tt.path, op, dep, ok)
		}
	}
	if _, _, ok := route("/chat/completions"); ok {
		t.Error("a path outside /v1 was routed")
	}
}

func TestScrubSecrets(t *testing.T) {
	key := "sk-proj-" + strings.Repeat("a1", 30)
	tok := TokenPrefix + strings.Repeat("Z9", 20)
	got := scrubSecrets("key " + key + " and token " + tok + ".")
	if strings.Contains(got, key) || strings.Contains(got, tok) || !strings.Contains(got, "sk-proj-…") || !strings.Contains(got, "stw_Z9Z9****") {
		t.Fatalf("scrubbed = %q", got)
	}
}
