package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"golang.org/x/term"

	"steward/backend/export"
	"steward/backend/moderation"
	"steward/backend/openai"
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
	svc, err := open(ctx, env)
	if err != nil {
		return err
	}
	defer svc.Close()
	cfg, err := svc.apiConfig(ctx, *keyLabel, *baseURL)
	if err != nil {
		return err
	}
	rep, runErr := moderation.RunFile(ctx, moderation.RunFileConfig{
		InPath: *in, Model: *model, Batch: *batch, RPM: *rpm, TPM: *tpm,
		Client: cfg, Observer: svc.observer(), Progress: progressBar(env), Store: svc.store, PII: *piiPolicy,
	})
	for _, s := range rep.Skipped {
		fmt.Fprintf(env.Stderr, "%s, line %d skipped: %s\n", *in, s.Line, s.Reason)
	}
	if rep.RunID != 0 || len(rep.Items) > 0 {
		write := func(w io.Writer) error { return moderation.WriteReport(w, rep, *format, *lang) }
		if *out == "" || *out == "-" {
			err = write(env.Stdout)
		} else if err = export.WriteFile(*out, write); err == nil {
			fmt.Fprintf(env.Stderr, "Wrote %s: %d prompts, %d flagged, %d errors\n", *out, rep.Summary.Total, rep.Summary.Flagged, rep.Summary.Errors)
		}
		if err != nil {
			return err
		}
	}
	return runErr
}

// apiConfig is the client configuration: the key from the keychain when a
// label is given, else OPENAI_API_KEY; the base URL from the flag, else
// OPENAI_BASE_URL.
func (s *services) apiConfig(ctx context.Context, keyLabel, baseURL string) (openai.Config, error) {
	cfg := openai.FromEnv(s.env.Getenv)
	if baseURL != "" {
		cfg.BaseURL = baseURL
	}
	if keyLabel != "" {
		reg, err := s.register(ctx)
		if err != nil {
			return cfg, err
		}
		if cfg.APIKey, err = reg.Secret(ctx, keyLabel); err != nil {
			return cfg, err
		}
	}
	if cfg.APIKey == "" {
		return cfg, usageErr("no API key: pass --key LABEL for a key in the keychain, or set OPENAI_API_KEY")
	}
	return cfg, nil
}

// progressBar draws a run's progress on stderr when it is a terminal.
func progressBar(env *Env) moderation.ProgressReporter {
	f, ok := env.Stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return moderation.ProgressFunc(func(p moderation.Progress) {
		const width = 30
		filled := 0
		if p.Total > 0 {
			filled = p.Done * width / p.Total
		}
		state := fmt.Sprintf("%.1f/s", p.Rate)
		if p.State == "waiting" {
			state = "waiting for the rate limit"
		}
		eta := ""
		if p.ETASeconds >= 0 && !p.Final {
			eta = fmt.Sprintf(", ETA %.0fs", p.ETASeconds)
		}
		fmt.Fprintf(f, "\r\033[K[%s%s] %d/%d %s%s", strings.Repeat("#", filled), strings.Repeat(".", width-filled), p.Done, p.Total, state, eta)
		if p.Final {
			fmt.Fprintln(f)
		}
	})
}
