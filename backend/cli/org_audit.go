package cli

import (
	"context"
	"fmt"
	"text/tabwriter"

	"steward/backend/app"
	"steward/backend/org"
)

// orgAudit imports the audit log when connected, then prints the stored
// timeline, newest first.
func orgAudit(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("org audit", env.Stderr)
	since := fs.String("since", "", "only events from this date (YYYY-MM-DD) or time (RFC 3339)")
	typ := fs.String("type", "", "only events of this type, e.g. api_key.created, or a family such as api_key")
	format := fs.String("format", "text", "text or json")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usageErr("--format must be text or json")
	}
	if *since != "" {
		if _, err := app.ParseWhen(*since); err != nil {
			return usageErr("--since %q is not a date (YYYY-MM-DD) or an RFC 3339 time", *since)
		}
	}
	return withOrg(ctx, env, func(o *app.Org) error {
		var imp *org.AuditImport
		if c, err := o.Connection(ctx); err == nil && c.Connected {
			res, err := o.ImportAudit(ctx)
			if err != nil {
				return err
			}
			imp = &res
		}
		evs, err := o.Audit(ctx, *since, *typ, 0)
		if err != nil {
			return err
		}
		if *format == "json" {
			return writeJSON(env.Stdout, map[string]any{"events": evs, "logging_off": imp != nil && imp.LoggingOff})
		}
		if imp != nil {
			printAuditImport(env, *imp)
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "TIME\tTYPE\tPROJECT\tACTOR\tMEMBER\tOBJECT\tLABEL")
		for _, e := range evs {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.EffectiveAt.Format("2006-01-02 15:04:05Z"), e.Type,
				dash(e.ProjectID), dash(e.Actor), dash(e.Member), dash(e.ObjectID), dash(e.Label))
		}
		return tw.Flush()
	})
}
