package cli

import (
	"context"
	"fmt"
	"log/slog"
	"text/tabwriter"

	"steward/backend/gateway"
)

// gatewaySubcommands are `steward gateway`'s subcommands; with none, or
// with flags only, the command serves the gateway.
func gatewaySubcommands() map[string]func(context.Context, *Env, []string) error {
	return map[string]func(context.Context, *Env, []string) error{
		"providers": runGatewayProviders, "drill": gatewayDrill, "blocklist": runGatewayBlocklist,
	}
}

func runGatewayProviders(ctx context.Context, env *Env, args []string) error {
	sub := map[string]func(context.Context, *Env, []string) error{
		"list": providersList, "add": providersAdd, "remove": providersRemove, "test": providersTest,
	}
	return dispatch("gateway providers", sub, ctx, env, args)
}

// logger writes the gateway's operational lines, alerts among them, to w.
func gatewayLogger(env *Env) *slog.Logger {
	return slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

func providersList(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("gateway providers list", env.Stderr)
	format := fs.String("format", "table", "table or json")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	svc, err := open(ctx, env)
	if err != nil {
		return err
	}
	defer svc.Close()
	all, err := svc.Gateway.Providers(ctx)
	if err != nil || *format == "json" {
		if err == nil {
			err = writeJSON(env.Stdout, all)
		}
		return err
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tNAME\tBASE URL\tKEY\tMODELS")
	for i, p := range all {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", i+1, p.Name, p.BaseURL, dash(p.KeyLabel), dash(gateway.FormatModelMap(p.Models)))
	}
	return tw.Flush()
}

func providersAdd(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("gateway providers add", env.Stderr)
	base := fs.String("base-url", "", "the provider's OpenAI-compatible API root, e.g. https://api.deepseek.com/v1")
	label := fs.String("key", "", "label of the provider's key in the key register (steward keys add)")
	models := fs.String("models", "", "model map FROM=TO,..., e.g. gpt-4o-mini=deepseek-chat")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *base == "" || *label == "" {
		return usageErr("usage: steward gateway providers add NAME --base-url URL --key LABEL [--models FROM=TO,...]")
	}
	m, err := gateway.ParseModelMap(*models)
	if err != nil {
		return err
	}
	svc, err := open(ctx, env)
	if err != nil {
		return err
	}
	defer svc.Close()
	p, err := svc.Gateway.AddProvider(ctx, pos[0], *base, *label, gateway.FormatModelMap(m))
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Added fallback provider %s (%s). The gateway uses it from its next start; "+
		"check it with \"steward gateway providers test %s\".\n", p.Name, p.BaseURL, p.Name)
	return nil
}

func providersRemove(ctx context.Context, env *Env, args []string) error {
	pos, err := parse(newFlags("gateway providers remove", env.Stderr), args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("usage: steward gateway providers remove NAME")
	}
	svc, err := open(ctx, env)
	if err != nil {
		return err
	}
	defer svc.Close()
	if err := svc.Gateway.RemoveProvider(ctx, pos[0]); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Removed provider %s.\n", pos[0])
	return nil
}

func providersTest(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("gateway providers test", env.Stderr)
	format := fs.String("format", "text", "text or json")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("usage: steward gateway providers test NAME")
	}
	svc, err := open(ctx, env)
	if err != nil {
		return err
	}
	defer svc.Close()
	c, err := svc.Gateway.TestProvider(ctx, pos[0])
	if err != nil {
		return err
	}
	if *format == "json" {
		err = writeJSON(env.Stdout, c)
	} else {
		fmt.Fprintln(env.Stdout, providerCheckLine(c))
	}
	if err == nil && !c.OK {
		return errFinding
	}
	return err
}

// providerCheckLine is one provider check for people.
func providerCheckLine(c gateway.ProviderCheck) string {
	if c.OK {
		return fmt.Sprintf("%-12s ok      %5d ms  %s (model %s)", c.Provider, c.LatencyMS, c.BaseURL, c.Model)
	}
	return fmt.Sprintf("%-12s FAILED  %s: %s", c.Provider, c.BaseURL, c.Error)
}

func gatewayDrill(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("gateway drill", env.Stderr)
	format := fs.String("format", "text", "text or json")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	svc, err := open(ctx, env)
	if err != nil {
		return err
	}
	defer svc.Close()
	d, err := svc.Gateway.RunDrill(ctx)
	if err != nil {
		return err
	}
	if *format == "json" {
		err = writeJSON(env.Stdout, d)
	} else {
		fmt.Fprintln(env.Stdout, "Failover drill: each provider gets a small request, as if the primary were down.")
		for _, c := range d.Checks {
			fmt.Fprintln(env.Stdout, "  "+providerCheckLine(c))
		}
		verdict := "FAILED"
		if d.Passed {
			verdict = "PASSED"
		}
		fmt.Fprintf(env.Stdout, "%s: %s\n", verdict, d.Summary)
	}
	if err == nil && !d.Passed {
		return errFinding
	}
	return err
}

func runGatewayBlocklist(ctx context.Context, env *Env, args []string) error {
	sub := map[string]func(context.Context, *Env, []string) error{"list": blocklistList, "release": blocklistRelease}
	return dispatch("gateway blocklist", sub, ctx, env, args)
}

func blocklistList(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("gateway blocklist list", env.Stderr)
	format := fs.String("format", "table", "table or json")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	svc, err := open(ctx, env)
	if err != nil {
		return err
	}
	defer svc.Close()
	list, err := svc.Gateway.BlockedEndUsers(ctx)
	if err != nil || *format == "json" {
		if err == nil {
			err = writeJSON(env.Stdout, list)
		}
		return err
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "MEMBER\tEND USER (SAFETY IDENTIFIER)\tFLAGS\tBLOCKED AT")
	for _, b := range list {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", b.Member, b.Subject, b.Flags, b.BlockedAt)
	}
	return tw.Flush()
}

func blocklistRelease(ctx context.Context, env *Env, args []string) error {
	pos, err := parse(newFlags("gateway blocklist release", env.Stderr), args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usageErr("usage: steward gateway blocklist release MEMBER SAFETY_IDENTIFIER")
	}
	svc, err := open(ctx, env)
	if err != nil {
		return err
	}
	defer svc.Close()
	if err := svc.Gateway.ReleaseEndUser(ctx, pos[0], pos[1]); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Released end user %s of %s.\n", pos[1], pos[0])
	return nil
}
