package cli

import (
	"context"
	"fmt"
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
	svc, err := open(ctx, env)
	if err != nil {
		return err
	}
	defer svc.Close()
	if err := svc.store.Backup(ctx, pos[0]); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Backed up %s to %s\n", svc.store.Path(), pos[0])
	return nil
}
