package cli

import (
	"context"
	"fmt"
	"strconv"

	"steward/backend/app"
	"steward/backend/keys"
)

// keysEdit changes a current key's label, environment or notes.
func keysEdit(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("keys edit", env.Stderr)
	label := fs.String("label", "", "the new label")
	envName := fs.String("env", "", "dev, staging or prod")
	notes := fs.String("notes", "", "notes")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || fs.NFlag() == 0 {
		return usageErr("usage: steward keys edit LABEL [--label NEW] [--env dev|staging|prod] [--notes TEXT]")
	}
	var e keys.KeyEdit
	for name, dst := range map[string]**string{"label": &e.Label, "env": &e.Environment, "notes": &e.Notes} {
		if flagSet(fs, name) {
			*dst = map[string]*string{"label": label, "env": envName, "notes": notes}[name]
		}
	}
	return withRegister(ctx, env, func(reg *app.Keys) error {
		k, err := reg.EditKey(ctx, pos[0], e)
		if err == nil {
			fmt.Fprintf(env.Stdout, "%s (%s): %s\n", k.Label, k.Redacted, k.Environment)
		}
		return err
	})
}

// keysMark marks a key as due for rotation (--rotation-due on) or takes the mark off.
func keysMark(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("keys mark", env.Stderr)
	var due onOff
	fs.Var(&due, "rotation-due", "on or off")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || !due.set {
		return usageErr("usage: steward keys mark LABEL --rotation-due on|off")
	}
	return withRegister(ctx, env, func(reg *app.Keys) error {
		k, err := reg.MarkForRotation(ctx, pos[0], due.on)
		if err == nil {
			fmt.Fprintf(env.Stdout, "%s: %s\n", k.Label, k.Status)
		}
		return err
	})
}

// keysPlaces lists where a key is used, adds a place or ticks one off.
func keysPlaces(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("keys places", env.Stderr)
	add := fs.String("add", "", "add a place the key is used, e.g. \"CI secret OPENAI_API_KEY\"")
	tick := fs.String("tick", "", "tick off the place with this id (after updating it on rotation)")
	untick := fs.String("untick", "", "untick the place with this id")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || fs.NFlag() > 1 {
		return usageErr("usage: steward keys places LABEL [--add PLACE | --tick ID | --untick ID]")
	}
	return withRegister(ctx, env, func(reg *app.Keys) error {
		switch {
		case *add != "":
			if _, err := reg.AddPlace(ctx, pos[0], *add); err != nil {
				return err
			}
		case *tick != "" || *untick != "":
			id, err := strconv.ParseInt(*tick+*untick, 10, 64)
			if err != nil {
				return usageErr("give the place's id as a number (see steward keys places %s)", pos[0])
			}
			if _, err := reg.TickPlace(ctx, id, *tick != ""); err != nil {
				return err
			}
		}
		places, err := reg.Places(ctx, pos[0])
		for _, p := range places {
			mark := " "
			if p.DoneAt != "" {
				mark = "x"
			}
			fmt.Fprintf(env.Stdout, "[%s] %d %s\n", mark, p.ID, p.Place)
		}
		return err
	})
}

// keysEvents prints the key event log, for one label or all.
func keysEvents(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("keys events", env.Stderr)
	format := fs.String("format", "table", "table or json")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usageErr("usage: steward keys events [LABEL] [--format table|json]")
	}
	label := ""
	if len(pos) == 1 {
		label = pos[0]
	}
	return withRegister(ctx, env, func(reg *app.Keys) error {
		evs, err := reg.Events(ctx, label)
		if err != nil || *format == "json" {
			if err == nil {
				err = writeJSON(env.Stdout, evs)
			}
			return err
		}
		for _, e := range evs {
			fmt.Fprintf(env.Stdout, "%s\t%s\t%s\t%s\n", e.At, dash(e.Label+e.Member), e.Event, e.Detail)
		}
		return nil
	})
}
