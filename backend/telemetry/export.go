package telemetry

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"go.opentelemetry.io/otel/exporters/otlp/otlpmetric/otlpmetrichttp"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0" // the SDK's resource detectors' version

	"steward/backend/apperr"
	"steward/backend/secret"
)

// CodeBadEndpoint marks an --otlp-endpoint that is not an http(s) URL.
const CodeBadEndpoint apperr.Code = "telemetry_bad_endpoint"

// CheckEndpoint reports whether endpoint is an http or https base URL.
func CheckEndpoint(endpoint string) error {
	u, err := url.Parse(endpoint)
	if err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.User == nil {
		return nil
	}
	return apperr.Text(CodeBadEndpoint, "telemetry.endpoint",
		fmt.Sprintf("The OTLP endpoint %q is not an http(s) URL without credentials: give the collector's OTLP/HTTP "+
			"base URL, e.g. http://localhost:4318 (set headers with OTEL_EXPORTER_OTLP_HEADERS).", redactURL(endpoint)),
		fmt.Sprintf("OTLP 端点 %q 不是不含凭据的 http(s) URL：请给出收集器的 OTLP/HTTP 基础 URL，例如 http://localhost:4318"+
			"（请求头用 OTEL_EXPORTER_OTLP_HEADERS 设置）。", redactURL(endpoint)))
}

// redactURL drops a password from an endpoint before it is quoted.
func redactURL(s string) string {
	if u, err := url.Parse(s); err == nil {
		return u.Redacted()
	}
	return secret.RedactKeys(s)
}

// newExporters builds the OTLP/HTTP span and metric exporters, wrapped to
// count their failures. Without an endpoint, the SDK reads the standard
// OTEL_EXPORTER_OTLP_* variables (endpoint, headers, timeout,
// compression, certificates); with one, only the endpoint is overridden.
func newExporters(ctx context.Context, endpoint string, f *failures) (sdktrace.SpanExporter, sdkmetric.Exporter, error) {
	var topts []otlptracehttp.Option
	var mopts []otlpmetrichttp.Option
	if endpoint != "" {
		if err := CheckEndpoint(endpoint); err != nil {
			return nil, nil, err
		}
		base := strings.TrimRight(endpoint, "/")
		topts = append(topts, otlptracehttp.WithEndpointURL(base+"/v1/traces"))
		mopts = append(mopts, otlpmetrichttp.WithEndpointURL(base+"/v1/metrics"))
	}
	se, err := otlptracehttp.New(ctx, topts...)
	if err != nil {
		return nil, nil, fmt.Errorf("telemetry: span exporter: %w", err)
	}
	me, err := otlpmetrichttp.New(ctx, mopts...)
	if err != nil {
		return nil, nil, fmt.Errorf("telemetry: metric exporter: %w", err)
	}
	return spanExporter{se, f}, metricExporter{me, f}, nil
}

// newResource names the service (in the semconv version of the SDK's own
// detectors, which a resource must not mix); OTEL_SERVICE_NAME and
// OTEL_RESOURCE_ATTRIBUTES override and add to it.
func newResource(ctx context.Context, version string) (*resource.Resource, error) {
	res, err := resource.New(ctx,
		resource.WithSchemaURL(semconv.SchemaURL),
		resource.WithAttributes(semconv.ServiceName(ServiceName), semconv.ServiceVersion(version)),
		resource.WithTelemetrySDK(), resource.WithFromEnv())
	if err != nil {
		return nil, fmt.Errorf("telemetry: resource: %w", err)
	}
	return res, nil
}

// failures counts failed exports and logs them, at most once a minute, so
// an unreachable collector is said once rather than on every batch.
type failures struct {
	n    atomic.Int64
	last atomic.Int64 // unix nanoseconds of the last message
	log  *slog.Logger
}

func (f *failures) note(signal string, err error) {
	n := f.n.Add(1)
	now, last := time.Now().UnixNano(), f.last.Load()
	if now-last >= int64(time.Minute) && f.last.CompareAndSwap(last, now) {
		f.log.Warn("telemetry export failed", "signal", signal, "failures", n, "err", secret.RedactKeys(err.Error()))
	}
}

// spanExporter counts failed exports and reports none to the SDK, whose
// handler would print each one.
type spanExporter struct {
	sdktrace.SpanExporter
	f *failures
}

func (x spanExporter) ExportSpans(ctx context.Context, spans []sdktrace.ReadOnlySpan) error {
	if err := x.SpanExporter.ExportSpans(ctx, spans); err != nil {
		x.f.note("traces", err)
	}
	return nil
}

// metricExporter does the same for metrics.
type metricExporter struct {
	sdkmetric.Exporter
	f *failures
}

func (x metricExporter) Export(ctx context.Context, rm *metricdata.ResourceMetrics) error {
	if err := x.Exporter.Export(ctx, rm); err != nil {
		x.f.note("metrics", err)
	}
	return nil
}
