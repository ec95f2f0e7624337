package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"syscall"
	"text/tabwriter"

	"steward/backend/app"
	"steward/backend/moderation"
)

// moderationRuns lists runs (of one suite, or all), or deletes one.
func moderationRuns(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("moderation runs", env.Stderr)
	format := fs.String("format", "table", "table or json")
	del := fs.Int64("delete", 0, "delete the run with this id and its results")
	pos, err := parse(fs, args)
	if err != nil || len(pos) > 1 || (*format != "table" && *format != "json") {
		return usageOr(err, "usage: steward moderation runs [SUITE] [--format table|json] [--delete RUN]")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		if *del != 0 {
			if err := svc.Moderation.DeleteRun(ctx, *del); err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "Deleted run %d\n", *del)
			return nil
		}
		var suiteID int64
		if len(pos) == 1 {
			su, err := findSuite(ctx, svc, pos[0])
			if err != nil {
				return err
			}
			suiteID = su.ID
		}
		runs, err := svc.Moderation.ListRuns(ctx, suiteID)
		if err != nil {
			return err
		}
		if *format == "json" {
			return writeJSON(env.Stdout, runs)
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tSUITE\tMODEL\tSTATUS\tDONE\tERRORS\tFLAGGED\tCREATED")
		for _, r := range runs {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d/%d\t%d\t%d\t%s\n", r.ID, r.SuiteName, r.Model, r.Status, r.Done, r.Total, r.Errors, r.Flagged, r.CreatedAt)
		}
		return tw.Flush()
	})
}

// moderationRun sends a run of a suite with the key chosen for Steward's
// own calls (moderation.key), in the foreground; an interrupt pauses it.
func moderationRun(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("moderation run", env.Stderr)
	var o moderation.RunOptions
	fs.StringVar(&o.Model, "model", "", "the moderation model (default omni-moderation-latest)")
	fs.IntVar(&o.BatchSize, "batch", 0, "prompts per request (default 32)")
	fs.IntVar(&o.Concurrency, "concurrency", 0, "requests in flight at once (default 2)")
	fs.IntVar(&o.RPM, "rpm", 0, "requests per minute to stay under; 0 for none")
	fs.IntVar(&o.TPM, "tpm", 0, "tokens per minute to stay under; 0 for none")
	pos, err := parse(fs, args)
	if err != nil || len(pos) != 1 || o.BatchSize < 0 || o.Concurrency < 0 || o.RPM < 0 || o.TPM < 0 {
		return usageOr(err, "usage: steward moderation run SUITE [--model M] [--batch N] [--concurrency N] [--rpm N] [--tpm N]")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		su, err := findSuite(ctx, svc, pos[0])
		if err != nil {
			return err
		}
		if label, err := svc.Moderation.ModerationKey(ctx); err != nil || label == "" {
			return usageOr(err, "no key is chosen for Steward's own calls: add one (steward keys add) and choose it with steward settings set moderation.key LABEL")
		}
		run, err := svc.Moderation.CreateRun(ctx, su.ID, o)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stderr, "Run %d of %q: %d prompts with %s\n", run.ID, su.Name, run.Total, run.Model)
		return sendRun(ctx, env, svc, run.ID)
	})
}

// moderationResume sends what a paused, cancelled, failed or interrupted
// run is missing; what was answered is kept and not sent again.
func moderationResume(ctx context.Context, env *Env, args []string) error {
	return withRun(ctx, env, "resume", args, func(svc *app.Services, id int64) error {
		return sendRun(ctx, env, svc, id)
	})
}

// moderationCancel marks a run cancelled; what was answered is kept.
func moderationCancel(ctx context.Context, env *Env, args []string) error {
	return withRun(ctx, env, "cancel", args, func(svc *app.Services, id int64) error {
		if err := svc.Moderation.Cancel(ctx, id); err != nil {
			return err
		}
		r, err := svc.Moderation.Run(ctx, id)
		if err == nil {
			fmt.Fprintf(env.Stdout, "Run %d is %s: %d of %d answered; steward moderation resume %d finishes it\n", id, r.Status, r.Done, r.Total, id)
		}
		return err
	})
}

// withRun parses "RUN" and calls fn with the run's id inside the services.
func withRun(ctx context.Context, env *Env, name string, args []string, fn func(*app.Services, int64) error) error {
	fs := newFlags("moderation "+name, env.Stderr)
	pos, err := parse(fs, args)
	if err != nil || len(pos) != 1 {
		return usageOr(err, "usage: steward moderation "+name+" RUN")
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || id <= 0 {
		return usageErr("a run's ID is a number (see steward moderation runs), not %q", pos[0])
	}
	return withServices(ctx, env, func(svc *app.Services) error { return fn(svc, id) })
}

// sendRun sends run id until it stops and prints how it ended. An
// interrupt (ctx ending) pauses the run. It returns errFinding when some
// prompts could not be moderated or the run did not finish.
func sendRun(ctx context.Context, env *Env, svc *app.Services, id int64) error {
	ctx, unhook := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer unhook()
	stop := context.AfterFunc(ctx, func() { svc.Moderation.Pause(context.Background(), id) })
	defer stop()
	r, err := svc.Moderation.Resume(ctx, id)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Run %d %s: %d prompts, %d answered, %d flagged, %d errors\n", r.ID, r.Status, r.Total, r.Done, r.Flagged, r.Errors)
	if r.Status != moderation.RunCompleted || r.Errors > 0 {
		fmt.Fprintf(env.Stderr, "%d prompts are not answered yet; steward moderation resume %d sends them\n", r.Pending()+r.Errors, r.ID)
		return errFinding
	}
	return nil
}

// moderationExport writes a run's report.
func moderationExport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("moderation export", env.Stderr)
	format := fs.String("format", "json", "json, csv, html or pdf")
	lang := fs.String("lang", "en", "en or zh-CN, for the HTML and PDF reports")
	out := fs.String("out", "", "the file to write (- for standard output)")
	pos, err := parse(fs, args)
	if err != nil || len(pos) != 1 || *out == "" || !slices.Contains(moderation.ReportFormats(), *format) || (*lang != "en" && *lang != "zh-CN") {
		return usageOr(err, "usage: steward moderation export RUN --format json|csv|html|pdf [--lang en|zh-CN] --out FILE|-")
	}
	return withRun(ctx, env, "export", pos, func(svc *app.Services, id int64) error {
		write := func(w io.Writer) error { return svc.Exports.ModerationRun(ctx, w, id, *format, *lang) }
		return writeOut(env, *out, write)
	})
}
