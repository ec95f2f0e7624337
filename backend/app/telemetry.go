package app

import (
	"context"

	"steward/backend/telemetry"
)

// GatewayTelemetry sets up OpenTelemetry export of the calls of the next
// gateway ServeGateway runs (the CLI's `steward gateway --otlp-endpoint`):
// a span and GenAI metrics per call, over OTLP/HTTP. With no endpoint in
// opts or the environment it does nothing and returns nil. The caller
// shuts the exporter down (flushing it) once the gateway has stopped.
// opts.Content only matters while the team logs bodies.
func (s *Services) GatewayTelemetry(ctx context.Context, opts telemetry.Options) (*telemetry.Exporter, error) {
	if opts.Getenv == nil {
		opts.Getenv = s.c.opts.Getenv
	}
	if !telemetry.Enabled(opts) {
		return nil, nil
	}
	if opts.Log == nil {
		opts.Log = s.c.log.Logger
	}
	exp, err := telemetry.New(ctx, opts)
	if err != nil {
		return nil, err
	}
	s.Gateway.deps.Calls = exp
	return exp, nil
}
