package cli

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"steward/backend/keys"
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
	q := org.AuditQuery{Type: *typ}
	if *since != "" {
		t, err := parseWhen(*since)
		if err != nil {
			return usageErr("--since %q is not a date (YYYY-MM-DD) or an RFC 3339 time", *since)
		}
		q.Since = t
	}
	return withOrg(ctx, env, func(o *org.Service) error {
		var imp *org.AuditImport
		if c, err := o.Connection(ctx); err == nil && c.Connected {
			res, err := o.ImportAudit(ctx)
			if err != nil {
				return err
			}
			imp = &res
		}
		evs, err := o.Audit(ctx, q)
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

func parseWhen(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}

// allFindings are the register's findings and, once connected, the
// organization's, for steward keys findings.
func allFindings(ctx context.Context, svc *services) ([]keys.Finding, error) {
	o, err := orgService(ctx, svc)
	if err != nil {
		return nil, err
	}
	return o.AllFindings(ctx)
}
