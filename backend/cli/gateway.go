package cli

import (
	"context"
	"fmt"
	"os/signal"
	"syscall"
	"time"

	"steward/backend/gateway"
	"steward/backend/keys"
	"steward/backend/usage"
)

// runGateway serves the local OpenAI-compatible gateway until interrupted.
func runGateway(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("gateway", env.Stderr)
	listen := fs.String("listen", "", "address to listen on (default 127.0.0.1:8787, or the saved setting)")
	upstream := fs.String("upstream", "", "the API to forward to (default OpenAI's, or the saved setting)")
	keyLabel := fs.String("key", "", "the registered key member-token calls are sent with")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	svc, err := open(ctx, env)
	if err != nil {
		return err
	}
	defer svc.Close()
	reg, err := svc.register(ctx)
	if err != nil {
		return err
	}
	access := gateway.NewAccess(svc.store, reg, gateway.AccessOptions{})
	cfg, err := access.SavedConfig(ctx)
	if err != nil {
		return err
	}
	for flag, dst := range map[string]*string{"listen": &cfg.Listen, "upstream": &cfg.Upstream, "key": &cfg.UpstreamKeyLabel} {
		if v := map[string]string{"listen": *listen, "upstream": *upstream, "key": *keyLabel}[flag]; v != "" {
			*dst = v
		}
	}
	u, w := svc.usageLog()
	gw, err := gateway.New(cfg, gateway.Deps{Access: access, Secret: reg.Secret, Lookup: reg.Lookup, Recorder: w,
		Overflow: func() int64 { return w.Stats().Dropped }, LogBodies: u.BodyLoggingOn(5 * time.Second)})
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := gw.Start(ctx); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Steward gateway on %s\nPoint your apps at it: OPENAI_BASE_URL=%s\n", gw.Addr(), gw.BaseURL())
	go usage.WatchLost(ctx, w, time.Second, func(msg string) { fmt.Fprintf(env.Stderr, "warning: %s\n", msg) })
	for _, warn := range gw.Warnings() {
		fmt.Fprintf(env.Stderr, "warning: %s\n", warn)
	}
	<-ctx.Done()
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = gw.Shutdown(shutdown)
	st := gw.Stats()
	fmt.Fprintf(env.Stdout, "Stopped after %d requests (%d errors).\n", st.Requests, st.Errors)
	if ws := w.Stats(); ws.Dropped > 0 {
		fmt.Fprintf(env.Stderr, "warning: %s\n", usage.LostMessage(ws.Dropped, ws))
	}
	return err
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
