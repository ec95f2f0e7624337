package cli

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"time"

	"steward/backend/app"
	"steward/backend/telemetry"
)

// otlpFlags are `steward gateway`'s OpenTelemetry export flags.
type otlpFlags struct {
	endpoint *string
	content  *bool
}

// addOTLPFlags declares the export flags on fs.
func addOTLPFlags(fs *flag.FlagSet) otlpFlags {
	return otlpFlags{
		endpoint: fs.String("otlp-endpoint", "", "export each call as an OpenTelemetry span and GenAI metrics to this OTLP/HTTP "+
			"collector, e.g. http://localhost:4318 (default OTEL_EXPORTER_OTLP_ENDPOINT; the other OTEL_* variables apply)"),
		content: fs.Bool("otlp-content", false, "also export prompt and answer text, keys redacted, for calls whose bodies "+
			"the team logs (body logging must be on too; or STEWARD_OTLP_CONTENT=1)"),
	}
}

// startTelemetry sets up the export the flags and environment ask for,
// if any, and returns what stops it: a flush of at most five seconds, and
// a line on stderr if telemetry was dropped.
func startTelemetry(ctx context.Context, env *Env, svc *app.Services, f otlpFlags) (func(), error) {
	if *f.endpoint != "" {
		if err := telemetry.CheckEndpoint(*f.endpoint); err != nil {
			return nil, err
		}
	}
	content := *f.content || env.Getenv("STEWARD_OTLP_CONTENT") == "1"
	exp, err := svc.GatewayTelemetry(ctx, telemetry.Options{Endpoint: *f.endpoint, Content: content,
		Version: cmp.Or(env.Version, env.Build.Version), Log: gatewayLogger(env), Getenv: env.Getenv})
	if err != nil {
		return nil, err
	}
	if exp == nil {
		if content {
			fmt.Fprintln(env.Stderr, "warning: --otlp-content does nothing without --otlp-endpoint or OTEL_EXPORTER_OTLP_ENDPOINT")
		}
		return func() {}, nil
	}
	what := "spans and metrics"
	if content {
		what += ", with prompt and answer text while body logging is on"
	}
	fmt.Fprintf(env.Stdout, "Exporting calls to OpenTelemetry at %s (%s)\n", cmp.Or(*f.endpoint, "the OTEL_EXPORTER_OTLP_* endpoint"), what)
	return func() {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if err := exp.Shutdown(sctx); err != nil {
			fmt.Fprintf(env.Stderr, "warning: %v\n", err)
		}
		if st := exp.Stats(); st.Dropped > 0 || st.ExportFailures > 0 {
			fmt.Fprintf(env.Stderr, "warning: OpenTelemetry export: %d calls dropped, %d failed exports\n", st.Dropped, st.ExportFailures)
		}
	}, nil
}
