package telemetry

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	tracepb "go.opentelemetry.io/proto/otlp/trace/v1"

	"steward/backend/gateway"
	"steward/backend/secret"
	"steward/backend/usage"
)

// newExporter builds an Exporter sending to endpoint.
func newExporter(t testing.TB, endpoint string, content bool) *Exporter {
	t.Helper()
	exp, err := New(bg, Options{Endpoint: endpoint, Content: content, Version: "1.2.3-test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(bg, time.Second)
		defer cancel()
		_ = exp.Shutdown(ctx)
	})
	return exp
}

// stop shuts the gateway (so every call has been observed), then the
// exporter, which flushes to the collector.
func stop(t testing.TB, e *env, exp *Exporter) {
	t.Helper()
	ctx, cancel := context.WithTimeout(bg, 10*time.Second)
	defer cancel()
	if err := e.gw.Shutdown(ctx); err != nil {
		t.Fatalf("gateway shutdown: %v", err)
	}
	if err := exp.Shutdown(ctx); err != nil {
		t.Fatalf("telemetry shutdown: %v", err)
	}
}

func TestCallsBecomeGenAISpansAndMetrics(t *testing.T) {
	col := newCollector(t)
	exp := newExporter(t, col.URL, false)
	e := newEnv(t, exp, false)
	for _, stream := range []bool{false, true} {
		if code, body := e.chat(t, "hello there", stream); code != http.StatusOK {
			t.Fatalf("stream=%v: status %d: %s", stream, code, body)
		}
	}
	events := e.waitEvents(t, 2)
	stop(t, e, exp)

	spans := col.spans()
	if len(spans) != 2 {
		t.Fatalf("got %d spans; want 2", len(spans))
	}
	if got := col.resourceAttrs(); got["service.name"] != ServiceName || got["service.version"] != "1.2.3-test" {
		t.Errorf("resource = %v", got)
	}
	var inTotal, outTotal int64
	for i, sp := range spans {
		ev := events[i]
		a := attrMap(sp.Attributes)
		if sp.Name != "chat gpt-4o-mini" || sp.Kind != tracepb.Span_SPAN_KIND_CLIENT {
			t.Errorf("span %d: name %q kind %v", i, sp.Name, sp.Kind)
		}
		want := map[string]any{
			"gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai",
			"gen_ai.request.model": "gpt-4o-mini", "gen_ai.response.model": "gpt-4o-mini",
			"gen_ai.usage.input_tokens": ev.InputTokens, "gen_ai.usage.output_tokens": ev.OutputTokens,
			"http.response.status_code": int64(200), "steward.member": "Ada",
			"steward.key.fingerprint": secret.Fingerprint(e.teamKey), "server.address": "127.0.0.1",
		}
		for k, v := range want {
			if a[k] != v {
				t.Errorf("span %d: %s = %v (%T); want %v", i, k, a[k], a[k], v)
			}
		}
		if id, _ := a["gen_ai.response.id"].(string); !strings.HasPrefix(id, "chatcmpl-") {
			t.Errorf("span %d: gen_ai.response.id = %q", i, id)
		}
		if _, ok := a["error.type"]; ok || sp.Status.GetCode() == tracepb.Status_STATUS_CODE_ERROR {
			t.Errorf("span %d: a successful call marked failed: %v %v", i, a["error.type"], sp.Status)
		}
		if _, ok := a["gen_ai.input.messages"]; ok {
			t.Errorf("span %d: content exported without being asked for", i)
		}
		if ev.InputTokens <= 0 || ev.OutputTokens <= 0 {
			t.Errorf("span %d: the call reported no usage: %+v", i, ev)
		}
		if sp.StartTimeUnixNano != uint64(ev.Time.UnixNano()) || sp.EndTimeUnixNano != uint64(ev.Time.Add(ev.Latency).UnixNano()) {
			t.Errorf("span %d: timed %d..%d; the call ran %v for %v", i, sp.StartTimeUnixNano, sp.EndTimeUnixNano, ev.Time, ev.Latency)
		}
		inTotal, outTotal = inTotal+ev.InputTokens, outTotal+ev.OutputTokens
	}
	if col.contains(e.teamKey) || col.contains(e.token) {
		t.Error("a key or member token went to the collector")
	}

	tokens := col.metric("gen_ai.client.token.usage")
	if tokens == nil || tokens.Unit != "{token}" || tokens.GetHistogram() == nil {
		t.Fatalf("token usage metric = %v", tokens)
	}
	sums := map[string]float64{}
	for _, dp := range tokens.GetHistogram().DataPoints {
		a := attrMap(dp.Attributes)
		if a["gen_ai.operation.name"] != "chat" || a["steward.member"] != "Ada" || a["gen_ai.provider.name"] != "openai" {
			t.Errorf("token point attributes = %v", a)
		}
		if _, ok := a["steward.key.fingerprint"]; ok {
			t.Errorf("token point carries the key fingerprint: %v", a)
		}
		sums[a["gen_ai.token.type"].(string)] += dp.GetSum()
	}
	if sums["input"] != float64(inTotal) || sums["output"] != float64(outTotal) {
		t.Errorf("token sums = %v; want input %d, output %d", sums, inTotal, outTotal)
	}
	dur := col.metric("gen_ai.client.operation.duration")
	if dur == nil || dur.Unit != "s" || dur.GetHistogram() == nil {
		t.Fatalf("duration metric = %v", dur)
	}
	var n uint64
	for _, dp := range dur.GetHistogram().DataPoints {
		n += dp.Count
	}
	if n != 2 {
		t.Errorf("duration counted %d calls; want 2", n)
	}
}

func TestFailedCallCarriesErrorType(t *testing.T) {
	col := newCollector(t)
	exp := newExporter(t, col.URL, false)
	e := newEnv(t, exp, false)
	e.up.FailNext(1, http.StatusInternalServerError)
	if code, _ := e.chat(t, "hello", false); code < 500 {
		t.Fatalf("status %d; want the upstream's failure", code)
	}
	ev := e.waitEvents(t, 1)[0]
	stop(t, e, exp)
	spans := col.spans()
	if len(spans) != 1 {
		t.Fatalf("got %d spans; want 1", len(spans))
	}
	a := attrMap(spans[0].Attributes)
	if a["error.type"] == nil || a["error.type"] == "" || a["error.type"] != ev.ErrorType && a["error.type"] != "500" {
		t.Errorf("error.type = %v; event error %q", a["error.type"], ev.ErrorType)
	}
	if a["http.response.status_code"] != int64(ev.Status) || spans[0].Status.GetCode() != tracepb.Status_STATUS_CODE_ERROR {
		t.Errorf("status attribute %v, span status %v; event status %d", a["http.response.status_code"], spans[0].Status, ev.Status)
	}
	if _, ok := a["gen_ai.usage.input_tokens"]; ok {
		t.Errorf("a failed call reports usage: %v", a)
	}
}

func TestContentOnlyWithBodyLoggingAndSwitch(t *testing.T) {
	for _, tc := range []struct {
		name              string
		logBodies, export bool
	}{{"neither", false, false}, {"body logging only", true, false}, {"switch only", false, true}, {"both", true, true}} {
		t.Run(tc.name, func(t *testing.T) {
			col := newCollector(t)
			exp := newExporter(t, col.URL, tc.export)
			e := newEnv(t, exp, tc.logBodies)
			leaked := testKey(t)
			for _, stream := range []bool{false, true} {
				if code, body := e.chat(t, "please keep "+leaked+" safe", stream); code != http.StatusOK {
					t.Fatalf("status %d: %s", code, body)
				}
			}
			stop(t, e, exp)
			spans := col.spans()
			if len(spans) != 2 {
				t.Fatalf("got %d spans; want 2", len(spans))
			}
			if col.contains(leaked) || col.contains(leaked[len(leaked)-12:]) {
				t.Fatal("a key from the prompt went to the collector")
			}
			for i, sp := range spans {
				a := attrMap(sp.Attributes)
				in, hasIn := a["gen_ai.input.messages"].(string)
				out, hasOut := a["gen_ai.output.messages"].(string)
				if !(tc.logBodies && tc.export) {
					if hasIn || hasOut || col.contains("please keep") {
						t.Fatalf("span %d: content exported: %v", i, a)
					}
					continue
				}
				if !strings.Contains(in, `"role":"user"`) || !strings.Contains(in, "please keep ") ||
					!strings.Contains(in, secret.Redact(leaked)) {
					t.Errorf("span %d: input messages = %s", i, in)
				}
				if !strings.Contains(out, `"role":"assistant"`) || !strings.Contains(out, "You said") ||
					!strings.Contains(out, `"finish_reason":"stop"`) {
					t.Errorf("span %d: output messages = %s", i, out)
				}
			}
		})
	}
}

func TestUnreachableCollectorNeverFailsCalls(t *testing.T) {
	// One span per export and one in the queue: the export to the
	// blackholed collector hangs, so the queue in front fills and drops.
	t.Setenv("OTEL_BSP_MAX_QUEUE_SIZE", "1")
	t.Setenv("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "1")
	exp, err := New(bg, Options{Endpoint: blackhole(t), QueueSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, exp, false)
	const calls = 30
	for i := range calls {
		if code, body := e.chat(t, "hello", i%2 == 1); code != http.StatusOK {
			t.Fatalf("call %d: status %d: %s", i, code, body)
		}
	}
	if n := len(e.waitEvents(t, calls)); n != calls {
		t.Fatalf("recorded %d calls; want %d", n, calls)
	}
	ctx, cancel := context.WithTimeout(bg, 10*time.Second)
	defer cancel()
	if err := e.gw.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if st := exp.Stats(); st.Dropped == 0 {
		t.Errorf("stats = %+v; want calls dropped while the collector hangs", st)
	}
	sctx, scancel := context.WithTimeout(bg, 300*time.Millisecond)
	defer scancel()
	err = exp.Shutdown(sctx) // returns once its timeout is up, the collector still silent
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("shutdown = %v; want it to give up at its deadline", err)
	}
	if sctx.Err() == nil {
		t.Error("shutdown returned before its deadline although nothing could be flushed")
	}
	exp.ObserveCall(bg, callAfterShutdown())
	if st := exp.Stats(); st.Dropped == 0 {
		t.Errorf("stats = %+v after a call observed past shutdown", st)
	}
}

func TestOperationNames(t *testing.T) {
	for op, want := range map[string]string{
		"/chat/completions": "chat", "/responses": "chat", "/completions": "text_completion",
		"/embeddings": "embeddings", "/images/generations": "images.generations", "/models": "models",
	} {
		if got := operationName(op); got != want {
			t.Errorf("operationName(%q) = %q; want %q", op, got, want)
		}
	}
}

func TestEnabledAndEndpoint(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if Enabled(Options{Getenv: env(nil)}) {
		t.Error("enabled with no endpoint anywhere")
	}
	if !Enabled(Options{Getenv: env(map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318"})}) {
		t.Error("OTEL_EXPORTER_OTLP_ENDPOINT ignored")
	}
	if Enabled(Options{Endpoint: "http://c:4318", Getenv: env(map[string]string{"OTEL_SDK_DISABLED": "true"})}) {
		t.Error("OTEL_SDK_DISABLED ignored")
	}
	for _, bad := range []string{"localhost:4318", "ftp://c", "http://", "http://user:" + "pw@c:4318"} {
		err := CheckEndpoint(bad)
		if err == nil {
			t.Errorf("CheckEndpoint(%q) accepted", bad)
		} else if strings.Contains(err.Error(), "pw@") {
			t.Errorf("the error quotes a password: %v", err)
		}
	}
	if err := CheckEndpoint("https://otel.example.com:4318/"); err != nil {
		t.Error(err)
	}
}

// callAfterShutdown is any finished call.
func callAfterShutdown() gatewayCall {
	return gatewayCall{Event: usage.Event{Time: time.Now(), Status: 200}, End: time.Now(), Operation: "/chat/completions"}
}

type gatewayCall = gateway.Call
