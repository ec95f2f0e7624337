package cli

import (
	"context"
	"io"

	"steward/backend/app"
	"steward/backend/apperr"
	"steward/backend/export"
	"steward/backend/usage"
)

func runUsage(ctx context.Context, env *Env, args []string) error {
	sub := map[string]func(context.Context, *Env, []string) error{
		"report": usageReport, "policy": usagePolicy, "budget": usageBudget, "alerts": usageAlerts,
		"prices": usagePrices, "keys": usageKeys, "reconcile": usageReconcile, "bodies": usageBodies,
	}
	return dispatch("usage", sub, ctx, env, args)
}

func usageReport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("usage report", env.Stderr)
	var o usage.ReportOptions
	fs.StringVar(&o.Since, "since", "", "first day, YYYY-MM-DD (default: 30 days ago)")
	fs.StringVar(&o.Until, "until", "", "last day, YYYY-MM-DD, inclusive (default: today)")
	fs.StringVar(&o.By, "by", "day", "day, member, model, endpoint, key, source or provider")
	fs.StringVar(&o.Format, "format", "table", "table, csv, json, html or pdf (pdf: give --out FILE)")
	fs.StringVar(&o.Out, "out", "", "write the report to FILE")
	fs.StringVar(&o.Lang, "lang", "en", "en or zh-CN, for the table, HTML and PDF reports")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		req := app.ReportRequest{Since: o.Since, Until: o.Until, By: o.By}
		write := func(w io.Writer) error { return svc.Exports.UsageReport(ctx, w, req, o.Format, o.Lang) }
		if o.Out == "" || o.Out == "-" {
			return write(env.Stdout)
		}
		if err := export.WriteFile(o.Out, write); err != nil && apperr.CodeOf(err) == apperr.Internal {
			return apperr.Wrap(err, apperr.ExportFailed, "usage.report", "path", o.Out)
		} else if err != nil {
			return err
		}
		return nil
	})
}
