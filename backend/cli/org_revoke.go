package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"

	"golang.org/x/term"

	"steward/backend/app"
	"steward/backend/org"
)

// orgRevoke revokes a key in OpenAI: by the label of a local key, or by
// --key-id and --project. It shows exactly what it will call; without --yes
// it asks on a terminal and refuses (exit 2) without one.
func orgRevoke(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("org revoke", env.Stderr)
	keyID := fs.String("key-id", "", "the org key's id (with --project)")
	project := fs.String("project", "", "the project the key is in")
	yes := fs.Bool("yes", false, "revoke without asking")
	dry := fs.Bool("dry-run", false, "print what would be called and stop")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	t := org.RevokeTarget{ProjectID: *project, KeyID: *keyID}
	switch {
	case len(pos) == 1 && *keyID == "" && *project == "":
		t.Label = pos[0]
	case len(pos) == 0 && *keyID != "" && *project != "":
	default:
		return usageErr("usage: steward org revoke LABEL [--yes] [--dry-run], or steward org revoke --key-id ID --project PROJECT [--yes] [--dry-run]")
	}
	return withOrg(ctx, env, func(o *app.Org) error {
		plan, err := o.PlanRevoke(ctx, t)
		if err != nil {
			return err
		}
		printPlan(env, plan)
		if *dry {
			fmt.Fprintf(env.Stdout, "Dry run: would call %s %s. Nothing was changed.\n", plan.Method, plan.Path)
			return nil
		}
		opts := org.RevokeOptions{}
		if *yes {
			opts.ConfirmServiceAccount = plan.ServiceAccountID
		} else if opts, err = confirmRevoke(env, plan); err != nil {
			return err
		}
		res, err := o.Revoke(ctx, t, opts)
		if err != nil {
			return err
		}
		rev := res.Revocation
		what := "Revoked"
		if rev.Status == 404 {
			what = "Already gone (404), recorded as revoked:"
		}
		fmt.Fprintf(env.Stdout, "%s %s in project %s at %s. OpenAI answered: %s\n", what, rev.KeyID, rev.ProjectID, rev.At, rev.Answer)
		if rev.Label != "" {
			fmt.Fprintf(env.Stdout, "The local key %q is now revoked and its secret left the vault.\n", rev.Label)
		}
		return nil
	})
}

// printPlan says which key in which project and what will be called.
func printPlan(env *Env, p org.RevokePlan) {
	name := p.KeyID
	if p.KeyName != "" {
		name = fmt.Sprintf("%s %q", p.KeyID, p.KeyName)
	}
	fmt.Fprintf(env.Stdout, "Key %s %s in project %s (%s), owner %s", name, dash(p.Redacted), dash(p.Project), p.ProjectID, dash(p.Owner))
	if p.Label != "" {
		fmt.Fprintf(env.Stdout, ", local key %q", p.Label)
	}
	fmt.Fprintln(env.Stdout, ".")
	if !p.InSnapshot {
		fmt.Fprintln(env.Stdout, "This key is not in the last snapshot; Steward will ask OpenAI to delete it anyway.")
	}
	if p.ServiceAccountID != "" {
		fmt.Fprintf(env.Stdout, "It belongs to service account %q (%s): revoking it deletes the service account and all its keys.\n", p.ServiceAccountName, p.ServiceAccountID)
	}
	fmt.Fprintf(env.Stdout, "Call: %s %s\n", p.Method, p.Path)
}

// confirmRevoke asks on the terminal; without one it refuses.
func confirmRevoke(env *Env, p org.RevokePlan) (org.RevokeOptions, error) {
	f, ok := env.Stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return org.RevokeOptions{}, usageErr("refusing to revoke without confirmation: no terminal to ask on. Run it again with --yes once you are sure, or --dry-run to see the call.")
	}
	in := bufio.NewReader(f)
	if p.ServiceAccountID != "" {
		fmt.Fprintf(env.Stderr, "Type the service account's name (%s) to delete it: ", p.ServiceAccountName)
		line, _ := in.ReadString('\n')
		if strings.TrimSpace(line) != p.ServiceAccountName {
			return org.RevokeOptions{}, usageErr("the name did not match; nothing was revoked")
		}
		return org.RevokeOptions{ConfirmServiceAccount: p.ServiceAccountID}, nil
	}
	fmt.Fprint(env.Stderr, "Revoke this key in OpenAI? This cannot be undone. [y/N] ")
	line, _ := in.ReadString('\n')
	if a := strings.ToLower(strings.TrimSpace(line)); a != "y" && a != "yes" {
		return org.RevokeOptions{}, usageErr("not confirmed; nothing was revoked")
	}
	return org.RevokeOptions{}, nil
}
