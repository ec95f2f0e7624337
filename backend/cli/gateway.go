package cli

import (
	"context"
	"fmt"
	"os/signal"
	"strings"
	"sync"
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
	hf, err := headlessFlags(fs, env)
	if err != nil {
		return err
	}
	otlp := addOTLPFlags(fs)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *hf.drain <= 0 {
		return usageErr("--drain-timeout must be above zero, such as 30s")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		cfg, err := svc.Gateway.Settings(ctx)
		if err != nil {
			return err
		}
		for flag, dst := range map[string]*string{"listen": &cfg.Listen, "upstream": &cfg.Upstream, "key": &cfg.UpstreamKeyLabel} {
			if v := map[string]string{"listen": *hf.listen, "upstream": *hf.upstream, "key": *hf.keyLabel}[flag]; v != "" {
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
		served := make(chan struct{})
		var wg sync.WaitGroup
		defer wg.Wait()
		defer close(served)
		wg.Go(func() {
			select {
			case <-ctx.Done():
				stop() // a second signal stops at once
				fmt.Fprintf(env.Stderr, "Stopping: letting calls in flight finish (up to %s), then writing the usage log.\n", *hf.drain)
			case <-served:
			}
		})
		st, err := svc.ServeGateway(ctx, app.ServeOptions{
			Config: cfg, Log: gatewayLogger(env), AdminListen: *hf.admin, DrainTimeout: *hf.drain, UpstreamKeyFile: *hf.keyFile,
			Started: func(gw *gateway.Gateway, admin string) {
				fmt.Fprintf(env.Stdout, "Steward gateway on %s\nPoint your apps at it: OPENAI_BASE_URL=%s\n", gw.Addr(), gw.BaseURL())
				if admin != "" {
					fmt.Fprintf(env.Stdout, "Admin endpoints on http://%s (/healthz, /readyz, /metrics)\n", admin)
				}
				for _, warn := range gw.Warnings() {
					fmt.Fprintf(env.Stderr, "warning: %s\n", warn)
				}
			},
			Lost: func(msg string) { fmt.Fprintf(env.Stderr, "warning: %s\n", msg) }, // usage rows lost (a full disk), on stderr
		})
		if st.Requests > 0 || err == nil {
			fmt.Fprintf(env.Stdout, "Stopped after %d requests (%d errors, %d failovers).\n", st.Requests, st.Errors, st.Failovers)
		}
		return err
	})
}
