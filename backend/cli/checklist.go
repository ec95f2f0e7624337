package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"steward/backend/app"
	"steward/backend/checklist"
	"steward/backend/export"
)

func runChecklist(ctx context.Context, env *Env, args []string) error {
	sub := map[string]func(context.Context, *Env, []string) error{
		"list": checklistList, "set": checklistSet, "export": checklistExport, "import": checklistImport,
		"workspaces": checklistWorkspaces, "evidence": checklistEvidence, "reviewed": checklistReviewed,
	}
	return dispatch("checklist", sub, ctx, env, args)
}

func checklistList(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("checklist list", env.Stderr)
	ws := fs.String("workspace", "", "the workspace whose answers to show (default: the catalogue only)")
	lang := fs.String("lang", "en", "language of the titles: en or zh-CN")
	format := fs.String("format", "table", "table or json")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *format != "table" && *format != "json" {
		return usageErr("--format must be table or json")
	}
	svc, err := open(ctx, env)
	if err != nil {
		return err
	}
	defer svc.Close()
	if *ws == "" {
		cat, err := svc.Checklist.Catalogue(ctx)
		if err != nil {
			return err
		}
		return listCatalogue(env.Stdout, cat, *lang, *format)
	}
	items, err := svc.Checklist.Items(ctx, *ws)
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(env.Stdout, items)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATUS\tOWNER\tDUE\tTITLE")
	for _, it := range items {
		due := it.Due
		if it.Overdue {
			due += "!"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", it.ID, it.Status, dash(it.Owner), dash(due), it.Title.In(*lang))
	}
	return tw.Flush()
}

func listCatalogue(w io.Writer, c checklist.CatalogueInfo, lang, format string) error {
	if format == "json" {
		return writeJSON(w, c)
	}
	fmt.Fprintf(w, "Catalogue %s (%s), %d items\n", c.Version, c.Date, len(c.Items))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSECTION\tTITLE")
	for _, it := range c.Items {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", it.ID, it.Section, it.Title.In(lang))
	}
	return tw.Flush()
}

func checklistSet(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("checklist set", env.Stderr)
	ws := fs.String("workspace", "", "the workspace (created if missing)")
	status := fs.String("status", "", "todo, in_progress, done, not_applicable or at_risk")
	note := fs.String("note", "", "notes for the item")
	owner := fs.String("owner", "", "who owns the item")
	due := fs.String("due", "", "due date, YYYY-MM-DD")
	reason := fs.String("reason", "", "why the item does not apply (needed for not_applicable)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *ws == "" {
		return usageErr("usage: steward checklist set ITEM --workspace NAME [--status STATUS] [--note TEXT] [--owner NAME] [--due DATE] [--reason TEXT]")
	}
	var c checklist.Change
	given := map[string]*string{"status": status, "note": note, "owner": owner, "due": due, "reason": reason}
	for name, field := range map[string]**string{"status": &c.Status, "note": &c.Notes, "owner": &c.Owner, "due": &c.Due, "reason": &c.Reason} {
		if flagSet(fs, name) {
			*field = given[name]
		}
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		it, err := svc.Checklist.SetItem(ctx, *ws, pos[0], c)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%s: %s%s\n", it.ID, it.Status, ownerSuffix(it.Owner))
		return nil
	})
}

func checklistExport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("checklist export", env.Stderr)
	ws := fs.String("workspace", "", "the workspace to export")
	format := fs.String("format", "md", "md, csv, json, html or pdf")
	lang := fs.String("lang", "en", "en or zh-CN")
	out := fs.String("out", "", "the file to write (- for standard output)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *ws == "" || *out == "" {
		return usageErr("usage: steward checklist export --workspace NAME --format md|csv|json|html|pdf --lang en|zh-CN --out FILE")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		return writeOut(env, *out, func(w io.Writer) error {
			return svc.Exports.Checklist(ctx, w, *ws, *format, *lang)
		})
	})
}

func checklistImport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("checklist import", env.Stderr)
	ws := fs.String("workspace", "", "the workspace to restore into (created if missing)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *ws == "" {
		return usageErr("usage: steward checklist import FILE --workspace NAME")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		res, err := svc.Checklist.Import(ctx, pos[0], *ws)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Imported %d items into %q: %d changed, %d evidence added\n", res.Items, res.Workspace, res.Changed, res.EvidenceAdded)
		return nil
	})
}

// writeOut writes with write to standard output (out "-") or to the file
// out, saying so.
func writeOut(env *Env, out string, write func(io.Writer) error) error {
	if out == "-" {
		return write(env.Stdout)
	}
	if err := export.WriteFile(out, write); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Wrote %s\n", out)
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func dash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}

func ownerSuffix(owner string) string {
	if owner == "" {
		return ""
	}
	return " (owner " + owner + ")"
}
