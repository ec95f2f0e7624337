package cli

import (
	"context"
	"fmt"
	"io"
	"os"

	"steward/backend/app"
	"steward/backend/export"
	"steward/backend/privacy"
)

func runPrivacy(ctx context.Context, env *Env, args []string) error {
	sub := map[string]func(context.Context, *Env, []string) error{
		"draft": privacyDraft, "check": privacyCheck, "answers": privacyAnswers, "suggestions": privacySuggestions, "drafts": privacyDrafts,
		"polish": privacyPolish,
	}
	return dispatch("privacy", sub, ctx, env, args)
}

// loadAnswers reads a YAML or JSON answers file.
func loadAnswers(path string) (privacy.Answers, error) {
	f, err := os.Open(path)
	if err != nil {
		return privacy.Answers{}, usageErr("cannot read %s: %v", path, err)
	}
	defer f.Close()
	return privacy.LoadAnswers(f, path)
}

func privacyDraft(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("privacy draft", env.Stderr)
	answers := fs.String("answers", "", "the answers file (YAML or JSON)")
	lang := fs.String("lang", "en", "en or zh-CN")
	format := fs.String("format", "md", "md, html or pdf")
	out := fs.String("out", "", "the file to write (- for standard output)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *answers == "" || *out == "" {
		return usageErr("usage: steward privacy draft --answers FILE --lang en|zh-CN --format md|html|pdf --out FILE")
	}
	a, err := loadAnswers(*answers)
	if err != nil {
		return err
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		write := func(w io.Writer) error { return svc.Exports.PrivacyDraftOf(ctx, w, a, *format, *lang) }
		if *out == "-" {
			return write(env.Stdout)
		}
		if err := export.WriteFile(*out, write); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Wrote %s (a draft to review with counsel, not legal advice)\n", *out)
		return nil
	})
}

func privacyCheck(_ context.Context, env *Env, args []string) error {
	fs := newFlags("privacy check", env.Stderr)
	answers := fs.String("answers", "", "the answers file (YAML or JSON)")
	format := fs.String("format", "text", "text or json")
	lang := fs.String("lang", "en", "en or zh-CN, for the text form")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *answers == "" || (*format != "text" && *format != "json") {
		return usageErr("usage: steward privacy check --answers FILE [--format text|json]")
	}
	a, err := loadAnswers(*answers)
	if err != nil {
		return err
	}
	res := privacy.Check(a)
	if *format == "json" {
		err = writeJSON(env.Stdout, res)
	} else {
		printCheck(env.Stdout, res, *lang)
	}
	if err == nil && res.Missing > 0 {
		return errFinding
	}
	return err
}

func printCheck(w io.Writer, res privacy.CheckResult, lang string) {
	questions := map[string]string{}
	for _, q := range privacy.Questions() {
		questions[q.Key] = q.Text.In(lang)
	}
	for _, r := range res.Regimes {
		missing := 0
		for _, e := range r.Elements {
			if !e.Present {
				missing++
			}
		}
		fmt.Fprintf(w, "%s: %d of %d elements present\n", r.Name, len(r.Elements)-missing, len(r.Elements))
		for _, e := range r.Elements {
			if !e.Present {
				fmt.Fprintf(w, "  missing %s %s\n    answer: %s\n", e.ID, e.Title.In(lang), questions[e.Question])
			}
		}
	}
	if res.Missing == 0 {
		fmt.Fprintln(w, "Every required element is present.")
	} else {
		fmt.Fprintf(w, "%d required elements missing.\n", res.Missing)
	}
}
