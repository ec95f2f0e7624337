package cli

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"steward/backend/app"
	"steward/backend/apperr"
	"steward/backend/moderation"
)

// runModeration edits the moderation tester's suites and runs, as the
// Moderation screen does; `steward moderate` runs a prompt file end to end.
func runModeration(ctx context.Context, env *Env, args []string) error {
	sub := map[string]func(context.Context, *Env, []string) error{
		"suites": moderationSuites, "suite": moderationSuite, "prompts": moderationPrompts, "prompt": moderationPrompt,
		"thresholds": moderationThresholds, "runs": moderationRuns, "run": moderationRun, "resume": moderationResume,
		"cancel": moderationCancel, "export": moderationExport,
	}
	return dispatch("moderation", sub, ctx, env, args)
}

// findSuite finds a suite by its name, or by its id when no suite has
// that name.
func findSuite(ctx context.Context, svc *app.Services, ref string) (moderation.Suite, error) {
	su, err := svc.Moderation.SuiteByName(ctx, ref)
	if err == nil || !apperr.Is(err, moderation.CodeSuiteUnknown) {
		return su, err
	}
	if id, perr := strconv.ParseInt(ref, 10, 64); perr == nil {
		if byID, err := svc.Moderation.Suite(ctx, id); err == nil {
			return byID, nil
		}
	}
	return su, err
}

// moderationSuites lists the suites.
func moderationSuites(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("moderation suites", env.Stderr)
	format := fs.String("format", "table", "table or json")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 || (*format != "table" && *format != "json") {
		return usageOr(err, "usage: steward moderation suites [--format table|json]")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		suites, err := svc.Moderation.ListSuites(ctx)
		if err != nil {
			return err
		}
		if *format == "json" {
			return writeJSON(env.Stdout, suites)
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tPROMPTS\tLABELLED\tTHRESHOLDS\tUPDATED")
		for _, s := range suites {
			fmt.Fprintf(tw, "%d\t%s\t%d\t%d\t%d\t%s\n", s.ID, s.Name, s.ItemCount, s.Labelled, len(s.Thresholds), s.UpdatedAt)
		}
		return tw.Flush()
	})
}

// moderationSuite creates, renames, deletes, imports into and exports a suite.
func moderationSuite(ctx context.Context, env *Env, args []string) error {
	sub := map[string]func(context.Context, *Env, []string) error{
		"create": suiteCreate, "rename": suiteRename, "delete": suiteDelete, "import": suiteImport,
		"columns": suiteColumns, "export": suiteExport,
	}
	return dispatch("moderation suite", sub, ctx, env, args)
}

func suiteCreate(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("moderation suite create", env.Stderr)
	starter := fs.Bool("starter", false, "create the shipped starter suite instead (no NAME)")
	pos, err := parse(fs, args)
	if err != nil || (len(pos) != 1 && !*starter) || (len(pos) != 0 && *starter) {
		return usageOr(err, "usage: steward moderation suite create NAME, or steward moderation suite create --starter")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		var su moderation.Suite
		if *starter {
			su, err = svc.Moderation.CreateStarterSuite(ctx)
		} else {
			su, err = svc.Moderation.CreateSuite(ctx, pos[0])
		}
		if err == nil {
			fmt.Fprintf(env.Stdout, "Created suite %d %q with %d prompts\n", su.ID, su.Name, su.ItemCount)
		}
		return err
	})
}

func suiteRename(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("moderation suite rename", env.Stderr)
	pos, err := parse(fs, args)
	if err != nil || len(pos) != 2 {
		return usageOr(err, "usage: steward moderation suite rename SUITE NEW_NAME")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		su, err := findSuite(ctx, svc, pos[0])
		if err != nil {
			return err
		}
		if su, err = svc.Moderation.RenameSuite(ctx, su.ID, pos[1]); err == nil {
			fmt.Fprintf(env.Stdout, "Renamed suite %d to %q\n", su.ID, su.Name)
		}
		return err
	})
}

func suiteDelete(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("moderation suite delete", env.Stderr)
	pos, err := parse(fs, args)
	if err != nil || len(pos) != 1 {
		return usageOr(err, "usage: steward moderation suite delete SUITE")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		su, err := findSuite(ctx, svc, pos[0])
		if err != nil {
			return err
		}
		runs, err := svc.Moderation.ListRuns(ctx, su.ID)
		if err != nil {
			return err
		}
		if err := svc.Moderation.DeleteSuite(ctx, su.ID); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Deleted suite %q: %d prompts and %d runs\n", su.Name, su.ItemCount, len(runs))
		return nil
	})
}

// suiteImport adds a file's prompts to a suite, or to a new one (--create).
func suiteImport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("moderation suite import", env.Stderr)
	var o moderation.ImportOptions
	fs.StringVar(&o.Format, "format", "", "txt, csv or jsonl (default: from the file name or content)")
	fs.StringVar(&o.Column, "column", "", "the CSV column with the prompt (default: prompt, text or input)")
	fs.StringVar(&o.BaseDir, "base-dir", "", "the folder relative image paths start from (default: the file's)")
	create := fs.Bool("create", false, "create SUITE from the file instead of adding to it")
	pos, err := parse(fs, args)
	if err != nil || len(pos) != 2 {
		return usageOr(err, "usage: steward moderation suite import SUITE FILE [--create] [--format txt|csv|jsonl] [--column NAME] [--base-dir DIR]")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		var res moderation.ImportResult
		if *create {
			res, err = svc.Moderation.ImportNewSuite(ctx, pos[0], pos[1], o)
		} else {
			su, ferr := findSuite(ctx, svc, pos[0])
			if ferr != nil {
				return ferr
			}
			res, err = svc.Moderation.ImportFile(ctx, su.ID, pos[1], o)
		}
		for _, s := range res.Skipped {
			fmt.Fprintf(env.Stderr, "%s, line %d skipped: %s\n", pos[1], s.Line, s.Reason)
		}
		if err == nil {
			fmt.Fprintf(env.Stdout, "Imported %d prompts into suite %d; %d rows skipped\n", res.Imported, res.SuiteID, len(res.Skipped))
		}
		return err
	})
}

// suiteColumns lists a CSV file's columns, to pick --column.
func suiteColumns(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("moderation suite columns", env.Stderr)
	pos, err := parse(fs, args)
	if err != nil || len(pos) != 1 {
		return usageOr(err, "usage: steward moderation suite columns FILE.csv")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		cols, err := svc.Moderation.CSVColumns(ctx, pos[0])
		for _, c := range cols {
			fmt.Fprintln(env.Stdout, c)
		}
		return err
	})
}

// suiteExport writes a suite's prompts as txt, csv or jsonl (.gz to compress).
func suiteExport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("moderation suite export", env.Stderr)
	format := fs.String("format", "jsonl", "txt, csv or jsonl; add .gz to compress")
	out := fs.String("out", "", "the file to write (- for standard output)")
	pos, err := parse(fs, args)
	if err != nil || len(pos) != 1 || *out == "" {
		return usageOr(err, "usage: steward moderation suite export SUITE [--format txt|csv|jsonl[.gz]] --out FILE|-")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		su, err := findSuite(ctx, svc, pos[0])
		if err != nil {
			return err
		}
		write := func(w io.Writer) error { return svc.Exports.ModerationSuite(ctx, w, su.ID, *format) }
		return writeOut(env, *out, write)
	})
}
