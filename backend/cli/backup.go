package cli

import (
	"context"
	"fmt"

	"steward/backend/app"
)

func runBackup(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("backup", env.Stderr)
	fs.Usage = func() { fmt.Fprintln(env.Stderr, "usage: steward backup FILE") }
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("give the file to write: steward backup FILE")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		info, err := svc.Data.Info(ctx)
		if err != nil {
			return err
		}
		if _, err := svc.Data.Backup(ctx, pos[0]); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Backed up %s to %s\n", info.DatabasePath, pos[0])
		return nil
	})
}
