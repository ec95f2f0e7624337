package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"steward/backend/auditbundle"
	"steward/backend/export"
)

func runAudit(ctx context.Context, env *Env, args []string) error {
	subs := map[string]func(context.Context, *Env, []string) error{"bundle": auditBundle, "verify": auditVerify}
	if len(args) == 0 {
		return usageErr("give a subcommand: %s", sortedKeys(subs))
	}
	sub, ok := subs[args[0]]
	if !ok {
		return usageErr("unknown subcommand %q; use %s", args[0], sortedKeys(subs))
	}
	return sub(ctx, env, args[1:])
}

func auditBundle(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("audit bundle", env.Stderr)
	ws := fs.String("workspace", "", "the workspace to bundle")
	out := fs.String("out", "", "the zip file to write")
	lang := fs.String("lang", "en", "en or zh-CN")
	since := fs.String("since", "", "start of the period (YYYY-MM-DD); default 90 days ago")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *ws == "" || *out == "" {
		return usageErr("usage: steward audit bundle --workspace NAME --out FILE.zip [--lang en|zh-CN] [--since YYYY-MM-DD]")
	}
	if err := checkFormatLang("text", *lang); err != nil {
		return err
	}
	var from time.Time
	if *since != "" {
		t, err := time.Parse(time.DateOnly, *since)
		if err != nil {
			return usageErr("--since must be a date such as 2026-01-31, not %q", *since)
		}
		from = t
	}
	svc, err := open(ctx, env)
	if err != nil {
		return err
	}
	defer svc.Close()
	var m auditbundle.Manifest
	err = export.WriteFile(*out, func(w io.Writer) error {
		var err error
		m, err = svc.Exports.AuditBundle(ctx, w, *ws, *lang, from)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Wrote %s: %d files, manifest.json lists their SHA-256.\n", *out, len(m.Files))
	return nil
}

func auditVerify(_ context.Context, env *Env, args []string) error {
	fs := newFlags("audit verify", env.Stderr)
	lang := fs.String("lang", "en", "en or zh-CN")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("usage: steward audit verify FILE.zip")
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return fmt.Errorf("open %s: %w", pos[0], err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("open %s: %w", pos[0], err)
	}
	v, err := auditbundle.Verify(f, info.Size())
	if err != nil {
		return err
	}
	if !v.OK {
		fmt.Fprintf(env.Stdout, "%s does not match its manifest: %s\n", pos[0], v.Problem(*lang))
		return errFinding
	}
	fmt.Fprintf(env.Stdout, "%s: all %d files match the manifest (generated %s by Steward %s).\n",
		pos[0], v.Files, v.Manifest.GeneratedAt, v.Manifest.Version)
	return nil
}
