package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"steward/backend/app"
	"steward/backend/privacy"
)

// privacyPolish sends the saved answers' draft to the chat API for the
// optional polish, with the key chosen for Steward's own calls. It first
// shows exactly what would be sent (on stderr); without --yes it asks on a
// terminal and refuses (exit 2) without one. The polished Markdown goes to
// standard output or --out; the template draft and its versions are kept.
func privacyPolish(ctx context.Context, env *Env, args []string) error {
	fs := newFlags("privacy polish", env.Stderr)
	lang := fs.String("lang", "", "en or zh-CN")
	yes := fs.Bool("yes", false, "send without asking")
	dry := fs.Bool("dry-run", false, "show what would be sent and stop")
	out := fs.String("out", "-", "write the polished Markdown to FILE (- for standard output)")
	pos, err := parse(fs, args)
	if err != nil || len(pos) > 0 || (*lang != "en" && *lang != "zh-CN") || *out == "" {
		return usageOr(err, "usage: steward privacy polish --lang en|zh-CN [--yes] [--dry-run] [--out FILE|-]")
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		plan, err := svc.Privacy.PolishPlan(ctx, *lang)
		if err != nil {
			return err
		}
		show := env.Stderr
		if *dry {
			show = env.Stdout
		}
		printPolishPlan(show, plan)
		if *dry {
			fmt.Fprintln(env.Stdout, "Dry run: nothing was sent.")
			return nil
		}
		if !*yes {
			if err := confirmPolish(env); err != nil {
				return err
			}
		}
		md, err := svc.Privacy.Polish(ctx, plan)
		if err != nil {
			return err
		}
		return writeOut(env, *out, func(w io.Writer) error {
			_, err := io.WriteString(w, md)
			return err
		})
	})
}

// printPolishPlan shows the model, the instructions and the draft, verbatim.
func printPolishPlan(w io.Writer, p privacy.PolishPlan) {
	fmt.Fprintf(w, "This would be sent to the chat API (POST /chat/completions) with the key chosen for Steward's own calls:\n")
	fmt.Fprintf(w, "model: %s\n--- instructions (system) ---\n%s\n--- draft (user) ---\n%s\n--- end ---\n",
		p.Model, p.System, strings.TrimRight(p.User, "\n"))
}

// confirmPolish asks on the terminal; without one it refuses.
func confirmPolish(env *Env) error {
	f, ok := env.Stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return usageErr("refusing to send the draft without confirmation: no terminal to ask on. Read what would be sent above (or with --dry-run) and run it again with --yes.")
	}
	fmt.Fprint(env.Stderr, "Send this draft to the chat API? [y/N] ")
	line, _ := bufio.NewReader(f).ReadString('\n')
	if a := strings.ToLower(strings.TrimSpace(line)); a != "y" && a != "yes" {
		return usageErr("not confirmed; nothing was sent")
	}
	return nil
}
