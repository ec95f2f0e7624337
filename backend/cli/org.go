package cli

import (
	"context"
	"fmt"
	"text/tabwriter"

	"steward/backend/app"
	"steward/backend/org"
)

func runOrg(ctx context.Context, env *Env, args []string) error {
	sub := map[string]func(context.Context, *Env, []string) error{
		"connect": orgConnect, "disconnect": orgDisconnect, "sync": orgSync, "keys": orgKeys,
		"revoke": orgRevoke, "audit": orgAudit, "settings": orgSettings, "choose": orgChoose,
	}
	return dispatch("org", sub, ctx, env, args)
}

// withOrg opens the data folder through the application layer and runs fn
// with its organization service.
func withOrg(ctx context.Context, env *Env, fn func(*app.Org) error) error {
	return withServices(ctx, env, func(svc *app.Services) error { return fn(svc.Org) })
}

// formatFlag adds --format text|json and checks it after parsing.
func formatFlag(name string, env *Env, args []string) (string, []string, error) {
	fs := newFlags(name, env.Stderr)
	format := fs.String("format", "text", "text or json")
	pos, err := parse(fs, args)
	if err != nil {
		return "", nil, err
	}
	if *format != "text" && *format != "json" {
		return "", nil, usageErr("--format must be text or json")
	}
	return *format, pos, nil
}

func orgConnect(ctx context.Context, env *Env, args []string) error {
	if _, err := parse(newFlags("org connect", env.Stderr), args); err != nil {
		return err
	}
	key, err := readSecret(env, "Paste the organization's admin key (input hidden): ",
		"no admin key on standard input; pipe it in, e.g. printf %s \"$ADMIN_KEY\" | steward org connect")
	if err != nil {
		return err
	}
	return withOrg(ctx, env, func(o *app.Org) error {
		c, err := o.Connect(ctx, key)
		if err == nil {
			fmt.Fprintf(env.Stdout, "Connected to the OpenAI organization with admin key %s (at %s). Run \"steward org sync\" to read it.\n", c.Redacted, c.BaseURL)
		}
		return err
	})
}

func orgDisconnect(ctx context.Context, env *Env, args []string) error {
	if _, err := parse(newFlags("org disconnect", env.Stderr), args); err != nil {
		return err
	}
	return withOrg(ctx, env, func(o *app.Org) error {
		if err := o.Disconnect(ctx); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, "Disconnected: the admin key was deleted from the vault. The last snapshot and audit log stay as history.")
		return nil
	})
}

func orgSync(ctx context.Context, env *Env, args []string) error {
	format, _, err := formatFlag("org sync", env, args)
	if err != nil {
		return err
	}
	return withOrg(ctx, env, func(o *app.Org) error {
		res, err := o.Sync(ctx) // imports the audit log too
		if err != nil {
			return err
		}
		imp := *res.Audit
		res.Audit = nil
		if format == "json" {
			return writeJSON(env.Stdout, map[string]any{"sync": res, "audit": imp})
		}
		fmt.Fprintf(env.Stdout, "Synced at %s: %d projects, %d keys (%d registered, %d unregistered, %d ambiguous), %d service accounts, %d users, %d invites, %d admin keys; %d API calls.\n",
			res.SyncedAt.Format("2006-01-02 15:04:05Z"), res.Projects, res.Keys, res.Registered, res.Unregistered, res.Ambiguous,
			res.ServiceAccounts, res.Users, res.Invites, res.AdminKeys, res.Calls)
		printAuditImport(env, imp)
		return printAmbiguities(ctx, env, o)
	})
}

// printAmbiguities lists local keys that could be several org keys, with
// the command that settles each.
func printAmbiguities(ctx context.Context, env *Env, o *app.Org) error {
	amb, err := o.Ambiguities(ctx)
	if err != nil {
		return err
	}
	for _, a := range amb {
		fmt.Fprintf(env.Stdout, "Key %q could be any of:", a.Label)
		for _, c := range a.Candidates {
			fmt.Fprintf(env.Stdout, " %s (%s)", c.KeyID, c.ProjectID)
		}
		fmt.Fprintf(env.Stdout, ". Pick one: steward org choose %s --key-id ID --project PROJECT\n", a.Label)
	}
	return nil
}

// orgChoose links a local key to one of the org keys it could be.
func orgChoose(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("org choose", env.Stderr)
	keyID := fs.String("key-id", "", "the org key's id")
	project := fs.String("project", "", "the project the key is in")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *keyID == "" || *project == "" {
		return usageErr("usage: steward org choose LABEL --key-id ID --project PROJECT")
	}
	return withOrg(ctx, env, func(o *app.Org) error {
		if err := o.Choose(ctx, pos[0], org.KeyRef{ProjectID: *project, KeyID: *keyID}); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Linked %q to %s in %s.\n", pos[0], *keyID, *project)
		return nil
	})
}

func printAuditImport(env *Env, imp org.AuditImport) {
	if imp.LoggingOff {
		fmt.Fprintln(env.Stdout, "Audit log: "+imp.HowToOn.En)
		return
	}
	fmt.Fprintf(env.Stdout, "Audit log: %d new events imported.\n", imp.New)
}

func orgKeys(ctx context.Context, env *Env, args []string) error {
	format, _, err := formatFlag("org keys", env, args)
	if err != nil {
		return err
	}
	return withOrg(ctx, env, func(o *app.Org) error {
		rows, err := o.Keys(ctx)
		if err != nil {
			return err
		}
		if format == "json" {
			return writeJSON(env.Stdout, map[string]any{"keys": rows})
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "PROJECT\tKEY ID\tNAME\tKEY\tOWNER\tCREATED\tLAST USED\tSTATUS\tLABEL")
		for _, r := range rows {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", dash(r.Project), r.ID, dash(r.Name), r.Redacted, dash(r.Owner),
				dash(day(r.CreatedAt)), dash(day(r.LastUsedAt)), r.Status, dash(r.Label))
		}
		return tw.Flush()
	})
}

func orgSettings(ctx context.Context, env *Env, args []string) error {
	format, _, err := formatFlag("org settings", env, args)
	if err != nil {
		return err
	}
	return withOrg(ctx, env, func(o *app.Org) error {
		snap, err := o.Snapshot(ctx)
		if err != nil {
			return err
		}
		type project struct {
			ID       string              `json:"id"`
			Name     string              `json:"name"`
			Settings org.ProjectSettings `json:"settings"`
		}
		var ps []project
		for _, p := range snap.Projects {
			ps = append(ps, project{p.ID, p.Name, p.Settings})
		}
		if format == "json" {
			return writeJSON(env.Stdout, map[string]any{"synced_at": snap.SyncedAt, "organization": snap.Settings, "projects": ps})
		}
		fmt.Fprintf(env.Stdout, "Organization (snapshot of %s): data retention %s; spend limit %s; %d spend alerts\n",
			snap.SyncedAt.Format("2006-01-02 15:04Z"), dash(snap.Settings.DataRetention), spendText(snap.Settings.SpendLimit), len(snap.Settings.SpendAlerts))
		for _, p := range ps {
			printProjectSettings(env, p.ID, p.Name, p.Settings)
		}
		return nil
	})
}

func spendText(l *org.SpendLimit) string {
	if l == nil {
		return "none"
	}
	return fmt.Sprintf("%d %s per %s (%s)", l.Amount, l.Currency, l.Interval, l.Enforcement)
}

func printProjectSettings(env *Env, id, name string, s org.ProjectSettings) {
	fmt.Fprintf(env.Stdout, "\n%s (%s)\n  data retention: %s\n  models: %s %v\n  hosted tools:", name, id, dash(s.DataRetention), dash(s.ModelMode), s.ModelIDs)
	for _, t := range []string{"file_search", "web_search", "image_generation", "mcp", "code_interpreter"} {
		if on, ok := s.HostedTools[t]; ok {
			fmt.Fprintf(env.Stdout, " %s=%v", t, on)
		}
	}
	fmt.Fprintf(env.Stdout, "\n  spend limit: %s; %d spend alerts\n", spendText(s.SpendLimit), len(s.SpendAlerts))
	for _, r := range s.RateLimits {
		fmt.Fprintf(env.Stdout, "  rate limit %s: %d requests/min, %d tokens/min\n", r.Model, r.RequestsPerMinute, r.TokensPerMinute)
	}
	if len(s.Unavailable) > 0 {
		fmt.Fprintf(env.Stdout, "  not shown by the API: %v\n", s.Unavailable)
	}
}
