package cli

import (
	"context"
	"fmt"
	"text/tabwriter"

	"steward/backend/app"
)

// usageReconcile compares the organization's usage (the usage API, with the
// admin key chosen in usage.admin_key) with the local log. It exits 1 when
// the organization saw usage the log did not.
func usageReconcile(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("usage reconcile", env.Stderr)
	since := fs.String("since", "", "first day, YYYY-MM-DD (default: 30 days ago)")
	until := fs.String("until", "", "last day, YYYY-MM-DD, inclusive (default: today)")
	format := fs.String("format", "table", "table or json")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 || (*format != "table" && *format != "json") {
		return usageOr(err, "usage: steward usage reconcile [--since DATE] [--until DATE] [--format table|json]")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		rec, err := svc.Usage.Reconcile(ctx, *since, *until)
		if err != nil {
			return err
		}
		if *format == "json" {
			err = writeJSON(env.Stdout, rec)
		} else {
			tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "DAY\tAPI KEY ID\tLOCAL KEY\tMODEL\tAPI REQUESTS\tLOCAL REQUESTS\tAPI TOKENS IN/OUT\tLOCAL TOKENS IN/OUT")
			for _, r := range rec.Rows {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%d/%d\t%d/%d\n", r.Day, r.APIKeyID, dash(r.KeyLabel), r.Model,
					r.APIRequests, r.LocalRequests, r.APIInputTokens, r.APIOutputTokens, r.LocalInputTokens, r.LocalOutputTokens)
			}
			err = tw.Flush()
			fmt.Fprintf(env.Stdout, "%s to %s: %d requests (%d input, %d output tokens) the local log did not see\n",
				rec.Since.Format("2006-01-02"), rec.Until.Format("2006-01-02"), rec.UnseenRequests, rec.UnseenInputTokens, rec.UnseenOutputTokens)
			for _, id := range rec.Unmapped {
				fmt.Fprintf(env.Stdout, "unmapped: %s (map it with steward usage keys --map %s --label LABEL)\n", id, id)
			}
		}
		if err == nil && (rec.UnseenRequests > 0 || len(rec.Unmapped) > 0) {
			return errFinding
		}
		return err
	})
}

// usageBodies lists logged prompt and completion bodies, newest first.
func usageBodies(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("usage bodies", env.Stderr)
	limit := fs.Int("limit", 50, "at most this many")
	days := fs.Int("days", 0, "of the last N days (default: the body retention)")
	format := fs.String("format", "table", "table or json")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 || *limit <= 0 || *days < 0 || (*format != "table" && *format != "json") {
		return usageOr(err, "usage: steward usage bodies [--limit N] [--days N] [--format table|json]")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		pol, err := svc.Usage.Policy(ctx)
		if err != nil {
			return err
		}
		if !pol.BodyLogging.Enabled {
			fmt.Fprintln(env.Stderr, "Body logging is off, so no new bodies are kept (steward usage policy --log-bodies on).")
		}
		if *days == 0 {
			*days = pol.BodyLogging.RetentionDays
		}
		bodies, err := svc.Usage.Bodies(ctx, *days, *limit)
		if err != nil {
			return err
		}
		if *format == "json" {
			return writeJSON(env.Stdout, bodies)
		}
		for _, b := range bodies {
			redacted := ""
			if b.Redacted {
				redacted = " (personal data redacted)"
			}
			fmt.Fprintf(env.Stdout, "#%d %s %s %s %s%s\n  request:  %s\n  response: %s\n", b.EventID, b.Time.Format("2006-01-02 15:04:05"),
				dash(b.Member), b.Endpoint, dash(b.Model), redacted, oneLine(b.Request, 200), oneLine(b.Response, 200))
		}
		if len(bodies) == 0 {
			fmt.Fprintf(env.Stdout, "No bodies logged in the last %d days.\n", max(*days, 1))
		}
		return nil
	})
}
