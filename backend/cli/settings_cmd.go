package cli

import (
	"context"
	"fmt"
	"text/tabwriter"

	"steward/backend/gateway"
	"steward/backend/keys"
)

// runSettings lists and changes the gateway's named settings:
// settings list | get KEY | set KEY VALUE.
func runSettings(ctx context.Context, env *Env, args []string) error {
	sub := map[string]func(context.Context, *Env, []string) error{
		"list": settingsList, "get": settingsGet, "set": settingsSet,
	}
	return dispatch("settings", sub, ctx, env, args)
}

// withGatewayAccess opens the data folder and hands fn the gateway's access
// register, where its settings live.
func withGatewayAccess(ctx context.Context, env *Env, fn func(*gateway.Access) error) error {
	svc, err := open(ctx, env)
	if err != nil {
		return err
	}
	defer svc.Close()
	reg := keys.New(svc.store, &keys.VaultSwitch{}, keys.Options{})
	return fn(gateway.NewAccess(svc.store, reg, gateway.AccessOptions{}))
}

func settingsList(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("settings list", env.Stderr)
	format := fs.String("format", "table", "table or json")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	return withGatewayAccess(ctx, env, func(a *gateway.Access) error {
		all, err := a.Settings(ctx)
		if err != nil || *format == "json" {
			if err == nil {
				err = writeJSON(env.Stdout, all)
			}
			return err
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "KEY\tVALUE\tMEANING")
		for _, s := range all {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", s.Key, dash(s.Value), s.Help)
		}
		return tw.Flush()
	})
}

func settingsGet(ctx context.Context, env *Env, args []string) error {
	pos, err := parse(newFlags("settings get", env.Stderr), args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || !gateway.IsSetting(pos[0]) {
		return usageErr("usage: steward settings get KEY (run \"steward settings list\" for the keys)")
	}
	return withGatewayAccess(ctx, env, func(a *gateway.Access) error {
		all, err := a.Settings(ctx)
		for _, s := range all {
			if s.Key == pos[0] {
				fmt.Fprintln(env.Stdout, s.Value)
			}
		}
		return err
	})
}

func settingsSet(ctx context.Context, env *Env, args []string) error {
	pos, err := parse(newFlags("settings set", env.Stderr), args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usageErr("usage: steward settings set KEY VALUE, e.g. settings set gateway.first_byte_timeout 120s")
	}
	return withGatewayAccess(ctx, env, func(a *gateway.Access) error {
		s, err := a.SetSetting(ctx, pos[0], pos[1])
		if err == nil {
			fmt.Fprintf(env.Stdout, "%s = %s (used from the gateway's next start)\n", s.Key, s.Value)
		}
		return err
	})
}
