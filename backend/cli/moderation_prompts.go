package cli

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"steward/backend/app"
	"steward/backend/moderation"
)

// listFlag is a repeatable flag whose values may also be comma-separated.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*l = append(*l, p)
		}
	}
	return nil
}

// moderationPrompts lists a suite's prompts with their expected labels.
func moderationPrompts(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("moderation prompts", env.Stderr)
	format := fs.String("format", "table", "table or json")
	pos, err := parse(fs, args)
	if err != nil || len(pos) != 1 || (*format != "table" && *format != "json") {
		return usageOr(err, "usage: steward moderation prompts SUITE [--format table|json]")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		su, err := findSuite(ctx, svc, pos[0])
		if err != nil {
			return err
		}
		items, err := svc.Moderation.Items(ctx, su.ID)
		if err != nil {
			return err
		}
		if *format == "json" {
			return writeJSON(env.Stdout, items)
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tTEXT\tIMAGE\tEXPECTED")
		for _, it := range items {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", it.ID, dash(oneLine(it.Text, 60)), dash(it.ImagePath), dash(labelsText(it.Expected)))
		}
		return tw.Flush()
	})
}

// oneLine shortens s to n runes on one line, for a table.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// labelsText writes expected labels as "violence=flagged, sexual=clear".
func labelsText(l moderation.Labels) string {
	parts := make([]string, 0, len(l))
	for c, f := range l {
		parts = append(parts, c+"="+map[bool]string{true: "flagged", false: "clear"}[f])
	}
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}

// moderationPrompt adds, edits or removes one prompt of a suite.
func moderationPrompt(ctx context.Context, env *Env, args []string) error {
	sub := map[string]func(context.Context, *Env, []string) error{
		"add": promptAdd, "edit": promptEdit, "remove": promptRemove,
	}
	return dispatch("moderation prompt", sub, ctx, env, args)
}

// labelFlags are the flags that set a prompt's expected labels.
type labelFlags struct{ flagged, clear, unknown listFlag }

func (lf *labelFlags) register(fs *flag.FlagSet) {
	fs.Var(&lf.flagged, "flagged", "categories the prompt should be flagged for (comma-separated or repeated)")
	fs.Var(&lf.clear, "clear", "categories the prompt should not be flagged for")
	fs.Var(&lf.unknown, "unlabel", "categories to forget the expected label of")
}

// apply changes l by the flags; a category in two lists is refused.
func (lf *labelFlags) apply(l moderation.Labels) (moderation.Labels, error) {
	out := moderation.Labels{}
	for c, v := range l {
		out[c] = v
	}
	seen := map[string]bool{}
	for _, group := range []struct {
		names listFlag
		set   func(string)
	}{
		{lf.flagged, func(c string) { out[c] = true }},
		{lf.clear, func(c string) { out[c] = false }},
		{lf.unknown, func(c string) { delete(out, c) }},
	} {
		for _, c := range group.names {
			if !moderation.IsCategory(c) {
				return nil, usageErr("%q is not a moderation category; use one of %s", c, strings.Join(moderation.Categories(), ", "))
			}
			if seen[c] {
				return nil, usageErr("%s is given twice; give each category once", c)
			}
			seen[c] = true
			group.set(c)
		}
	}
	return out, nil
}

func promptAdd(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("moderation prompt add", env.Stderr)
	text := fs.String("text", "", "the prompt's text")
	image := fs.String("image", "", "a local image to send with it")
	var lf labelFlags
	lf.register(fs)
	pos, err := parse(fs, args)
	if err != nil || len(pos) != 1 || (*text == "" && *image == "") {
		return usageOr(err, "usage: steward moderation prompt add SUITE --text TEXT [--image FILE] [--flagged CATS] [--clear CATS]")
	}
	labels, err := lf.apply(nil)
	if err != nil {
		return err
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		su, err := findSuite(ctx, svc, pos[0])
		if err != nil {
			return err
		}
		it, err := svc.Moderation.AddItem(ctx, su.ID, moderation.ItemInput{Text: *text, ImagePath: *image, Expected: labels})
		if err == nil {
			fmt.Fprintf(env.Stdout, "Added prompt %d to %q\n", it.ID, su.Name)
		}
		return err
	})
}

func promptEdit(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("moderation prompt edit", env.Stderr)
	text := fs.String("text", "", "the new text")
	image := fs.String("image", "", "the new image (\"\" removes it)")
	var lf labelFlags
	lf.register(fs)
	pos, err := parse(fs, args)
	if err != nil || len(pos) != 2 || fs.NFlag() == 0 {
		return usageOr(err, "usage: steward moderation prompt edit SUITE ID [--text TEXT] [--image FILE] [--flagged CATS] [--clear CATS] [--unlabel CATS]")
	}
	return withItem(ctx, env, pos, func(svc *app.Services, it moderation.Item) error {
		in := moderation.ItemInput{Text: it.Text, ImagePath: it.ImagePath}
		if flagSet(fs, "text") {
			in.Text = *text
		}
		if flagSet(fs, "image") {
			in.ImagePath = *image
		}
		var err error
		if in.Expected, err = lf.apply(it.Expected); err != nil {
			return err
		}
		if _, err = svc.Moderation.UpdateItem(ctx, it.ID, in); err == nil {
			fmt.Fprintf(env.Stdout, "Changed prompt %d\n", it.ID)
		}
		return err
	})
}

func promptRemove(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("moderation prompt remove", env.Stderr)
	pos, err := parse(fs, args)
	if err != nil || len(pos) != 2 {
		return usageOr(err, "usage: steward moderation prompt remove SUITE ID")
	}
	return withItem(ctx, env, pos, func(svc *app.Services, it moderation.Item) error {
		err := svc.Moderation.RemoveItem(ctx, it.ID)
		if err == nil {
			fmt.Fprintf(env.Stdout, "Removed prompt %d\n", it.ID)
		}
		return err
	})
}

// withItem finds prompt pos[1] in suite pos[0] and calls fn with it.
func withItem(ctx context.Context, env *Env, pos []string, fn func(*app.Services, moderation.Item) error) error {
	id, err := strconv.ParseInt(pos[1], 10, 64)
	if err != nil {
		return usageErr("a prompt's ID is a number (see steward moderation prompts SUITE), not %q", pos[1])
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		su, err := findSuite(ctx, svc, pos[0])
		if err != nil {
			return err
		}
		items, err := svc.Moderation.Items(ctx, su.ID)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(items, func(it moderation.Item) bool { return it.ID == id })
		if i < 0 {
			return usageErr("suite %q has no prompt %d; see steward moderation prompts %q", su.Name, id, su.Name)
		}
		return fn(svc, items[i])
	})
}

// moderationThresholds prints or changes a suite's per-category thresholds.
func moderationThresholds(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("moderation thresholds", env.Stderr)
	var set, unset listFlag
	fs.Var(&set, "set", "CATEGORY=SCORE, flagged at or above SCORE (0 < SCORE <= 1); comma-separated or repeated")
	fs.Var(&unset, "unset", "categories that go back to OpenAI's flag")
	clear := fs.Bool("clear", false, "remove every threshold (OpenAI's flags)")
	pos, err := parse(fs, args)
	if err != nil || len(pos) != 1 {
		return usageOr(err, "usage: steward moderation thresholds SUITE [--set CATEGORY=SCORE,...] [--unset CATEGORY,...] [--clear]")
	}
	changes := moderation.Thresholds{}
	for _, kv := range set {
		c, v, ok := strings.Cut(kv, "=")
		score, perr := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if !ok || perr != nil {
			return usageErr("--set takes CATEGORY=SCORE, e.g. violence=0.4, not %q", kv)
		}
		changes[strings.TrimSpace(c)] = score
	}
	for _, c := range unset {
		if !moderation.IsCategory(c) {
			return usageErr("%q is not a moderation category; use one of %s", c, strings.Join(moderation.Categories(), ", "))
		}
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		su, err := findSuite(ctx, svc, pos[0])
		if err != nil {
			return err
		}
		if fs.NFlag() > 0 {
			t := moderation.Thresholds{}
			if !*clear {
				for c, v := range su.Thresholds {
					t[c] = v
				}
			}
			for _, c := range unset {
				delete(t, c)
			}
			for c, v := range changes {
				t[c] = v
			}
			if su, err = svc.Moderation.SetThresholds(ctx, su.ID, t); err != nil {
				return err
			}
		}
		printThresholds(env, su)
		return nil
	})
}

func printThresholds(env *Env, su moderation.Suite) {
	if len(su.Thresholds) == 0 {
		fmt.Fprintf(env.Stdout, "%s: no thresholds; OpenAI's flags apply\n", su.Name)
		return
	}
	for _, c := range moderation.Categories() {
		if v, ok := su.Thresholds[c]; ok {
			fmt.Fprintf(env.Stdout, "%s\t%g\n", c, v)
		}
	}
}
