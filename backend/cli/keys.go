package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"steward/backend/app"
	"steward/backend/keys"
)

func runKeys(ctx context.Context, env *Env, args []string) error {
	sub := map[string]func(context.Context, *Env, []string) error{
		"add": keysAdd, "list": keysList, "verify": keysVerify, "rotate": keysRotate,
		"remove": keysRemove, "findings": keysFindings, "vault": keysVault,
		"edit": keysEdit, "mark": keysMark, "places": keysPlaces, "events": keysEvents,
	}
	return dispatch("keys", sub, ctx, env, args)
}

func keysAdd(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("keys add", env.Stderr)
	member := fs.String("member", "", "the member who holds the key")
	label := fs.String("label", "", "a short name for the key, unique")
	envName := fs.String("env", keys.EnvDev, "dev, staging or prod")
	notes := fs.String("notes", "", "notes")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *member == "" || *label == "" {
		return usageErr("usage: steward keys add --member NAME --label LABEL [--env dev|staging|prod] (the key is read from standard input)")
	}
	secret, err := readSecret(env, "Paste the API key (input hidden): ", noKeyOnStdin)
	if err != nil {
		return err
	}
	return withRegister(ctx, env, func(reg *app.Keys) error {
		k, err := reg.AddKey(ctx, keys.KeyInput{Label: *label, Member: *member, Environment: *envName, Notes: *notes}, secret)
		if err == nil {
			fmt.Fprintf(env.Stdout, "Added %s (%s, %s) for %s\n", k.Label, k.Redacted, k.Kind, k.Member)
		}
		return err
	})
}

func keysList(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("keys list", env.Stderr)
	format := fs.String("format", "table", "table or json")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *format != "table" && *format != "json" {
		return usageErr("--format must be table or json")
	}
	return withRegister(ctx, env, func(reg *app.Keys) error {
		ks, err := reg.Keys(ctx)
		if err != nil {
			return err
		}
		if *format == "json" {
			return writeJSON(env.Stdout, ks)
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "LABEL\tMEMBER\tENV\tKIND\tKEY\tSTATUS\tCREATED\tLAST VERIFIED")
		for _, k := range ks {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", k.Label, k.Member, k.Environment, k.Kind, k.Redacted,
				k.Status, day(k.CreatedAt), dash(strings.TrimSpace(day(k.VerifiedAt)+" "+k.VerifyResult)))
		}
		return tw.Flush()
	})
}

func keysVerify(ctx context.Context, env *Env, args []string) error {
	return withLabel(ctx, env, "verify", args, func(reg *app.Keys, label string) error {
		k, err := reg.Verify(ctx, label)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%s (%s): %s\n", k.Label, k.Redacted, k.VerifyResult)
		if k.VerifyResult != keys.VerifyValid {
			return errFinding
		}
		return nil
	})
}

func keysRotate(ctx context.Context, env *Env, args []string) error {
	return withLabel(ctx, env, "rotate", args, func(reg *app.Keys, label string) error {
		secret, err := readSecret(env, "Paste the new API key (input hidden): ", noKeyOnStdin)
		if err != nil {
			return err
		}
		k, err := reg.Rotate(ctx, label, secret)
		if err == nil {
			fmt.Fprintf(env.Stdout, "Rotated %s: now %s; the old key is retired and removed from the vault\n", k.Label, k.Redacted)
		}
		return err
	})
}

func keysRemove(ctx context.Context, env *Env, args []string) error {
	return withLabel(ctx, env, "remove", args, func(reg *app.Keys, label string) error {
		k, err := reg.RevokeKey(ctx, label, "removed on the command line")
		if err == nil {
			fmt.Fprintf(env.Stdout, "Removed %s (%s) from the vault and marked it revoked. Also revoke it at platform.openai.com.\n", k.Label, k.Redacted)
		}
		return err
	})
}

func keysFindings(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("keys findings", env.Stderr)
	format := fs.String("format", "text", "text or json")
	lang := fs.String("lang", "en", "en or zh-CN")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		findings, err := svc.Org.Findings(ctx) // the register's and, once connected, the organization's
		if err != nil {
			return err
		}
		if *format == "json" {
			err = writeJSON(env.Stdout, findings)
		} else {
			for _, f := range findings {
				fmt.Fprintf(env.Stdout, "[%s] %s\n  %s\n  %s\n", f.Severity, f.Title.In(*lang), f.Why.In(*lang), f.Fix.In(*lang))
			}
			if len(findings) == 0 {
				fmt.Fprintln(env.Stdout, "No key hygiene findings.")
			}
		}
		if err == nil && len(findings) > 0 {
			return errFinding
		}
		return err
	})
}

// keysVault shows or switches the vault: the OS keychain, or the opt-in
// encrypted file. Switching moves the current keys' secrets across.
func keysVault(ctx context.Context, env *Env, args []string) error {
	if len(args) > 1 || (len(args) == 1 && args[0] != keys.VaultKeychain && args[0] != keys.VaultFile) {
		return usageErr("usage: steward keys vault [keychain|file]")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		st, err := svc.Keys.VaultStatus(ctx)
		if err != nil {
			return err
		}
		if len(args) == 0 {
			fmt.Fprintf(env.Stdout, "Keys are kept in the %s vault.\n", st.Kind)
			return nil
		}
		if args[0] == st.Kind {
			fmt.Fprintf(env.Stdout, "Keys are already kept in the %s vault.\n", st.Kind)
			return nil
		}
		if _, err := svc.Keys.UseVault(ctx, args[0], ""); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Keys are now kept in the %s vault.\n", args[0])
		return nil
	})
}

// withLabel parses "COMMAND LABEL" and runs fn with the register.
func withLabel(ctx context.Context, env *Env, name string, args []string, fn func(*app.Keys, string) error) error {
	fs := newFlags("keys "+name, env.Stderr)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("usage: steward keys %s LABEL", name)
	}
	return withRegister(ctx, env, func(reg *app.Keys) error { return fn(reg, pos[0]) })
}

// day keeps the date of an RFC 3339 stamp.
func day(stamp string) string {
	if len(stamp) >= 10 {
		return stamp[:10]
	}
	return stamp
}
