package cli

import (
	"context"
	"fmt"
	"io"
	"slices"

	"steward/backend/app"
	"steward/backend/export"
	"steward/backend/moderation"
)

func runModerate(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("moderate", env.Stderr)
	in := fs.String("in", "", "the prompts: .txt, .csv or .jsonl (optionally .gz)")
	model := fs.String("model", "omni-moderation-latest", "the moderation model")
	batch := fs.Int("batch", 32, "prompts per request")
	rpm := fs.Int("rpm", 0, "requests per minute to stay under (your tier's limit); 0 for none")
	tpm := fs.Int("tpm", 0, "tokens per minute to stay under; 0 for none")
	keyLabel := fs.String("key", "", "use this registered key from the keychain (default: OPENAI_API_KEY)")
	baseURL := fs.String("base-url", "", "the API's base URL (default: OPENAI_BASE_URL, else OpenAI's)")
	format := fs.String("format", "json", "json, csv, html or pdf (pdf: give --out FILE)")
	lang := fs.String("lang", "en", "en or zh-CN, for the HTML and PDF reports")
	out := fs.String("out", "", "write the report to FILE instead of standard output")
	piiPolicy := fs.String("pii", moderation.PIIOff, "personal data in prompts: off, redact (typed placeholders) or block (not sent)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *in == "" || !slices.Contains(moderation.ReportFormats(), *format) || !slices.Contains(moderation.PIIPolicies, *piiPolicy) {
		return usageErr("usage: steward moderate --in FILE [--model M] [--batch N] [--rpm N] [--key LABEL] [--base-url URL] [--format json|csv|html|pdf] [--lang en|zh-CN] [--out FILE]")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		cfg, err := svc.ModerationClient(ctx, *keyLabel, *baseURL)
		if err != nil {
			return err
		}
		rep, runErr := svc.RunModerationFile(ctx, moderation.RunFileConfig{
			InPath: *in, Model: *model, Batch: *batch, RPM: *rpm, TPM: *tpm, Client: cfg, PII: *piiPolicy,
		})
		for _, s := range rep.Skipped {
			fmt.Fprintf(env.Stderr, "%s, line %d skipped: %s\n", *in, s.Line, s.Reason)
		}
		if rep.RunID != 0 || len(rep.Items) > 0 {
			if err := writeModerationReport(env, rep, *format, *lang, *out); err != nil {
				return err
			}
		}
		return runErr
	})
}

func writeModerationReport(env *Env, rep moderation.RunReport, format, lang, out string) error {
	write := func(w io.Writer) error { return moderation.WriteReport(w, rep, format, lang) }
	if out == "" || out == "-" {
		return write(env.Stdout)
	}
	if err := export.WriteFile(out, write); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "Wrote %s: %d prompts, %d flagged, %d errors\n", out, rep.Summary.Total, rep.Summary.Flagged, rep.Summary.Errors)
	return nil
}
