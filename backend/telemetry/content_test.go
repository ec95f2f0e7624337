package telemetry

import (
	"strings"
	"testing"

	"steward/backend/gateway"
	"steward/backend/secret"
	"steward/backend/usage"
)

func TestContentShapes(t *testing.T) {
	key := testKey(t)
	for _, tc := range []struct {
		name, op, req, resp string
		in, out             []string // substrings each side must hold
	}{
		{"responses", "/responses",
			`{"model":"gpt-4o","instructions":"be brief","input":[{"role":"user","content":[{"type":"input_text","text":"hi ` + key + `"}]}]}`,
			`{"id":"resp_1","status":"completed","output":[{"type":"reasoning"},{"type":"message","role":"assistant","content":[{"type":"output_text","text":"hello"}]}]}`,
			[]string{`"role":"system"`, `"content":"be brief"`, `"content":"hi ` + secret.Redact(key) + `"`},
			[]string{`"content":"hello"`, `"finish_reason":"stop"`}},
		{"responses stream", "/responses", `{"model":"gpt-4o","input":"hi"}`,
			"event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"delta\":\"hel\"}\n\n" +
				"event: response.completed\ndata: {\"type\":\"response.completed\",\"response\":{\"status\":\"completed\",\"output\":[{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"hello\"}]}]}}\n\n",
			[]string{`[{"role":"user","parts":[{"type":"text","content":"hi"}]}]`},
			[]string{`"content":"hello"`}},
		{"completions", "/completions", `{"model":"gpt-3.5-turbo-instruct","prompt":["a","b"]}`,
			`{"choices":[{"index":0,"text":"c","finish_reason":"length"}]}`,
			[]string{`"content":"a"`, `"content":"b"`},
			[]string{`"content":"c"`, `"finish_reason":"length"`}},
		{"cut body kept whole and redacted", "/chat/completions",
			`{"model":"gpt-4o","messages":[{"role":"user","content":"x ` + key[:30] + cutMark,
			"data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"},\"finish_reason\":\"stop\"}]}\ndata: [DONE]\n",
			[]string{`"role":"user"`, `\"messages\"`},
			[]string{`"content":"ab"`, `"finish_reason":"stop"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := gateway.Call{Operation: tc.op, Event: usage.Event{RequestBody: tc.req, ResponseBody: tc.resp}}
			got := map[string]string{}
			for _, kv := range contentAttrs(&c) {
				got[string(kv.Key)] = kv.Value.AsString()
			}
			for side, want := range map[string][]string{"gen_ai.input.messages": tc.in, "gen_ai.output.messages": tc.out} {
				for _, w := range want {
					if !strings.Contains(got[side], w) {
						t.Errorf("%s = %s; want it to hold %s", side, got[side], w)
					}
				}
			}
			if strings.Contains(got["gen_ai.input.messages"], key[:30]) {
				t.Errorf("a key went out: %s", got["gen_ai.input.messages"])
			}
		})
	}
}

func TestProviderNames(t *testing.T) {
	for _, tc := range []struct {
		c    gateway.Call
		want string
	}{
		{gateway.Call{Primary: true, Event: usage.Event{Provider: "primary"}}, "openai"},
		{gateway.Call{Primary: true, Azure: true, Event: usage.Event{Provider: "primary"}}, "azure.ai.openai"},
		{gateway.Call{Event: usage.Event{Provider: "deepseek"}}, "deepseek"},
	} {
		if got := providerName(&tc.c); got != tc.want {
			t.Errorf("providerName(%+v) = %q; want %q", tc.c, got, tc.want)
		}
	}
}
