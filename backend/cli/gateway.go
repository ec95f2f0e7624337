package cli

import (
	"context"
	"fmt"
	"os/signal"
	"strings"
	"syscall"

	"steward/backend/app"
	"steward/backend/gateway"
)

// runGateway serves the local OpenAI-compatible gateway until interrupted,
// or runs one of its subcommands (providers, drill, blocklist).
func runGateway(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		return dispatch("gateway", gatewaySubcommands(), ctx, env, args)
	}
	fs := newFlags("gateway", env.Stderr)
	listen := fs.String("listen", "", "address to listen on (default 127.0.0.1:8787, or the saved setting)")
	upstream := fs.String("upstream", "", "the API to forward to (default OpenAI's, or the saved setting)")
	keyLabel := fs.String("key", "", "the registered key member-token calls are sent with")
	otlp := addOTLPFlags(fs)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		cfg, err := svc.Gateway.Settings(ctx)
		if err != nil {
			return err
		}
		for flag, dst := range map[string]*string{"listen": &cfg.Listen, "upstream": &cfg.Upstream, "key": &cfg.UpstreamKeyLabel} {
			if v := map[string]string{"listen": *listen, "upstream": *upstream, "key": *keyLabel}[flag]; v != "" {
				*dst = v
			}
		}
		stopTelemetry, err := startTelemetry(ctx, env, svc, otlp)
		if err != nil {
			return err
		}
		defer stopTelemetry()
		ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
		defer stop()
		st, err := svc.ServeGateway(ctx, cfg, gatewayLogger(env), func(gw *gateway.Gateway) {
			fmt.Fprintf(env.Stdout, "Steward gateway on %s\nPoint your apps at it: OPENAI_BASE_URL=%s\n", gw.Addr(), gw.BaseURL())
			for _, warn := range gw.Warnings() {
				fmt.Fprintf(env.Stderr, "warning: %s\n", warn)
			}
		}, func(msg string) { fmt.Fprintf(env.Stderr, "warning: %s\n", msg) }) // usage rows lost (a full disk), on stderr
		if st.Requests > 0 || err == nil {
			fmt.Fprintf(env.Stdout, "Stopped after %d requests (%d errors, %d failovers).\n", st.Requests, st.Errors, st.Failovers)
		}
		return err
	})
}
