package cli

import (
	"context"
	"fmt"
	"text/tabwriter"

	"steward/backend/app"
)

func runSettings(ctx context.Context, env *Env, args []string) error {
	sub := map[string]func(context.Context, *Env, []string) error{"list": settingsList, "get": settingsGet, "set": settingsSet,
		"team-db": settingsTeamDB}
	return dispatch("settings", sub, ctx, env, args)
}

// settingsList prints every setting the GUI can change, with its value.
func settingsList(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("settings list", env.Stderr)
	format := fs.String("format", "table", "table or json")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *format != "table" && *format != "json" {
		return usageErr("--format must be table or json")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		list, err := svc.Settings.List(ctx)
		if err != nil || *format == "json" {
			if err == nil {
				err = writeJSON(env.Stdout, list)
			}
			return err
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tVALUE\tWHAT IT IS")
		for _, s := range list {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", s.Name, dash(s.Value), s.Description)
		}
		return tw.Flush()
	})
}

// settingsSet changes one setting with the checks its screen applies.
func settingsSet(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("settings set", env.Stderr)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usageErr("usage: steward settings set NAME VALUE (\"\" clears it; see steward settings list)")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		s, err := svc.Settings.Set(ctx, pos[0], pos[1])
		if err == nil {
			fmt.Fprintf(env.Stdout, "%s = %s\n", s.Name, dash(s.Value))
		}
		return err
	})
}

// settingsGet prints one setting's value.
func settingsGet(ctx context.Context, env *Env, args []string) error {
	pos, err := parse(newFlags("settings get", env.Stderr), args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("usage: steward settings get NAME (see steward settings list)")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		list, err := svc.Settings.List(ctx)
		if err != nil {
			return err
		}
		for _, s := range list {
			if s.Name == pos[0] {
				fmt.Fprintln(env.Stdout, s.Value)
				return nil
			}
		}
		return usageErr("there is no setting named %q; see steward settings list", pos[0])
	})
}
