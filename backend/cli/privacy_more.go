package cli

import (
	"context"
	"fmt"
	"strconv"

	"steward/backend/app"
)

// privacyAnswers prints the saved questionnaire answers (JSON), or saves
// the answers of a file as the GUI's questionnaire does.
func privacyAnswers(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("privacy answers", env.Stderr)
	from := fs.String("from", "", "save the answers in this YAML or JSON file")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 {
		return usageOr(err, "usage: steward privacy answers [--from FILE]")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		if *from == "" {
			a, err := svc.Privacy.Answers(ctx)
			if err == nil {
				err = writeJSON(env.Stdout, a)
			}
			return err
		}
		a, err := loadAnswers(*from)
		if err != nil {
			return err
		}
		res, err := svc.Privacy.SaveAnswers(ctx, a)
		if err == nil {
			fmt.Fprintf(env.Stdout, "Saved the answers of %s; %d required elements missing.\n", *from, res.Missing)
		}
		return err
	})
}

// privacySuggestions lists what the rest of the app suggests for the
// answers; --accept N applies suggestion N.
func privacySuggestions(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("privacy suggestions", env.Stderr)
	accept := fs.Int("accept", 0, "apply the suggestion with this number")
	lang := fs.String("lang", "en", "en or zh-CN")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 || *accept < 0 {
		return usageOr(err, "usage: steward privacy suggestions [--accept N] [--lang en|zh-CN]")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		sgs, err := svc.Privacy.Suggestions(ctx)
		if err != nil {
			return err
		}
		if *accept > 0 {
			if *accept > len(sgs) {
				return usageErr("there are %d suggestions; --accept takes 1 to %d", len(sgs), len(sgs))
			}
			if _, err := svc.Privacy.Accept(ctx, sgs[*accept-1]); err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "Accepted: %s\n", sgs[*accept-1].Field)
			return nil
		}
		for i, s := range sgs {
			fmt.Fprintf(env.Stdout, "%d\t%s = %v\t(%s)\n", i+1, s.Field, s.Value, s.Source.In(*lang))
		}
		return nil
	})
}

// privacyDrafts lists the saved draft versions, prints one (--show ID), or
// keeps the current draft as a new version (--save LANG).
func privacyDrafts(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("privacy drafts", env.Stderr)
	show := fs.String("show", "", "print the Markdown of the version with this id")
	save := fs.String("save", "", "keep the saved answers' draft in this language (en or zh-CN) as a new version")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 || fs.NFlag() > 1 {
		return usageOr(err, "usage: steward privacy drafts [--show ID | --save en|zh-CN]")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		switch {
		case *show != "":
			id, err := strconv.ParseInt(*show, 10, 64)
			if err != nil {
				return usageErr("--show takes a version's id, a number")
			}
			d, err := svc.Privacy.Draft(ctx, id)
			if err == nil {
				fmt.Fprint(env.Stdout, d.Markdown)
			}
			return err
		case *save != "":
			d, err := svc.Privacy.SaveDraft(ctx, *save)
			if err == nil {
				fmt.Fprintf(env.Stdout, "Kept version %d (%s)\n", d.ID, d.Lang)
			}
			return err
		}
		ds, err := svc.Privacy.Drafts(ctx)
		for _, d := range ds {
			fmt.Fprintf(env.Stdout, "%d\t%s\t%s\t%d missing\n", d.ID, d.CreatedAt, d.Lang, d.Missing)
		}
		return err
	})
}
