package cli

import (
	"context"
	"fmt"
	"strings"

	"steward/backend/checks"
)

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// checksScope shows or sets what a workspace calls its own.
func checksScope(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("checks scope", env.Stderr)
	ws := fs.String("workspace", "", "the workspace")
	var folders, suites, members, regions stringList
	fs.Var(&folders, "folder", "a folder the workspace owns (repeatable)")
	fs.Var(&suites, "suite", "a moderation suite the workspace owns (repeatable)")
	fs.Var(&members, "member", "a member who works on the workspace (repeatable)")
	fs.Var(&regions, "region", "where its users are: eu, uk, california, china, elsewhere (repeatable)")
	clear := fs.Bool("clear", false, "forget the workspace's scope")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *ws == "" {
		return usageErr("usage: steward checks scope --workspace NAME [--folder DIR]... [--suite NAME]... [--member NAME]... [--region R]... [--clear]")
	}
	svc, err := open(ctx, env)
	if err != nil {
		return err
	}
	defer svc.Close()
	cs := svc.Checks
	sc, err := cs.Scope(ctx, *ws)
	if err != nil {
		return err
	}
	if *clear || len(folders)+len(suites)+len(members)+len(regions) > 0 {
		if sc, err = cs.SetScope(ctx, *ws, checks.Scope{Folders: folders, Suites: suites, Members: members, Regions: regions}); err != nil {
			return err
		}
	}
	for _, row := range [][2]string{{"folders", strings.Join(sc.Folders, ", ")}, {"suites", strings.Join(sc.Suites, ", ")},
		{"members", strings.Join(sc.Members, ", ")}, {"regions", strings.Join(sc.Regions, ", ")}} {
		fmt.Fprintf(env.Stdout, "%-8s %s\n", row[0], dash(row[1]))
	}
	return nil
}

// checksAuto opts a workspace in or out of passing checks completing items.
func checksAuto(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("checks auto-complete", env.Stderr)
	ws := fs.String("workspace", "", "the workspace")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *ws == "" || len(pos) != 1 || (pos[0] != "on" && pos[0] != "off") {
		return usageErr("usage: steward checks auto-complete --workspace NAME on|off")
	}
	svc, err := open(ctx, env)
	if err != nil {
		return err
	}
	defer svc.Close()
	if _, err := svc.Checks.SetAutoComplete(ctx, *ws, pos[0] == "on"); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Passing checks %s complete items in %q.\n", map[bool]string{true: "now", false: "no longer"}[pos[0] == "on"], *ws)
	return nil
}

// checksOverride sets an item's status against its check, with a note.
func checksOverride(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("checks override", env.Stderr)
	ws := fs.String("workspace", "", "the workspace")
	status := fs.String("status", "", "the status to set: todo, in_progress, done, at_risk")
	note := fs.String("note", "", "why the check is wrong here (kept in the audit trail)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *ws == "" || len(pos) != 1 || *status == "" || strings.TrimSpace(*note) == "" {
		return usageErr("usage: steward checks override ITEM --workspace NAME --status STATUS --note TEXT")
	}
	svc, err := open(ctx, env)
	if err != nil {
		return err
	}
	defer svc.Close()
	it, err := svc.Checks.Override(ctx, *ws, pos[0], *status, *note)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s is now %s; the check's result no longer changes it until that result changes.\n", it.ID, it.Status)
	return nil
}
