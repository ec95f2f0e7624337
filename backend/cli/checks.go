package cli

import (
	"context"
	"fmt"
	"strings"

	"steward/backend/checklist"
	"steward/backend/checks"
)

func runChecks(ctx context.Context, env *Env, args []string) error {
	subs := map[string]func(context.Context, *Env, []string) error{"list": checksList, "run": checksRun,
		"scope": checksScope, "auto-complete": checksAuto, "override": checksOverride}
	if len(args) == 0 {
		return usageErr("give a subcommand: %s", sortedKeys(subs))
	}
	sub, ok := subs[args[0]]
	if !ok {
		return usageErr("unknown subcommand %q; use %s", args[0], sortedKeys(subs))
	}
	return sub(ctx, env, args[1:])
}

// checkLine is one check in `checks list --format json`.
type checkLine struct {
	checks.Info
	Status    string `json:"status,omitempty"`
	CheckedAt string `json:"checked_at,omitempty"`
	Stale     bool   `json:"stale,omitempty"`
}

func checksList(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("checks list", env.Stderr)
	format := fs.String("format", "text", "text or json")
	ws := fs.String("workspace", "", "also show this workspace's last results")
	lang := fs.String("lang", "en", "en or zh-CN")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if err := checkFormatLang(*format, *lang); err != nil {
		return err
	}
	svc, err := open(ctx, env)
	if err != nil {
		return err
	}
	defer svc.Close()
	cs := svc.Checks
	last := map[string]checks.Result{}
	if *ws != "" {
		rs, err := cs.Results(ctx, *ws)
		if err != nil {
			return err
		}
		for _, r := range rs {
			last[r.Item] = r
		}
	}
	lines := []checkLine{}
	infos, err := cs.Checks(ctx)
	if err != nil {
		return err
	}
	for _, info := range infos {
		r := last[info.Item]
		lines = append(lines, checkLine{Info: info, Status: r.Status, CheckedAt: r.CheckedAt, Stale: r.Stale})
	}
	if *format == "json" {
		return writeJSON(env.Stdout, map[string]any{"checks": lines})
	}
	for _, l := range lines {
		state := ""
		if l.Status != "" {
			state = fmt.Sprintf("  [%s %s%s]", l.Status, l.CheckedAt, map[bool]string{true: ", stale"}[l.Stale])
		}
		fmt.Fprintf(env.Stdout, "%-6s %s (%s; fresh for %d days)%s\n", l.Item, l.Title.In(*lang), strings.Join(l.Sources, ", "), l.WindowDays, state)
	}
	return nil
}

// checkOut is one result in `checks run --format json`.
type checkOut struct {
	Item      string         `json:"item"`
	Status    string         `json:"status"`
	Reason    string         `json:"reason"`
	CheckedAt string         `json:"checked_at"`
	Evidence  map[string]any `json:"evidence"`
	Proposed  string         `json:"proposed,omitempty"`
}

func checksRun(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("checks run", env.Stderr)
	ws := fs.String("workspace", "", "record the results on this workspace's items (default: team-wide, recorded nowhere)")
	format := fs.String("format", "text", "text or json")
	lang := fs.String("lang", "en", "en or zh-CN: the language of the reasons")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if err := checkFormatLang(*format, *lang); err != nil {
		return err
	}
	svc, err := open(ctx, env)
	if err != nil {
		return err
	}
	defer svc.Close()
	rs, err := svc.Checks.Run(ctx, *ws)
	if err != nil {
		return err
	}
	out, failed := make([]checkOut, 0, len(rs)), 0
	for _, r := range rs {
		out = append(out, checkOut{Item: r.Item, Status: r.Status, Reason: r.Reason.In(*lang), CheckedAt: r.CheckedAt,
			Evidence: r.Evidence, Proposed: r.Proposed})
		if r.Status == checks.Fail {
			failed++
		}
	}
	if *format == "json" {
		err = writeJSON(env.Stdout, map[string]any{"checks": out})
	} else {
		for _, r := range out {
			fmt.Fprintf(env.Stdout, "%-7s %-6s %s\n", strings.ToUpper(r.Status), r.Item, r.Reason)
		}
		fmt.Fprintf(env.Stdout, "\n%d checks, %d failing.\n", len(out), failed)
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return errFinding
	}
	return nil
}

func checkFormatLang(format, lang string) error {
	if format != "text" && format != "json" {
		return usageErr("--format must be text or json, not %q", format)
	}
	if lang != checklist.LangEn && lang != checklist.LangZh {
		return usageErr("--lang must be en or zh-CN, not %q", lang)
	}
	return nil
}
