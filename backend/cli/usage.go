package cli

import (
	"context"

	"steward/backend/usage"
)

func runUsage(ctx context.Context, env *Env, args []string) error {
	sub := map[string]func(context.Context, *Env, []string) error{"report": usageReport}
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
	svc, err := open(ctx, env)
	if err != nil {
		return err
	}
	defer svc.Close()
	u, _ := svc.usageLog()
	return u.RunReport(ctx, o, env.Stdout)
}
