// Package telemetry exports the gateway's calls to an OpenTelemetry
// collector over OTLP/HTTP with the official Go SDK: each call becomes a
// client span and GenAI metrics (gen_ai.client.token.usage,
// gen_ai.client.operation.duration) following the GenAI semantic
// conventions, plus the member and key fingerprint as steward.* attributes.
//
// Export never slows or fails a call: the gateway hands each finished call
// to a bounded queue (a full queue drops the call's telemetry and counts
// it), one worker turns calls into spans and metric points, a batch span
// processor and a periodic metric reader send them, and export failures are
// counted and logged at most once a minute. Each export request times out
// by the SDK's rule (10 s, or OTEL_EXPORTER_OTLP_TIMEOUT). Prompt and answer text go out
// only when Options.Content is set and the gateway logs bodies, redacted by
// the key detector.
package telemetry

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"

	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/propagation"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.40.0"
	"go.opentelemetry.io/otel/trace"

	"steward/backend/gateway"
)

// ServiceName is the service.name of the gateway's telemetry.
const ServiceName = "steward-gateway"

// scope is the instrumentation scope of the spans and metrics.
const scope = "steward/backend/telemetry"

// Options configure an Exporter.
type Options struct {
	// Endpoint is the base URL of the collector's OTLP/HTTP receiver
	// ("http://collector:4318"); /v1/traces and /v1/metrics are added.
	// Empty means the standard OTEL_EXPORTER_OTLP_* environment.
	Endpoint string
	// Content exports prompt and answer text (keys redacted) for calls
	// whose bodies the gateway logged; off, no text ever goes out.
	Content bool
	// Version is the service.version.
	Version string
	// Log receives export failures and drops; discarded when nil.
	Log *slog.Logger
	// Getenv reads the environment for Enabled; os.Getenv when nil. The
	// SDK itself reads the OTEL_* variables from the process environment.
	Getenv func(string) string
	// QueueSize bounds the calls waiting for export (4096 when 0).
	QueueSize int
}

// Stats count what did not go out.
type Stats struct {
	// Dropped counts calls whose telemetry was dropped: the queue was full
	// (a slow or unreachable collector) or the exporter had shut down.
	Dropped int64 `json:"dropped"`
	// ExportFailures counts exports of spans or metrics that failed.
	ExportFailures int64 `json:"export_failures"`
}

// Exporter turns the gateway's finished calls into spans and metrics and
// exports them. It is a gateway.CallObserver.
type Exporter struct {
	tp      *sdktrace.TracerProvider
	mp      *sdkmetric.MeterProvider
	tracer  trace.Tracer
	inst    instruments
	content bool
	log     *slog.Logger
	fails   *failures

	queue   chan item
	stop    chan struct{}
	done    chan struct{}
	closed  atomic.Bool
	dropped atomic.Int64
	once    sync.Once
}

// item is one call waiting for export, with the context of its parent span.
type item struct {
	ctx  context.Context
	call gateway.Call
}

// Enabled reports whether opts or the environment name a collector to
// export to (and OTEL_SDK_DISABLED does not turn the SDK off).
func Enabled(opts Options) bool {
	env := opts.Getenv
	if env == nil {
		env = os.Getenv
	}
	if env("OTEL_SDK_DISABLED") == "true" {
		return false
	}
	return opts.Endpoint != "" || env("OTEL_EXPORTER_OTLP_ENDPOINT") != "" ||
		env("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") != "" || env("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT") != ""
}

// New builds the tracer and meter providers and starts the export worker.
// It does not contact the collector.
func New(ctx context.Context, opts Options) (*Exporter, error) {
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	if opts.QueueSize <= 0 {
		opts.QueueSize = 4096
	}
	fails := &failures{log: opts.Log}
	se, me, err := newExporters(ctx, opts.Endpoint, fails)
	if err != nil {
		return nil, err
	}
	res, err := newResource(ctx, opts.Version)
	if err != nil {
		return nil, err
	}
	// Blocking on a full span queue blocks only the export worker; calls
	// meet the bounded queue in front of it, where drops are counted.
	tp := sdktrace.NewTracerProvider(sdktrace.WithResource(res),
		sdktrace.WithSpanProcessor(sdktrace.NewBatchSpanProcessor(se, sdktrace.WithBlocking())))
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithResource(res),
		sdkmetric.WithReader(sdkmetric.NewPeriodicReader(me)))
	inst, err := newInstruments(mp.Meter(scope, metric.WithInstrumentationVersion(opts.Version),
		metric.WithSchemaURL(semconv.SchemaURL)))
	if err != nil {
		return nil, errors.Join(err, tp.Shutdown(ctx), mp.Shutdown(ctx))
	}
	e := &Exporter{
		tp: tp, mp: mp, tracer: tp.Tracer(scope, trace.WithInstrumentationVersion(opts.Version), trace.WithSchemaURL(semconv.SchemaURL)),
		inst: inst, content: opts.Content, log: opts.Log, fails: fails,
		queue: make(chan item, opts.QueueSize), stop: make(chan struct{}), done: make(chan struct{}),
	}
	go e.run()
	return e, nil
}

// ObserveCall queues a finished call for export; it never blocks. A full
// queue drops the call's telemetry and counts it.
func (e *Exporter) ObserveCall(ctx context.Context, c gateway.Call) {
	if e.closed.Load() {
		e.dropped.Add(1)
		return
	}
	if len(c.Header) > 0 {
		ctx = propagation.TraceContext{}.Extract(ctx, propagation.HeaderCarrier(c.Header))
	}
	c.Header = nil // not kept past the call
	if !e.content {
		c.Event.RequestBody, c.Event.ResponseBody = "", ""
	}
	select {
	case e.queue <- item{ctx: ctx, call: c}:
	default:
		if e.dropped.Add(1) == 1 {
			e.log.Warn("telemetry queue full: dropping calls' spans and metrics until the collector keeps up")
		}
	}
}

// run turns queued calls into spans and metric points until Shutdown, then
// records what is still queued.
func (e *Exporter) run() {
	defer close(e.done)
	for {
		select {
		case it := <-e.queue:
			e.record(it.ctx, it.call)
		case <-e.stop:
			for {
				select {
				case it := <-e.queue:
					e.record(it.ctx, it.call)
				default:
					return
				}
			}
		}
	}
}

// Stats reports the drops and export failures so far.
func (e *Exporter) Stats() Stats {
	return Stats{Dropped: e.dropped.Load(), ExportFailures: e.fails.n.Load()}
}

// Shutdown records the calls still queued and flushes spans and metrics to
// the collector, giving up when ctx ends; it returns by then whatever the
// collector does. Calls observed afterwards are dropped.
func (e *Exporter) Shutdown(ctx context.Context) error {
	err := errors.New("telemetry: already shut down")
	e.once.Do(func() {
		e.closed.Store(true)
		close(e.stop)
		select {
		case <-e.done:
		case <-ctx.Done():
		}
		var terr, merr error // spans and metrics flush side by side: a stuck one does not hold up the other
		var wg sync.WaitGroup
		wg.Go(func() { terr = e.tp.Shutdown(ctx) })
		wg.Go(func() { merr = e.mp.Shutdown(ctx) })
		wg.Wait()
		err = errors.Join(terr, merr)
		if err != nil {
			err = fmt.Errorf("telemetry: flush to the collector: %w", err)
		}
		if st := e.Stats(); st.Dropped > 0 || st.ExportFailures > 0 {
			e.log.Warn("telemetry not all exported", "dropped_calls", st.Dropped, "export_failures", st.ExportFailures)
		}
	})
	return err
}
