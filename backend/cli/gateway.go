package cli

import (
	"context"
	"fmt"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"steward/backend/gateway"
	"steward/backend/keys"
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
	if _, err := parse(fs, args); err != nil {
		return err
	}
	k, err := openGatewayKit(ctx, env, true)
	if err != nil {
		return err
	}
	defer k.svc.Close()
	cfg, err := k.access.SavedConfig(ctx)
	if err != nil {
		return err
	}
	for flag, dst := range map[string]*string{"listen": &cfg.Listen, "upstream": &cfg.Upstream, "key": &cfg.UpstreamKeyLabel} {
		if v := map[string]string{"listen": *listen, "upstream": *upstream, "key": *keyLabel}[flag]; v != "" {
			*dst = v
		}
	}
	lock, err := gateway.LockDataDir(k.svc.dir, cfg.Listen)
	if err != nil {
		return err
	}
	defer lock.Release()
	gw, err := newCLIGateway(ctx, env, k, cfg)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := gw.Start(ctx); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Steward gateway on %s\nPoint your apps at it: OPENAI_BASE_URL=%s\n", gw.Addr(), gw.BaseURL())
	for _, warn := range gw.Warnings() {
		fmt.Fprintf(env.Stderr, "warning: %s\n", warn)
	}
	<-ctx.Done()
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = gw.Shutdown(shutdown)
	st := gw.Stats()
	fmt.Fprintf(env.Stdout, "Stopped after %d requests (%d errors, %d failovers).\n", st.Requests, st.Errors, st.Failovers)
	return err
}

// newCLIGateway builds the gateway with its fallbacks, its guard and a log
// on stderr, where alerts appear as lines.
func newCLIGateway(ctx context.Context, env *Env, k *gatewayKit, cfg gateway.Config) (*gateway.Gateway, error) {
	fallbacks, err := k.providers.Fallbacks(ctx)
	if err != nil {
		return nil, err
	}
	guard := gateway.NewGuard(k.svc.store, k.vault, nil)
	u, w := k.svc.usageLog()
	return gateway.New(cfg, gateway.Deps{Access: k.access, Secret: k.reg.Secret, Lookup: k.reg.Lookup, Recorder: w,
		Overflow: func() int64 { return w.Stats().Dropped }, LogBodies: u.BodyLoggingOn(5 * time.Second),
		Fallbacks: fallbacks, Guard: guard, OnAlert: guard.RecordAlert, Log: gatewayLogger(env)})
}

// membersToken creates a member's gateway token and shows it once.
func membersToken(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("members token", env.Stderr)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("usage: steward members token NAME")
	}
	svc, err := open(ctx, env)
	if err != nil {
		return err
	}
	defer svc.Close()
	reg := keys.New(svc.store, &keys.VaultSwitch{}, keys.Options{})
	token, err := gateway.NewAccess(svc.store, reg, gateway.AccessOptions{}).CreateToken(ctx, pos[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "A gateway token for %s. It is shown once; Steward keeps only its hash.\n", pos[0])
	fmt.Fprintln(env.Stdout, token)
	return nil
}
