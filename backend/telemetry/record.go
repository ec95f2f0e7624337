package telemetry

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	semconv "go.opentelemetry.io/otel/semconv/v1.40.0"
	"go.opentelemetry.io/otel/semconv/v1.40.0/genaiconv"
	"go.opentelemetry.io/otel/trace"

	"steward/backend/gateway"
)

// instruments are the GenAI client metrics.
type instruments struct {
	tokens   metric.Int64Histogram   // gen_ai.client.token.usage, {token}
	duration metric.Float64Histogram // gen_ai.client.operation.duration, s
}

func newInstruments(m metric.Meter) (instruments, error) {
	tok, err := genaiconv.NewClientTokenUsage(m, metric.WithExplicitBucketBoundaries(tokenBuckets()...))
	if err != nil {
		return instruments{}, fmt.Errorf("telemetry: token usage histogram: %w", err)
	}
	dur, err := genaiconv.NewClientOperationDuration(m, metric.WithExplicitBucketBoundaries(durationBuckets()...))
	if err != nil {
		return instruments{}, fmt.Errorf("telemetry: duration histogram: %w", err)
	}
	return instruments{tokens: tok.Inst(), duration: dur.Inst()}, nil
}

// operationName maps an API operation to gen_ai.operation.name: the
// conventions' names where one fits, else the path's words joined by dots
// ("/images/generations" -> "images.generations").
func operationName(op string) string {
	switch op {
	case "/chat/completions", "/responses":
		return semconv.GenAIOperationNameChat.Value.AsString()
	case "/completions":
		return semconv.GenAIOperationNameTextCompletion.Value.AsString()
	case "/embeddings":
		return semconv.GenAIOperationNameEmbeddings.Value.AsString()
	case "":
		return "unknown"
	}
	return strings.ReplaceAll(strings.Trim(op, "/"), "/", ".")
}

// providerName is gen_ai.provider.name: "openai" for the primary (or
// "azure.ai.openai" for an Azure one), else the fallback provider's name.
func providerName(c *gateway.Call) string {
	if c.Primary && c.Azure {
		return semconv.GenAIProviderNameAzureAIOpenAI.Value.AsString()
	}
	if c.Primary || c.Event.Provider == "" {
		return semconv.GenAIProviderNameOpenAI.Value.AsString()
	}
	return c.Event.Provider
}

// errorType is error.type for a failed call, or "" for a successful one:
// the API's error code or the gateway's reason, else the HTTP status.
func errorType(c *gateway.Call) string {
	switch {
	case c.Event.ErrorType != "":
		return c.Event.ErrorType
	case c.Event.Status >= 400:
		return strconv.Itoa(c.Event.Status)
	}
	return ""
}

// record turns one call into a span and metric points.
func (e *Exporter) record(ctx context.Context, c gateway.Call) {
	ev := &c.Event
	op, provider, errType := operationName(c.Operation), providerName(&c), errorType(&c)
	common := make([]attribute.KeyValue, 0, 16)
	common = append(common, keyOperation.String(op), keyProvider.String(provider))
	if c.RequestModel != "" {
		common = append(common, keyRequestModel.String(c.RequestModel))
	}
	if c.ResponseModel != "" {
		common = append(common, keyResponseModel.String(c.ResponseModel))
	}
	if c.ServerAddress != "" {
		common = append(common, keyServerAddress.String(c.ServerAddress), keyServerPort.Int(c.ServerPort))
	}
	if errType != "" {
		common = append(common, keyErrorType.String(errType))
	}
	if ev.Member != "" {
		common = append(common, KeyMember.String(ev.Member))
	}
	metricAttrs := attribute.NewSet(common...) // the member, not the key fingerprint: bounded by the team
	e.span(ctx, &c, op, errType, common)
	e.inst.duration.Record(ctx, ev.Latency.Seconds(), metric.WithAttributeSet(metricAttrs))
	if !hasUsage(&c) {
		return
	}
	for _, t := range []struct {
		n   int64
		typ attribute.KeyValue
	}{{ev.InputTokens, semconv.GenAITokenTypeInput}, {ev.OutputTokens, semconv.GenAITokenTypeOutput}} {
		attrs := attribute.NewSet(append(common[:len(common):len(common)], t.typ)...)
		e.inst.tokens.Record(ctx, t.n, metric.WithAttributeSet(attrs))
	}
}

// hasUsage reports whether the call reported token counts worth recording.
func hasUsage(c *gateway.Call) bool {
	ev := &c.Event
	return !c.Refused && ev.InputTokens >= 0 && ev.OutputTokens >= 0 && ev.InputTokens+ev.OutputTokens > 0
}

// span records the call as a client span timed from its start to its end.
func (e *Exporter) span(ctx context.Context, c *gateway.Call, op, errType string, common []attribute.KeyValue) {
	ev := &c.Event
	name := op
	if c.RequestModel != "" {
		name += " " + c.RequestModel
	}
	attrs := append(common[:len(common):len(common)], keyHTTPStatus.Int(ev.Status))
	if c.ResponseID != "" {
		attrs = append(attrs, keyResponseID.String(c.ResponseID))
	}
	if hasUsage(c) {
		attrs = append(attrs, keyInputTokens.Int64(ev.InputTokens), keyOutputTokens.Int64(ev.OutputTokens))
		if ev.CachedTokens > 0 {
			attrs = append(attrs, keyCachedTokens.Int64(ev.CachedTokens))
		}
	}
	if ev.KeyFingerprint != "" {
		attrs = append(attrs, KeyFingerprint.String(ev.KeyFingerprint))
	}
	if ev.RequestID != "" {
		attrs = append(attrs, KeyRequestID.String(ev.RequestID))
	}
	if c.Refused {
		attrs = append(attrs, KeyRefused.Bool(true))
	}
	if e.content {
		attrs = append(attrs, contentAttrs(c)...)
	}
	_, sp := e.tracer.Start(ctx, name, trace.WithSpanKind(trace.SpanKindClient),
		trace.WithTimestamp(ev.Time), trace.WithAttributes(attrs...))
	if errType != "" {
		sp.SetStatus(codes.Error, errType)
	}
	sp.End(trace.WithTimestamp(c.End))
}
