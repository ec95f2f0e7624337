package cli

import (
	"context"
	"fmt"
	"text/tabwriter"

	"steward/backend/app"
	"steward/backend/apperr"
	"steward/backend/keys"
)

func runMembers(ctx context.Context, env *Env, args []string) error {
	sub := map[string]func(context.Context, *Env, []string) error{
		"add": membersAdd, "list": membersList, "remove": membersRemove, "token": membersToken,
		"tokens": membersTokens, "policy": membersPolicy, "edit": membersEdit,
	}
	return dispatch("members", sub, ctx, env, args)
}

func membersAdd(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("members add", env.Stderr)
	email := fs.String("email", "", "the member's email")
	role := fs.String("role", "", "the member's role, e.g. engineer")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("usage: steward members add NAME [--email E] [--role R]")
	}
	return withRegister(ctx, env, func(reg *app.Keys) error {
		m, err := reg.AddMember(ctx, keys.MemberInput{Name: pos[0], Email: *email, Role: *role})
		if err == nil {
			fmt.Fprintf(env.Stdout, "Added member %s\n", m.Name)
		}
		return err
	})
}

func membersList(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("members list", env.Stderr)
	format := fs.String("format", "table", "table or json")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	return withRegister(ctx, env, func(reg *app.Keys) error {
		ms, err := reg.Members(ctx)
		if err != nil || *format == "json" {
			if err == nil {
				err = writeJSON(env.Stdout, ms)
			}
			return err
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tEMAIL\tROLE\tKEYS")
		for _, m := range ms {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\n", m.Name, dash(m.Email), dash(m.Role), m.ActiveKeys)
		}
		return tw.Flush()
	})
}

func membersRemove(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("members remove", env.Stderr)
	revoke := fs.Bool("revoke", false, "revoke the member's current keys")
	to := fs.String("reassign", "", "hand the member's current keys to this member")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || (*revoke && *to != "") {
		return usageErr("usage: steward members remove NAME [--revoke | --reassign MEMBER]")
	}
	d := keys.Decision{}
	switch {
	case *revoke:
		d.Action = keys.DecisionRevoke
	case *to != "":
		d = keys.Decision{Action: keys.DecisionReassign, To: *to}
	}
	return withRegister(ctx, env, func(reg *app.Keys) error {
		if err := reg.RemoveMember(ctx, pos[0], d); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Removed member %s\n", pos[0])
		return nil
	})
}

// withRegister opens the services for fn, which uses the key register.
func withRegister(ctx context.Context, env *Env, fn func(reg *app.Keys) error) error {
	return withServices(ctx, env, func(svc *app.Services) error { return fn(svc.Keys) })
}

// dispatch runs the named subcommand of a command.
func dispatch(name string, sub map[string]func(context.Context, *Env, []string) error, ctx context.Context, env *Env, args []string) error {
	names := sortedKeys(sub)
	if len(args) == 0 {
		return usageErr("give a subcommand: %s", names)
	}
	run, ok := sub[args[0]]
	if !ok {
		return usageErr("unknown subcommand %q; use %s", args[0], names)
	}
	return run(ctx, env, args[1:])
}

// membersToken creates a member's gateway token and shows it once, or
// with --revoke withdraws every token the member holds.
func membersToken(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("members token", env.Stderr)
	revoke := fs.Bool("revoke", false, "withdraw the member's tokens instead of creating one")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("usage: steward members token NAME [--revoke]")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		if *revoke {
			return revokeTokens(ctx, env, svc, pos[0])
		}
		token, err := svc.Gateway.CreateToken(ctx, pos[0])
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stderr, "A gateway token for %s. It is shown once; Steward keeps only its hash.\n", pos[0])
		fmt.Fprintln(env.Stdout, token)
		return nil
	})
}

// revokeTokens withdraws every active token of member.
func revokeTokens(ctx context.Context, env *Env, svc *app.Services, member string) error {
	toks, err := svc.Gateway.Tokens(ctx)
	if err != nil {
		return err
	}
	n := 0
	for _, t := range toks {
		if t.Member == member && t.Active {
			if err := svc.Gateway.RevokeToken(ctx, t.ID); err != nil {
				return err
			}
			n++
		}
	}
	if n == 0 {
		return apperr.New(apperr.NotFound, "cli.members_token", "what", "An active gateway token of "+member)
	}
	fmt.Fprintf(env.Stdout, "Revoked %d gateway token(s) of %s\n", n, member)
	return nil
}

// membersTokens lists the gateway tokens (never the tokens themselves).
func membersTokens(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("members tokens", env.Stderr)
	format := fs.String("format", "table", "table or json")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		toks, err := svc.Gateway.Tokens(ctx)
		if err != nil || *format == "json" {
			if err == nil {
				err = writeJSON(env.Stdout, toks)
			}
			return err
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tMEMBER\tTOKEN\tCREATED\tLAST USED\tACTIVE")
		for _, t := range toks {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%v\n", t.ID, dash(t.Member), t.Prefix, day(t.CreatedAt), dash(day(t.LastUsedAt)), t.Active)
		}
		return tw.Flush()
	})
}

// membersEdit changes a member's name, email or role.
func membersEdit(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("members edit", env.Stderr)
	name := fs.String("name", "", "the new name")
	email := fs.String("email", "", "the new email")
	role := fs.String("role", "", "the new role")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || fs.NFlag() == 0 {
		return usageErr("usage: steward members edit NAME [--name NEW] [--email E] [--role R]")
	}
	return withRegister(ctx, env, func(reg *app.Keys) error {
		ms, err := reg.Members(ctx)
		if err != nil {
			return err
		}
		in := keys.MemberInput{Name: pos[0]}
		for _, m := range ms {
			if m.Name == pos[0] {
				in = keys.MemberInput{Name: m.Name, Email: m.Email, Role: m.Role}
			}
		}
		for flagName, dst := range map[string]*string{"name": &in.Name, "email": &in.Email, "role": &in.Role} {
			if flagSet(fs, flagName) {
				*dst = map[string]string{"name": *name, "email": *email, "role": *role}[flagName]
			}
		}
		m, err := reg.EditMember(ctx, pos[0], in)
		if err == nil {
			fmt.Fprintf(env.Stdout, "Member %s: %s, %s\n", m.Name, dash(m.Email), dash(m.Role))
		}
		return err
	})
}
