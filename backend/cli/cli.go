// Package cli is Steward's command line: the same binary runs a subcommand
// instead of the window when given one. Commands parse flags, call the same
// services as the GUI and print; no command needs a display.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"steward/backend/app"
	"steward/backend/apperr"
	"steward/backend/buildinfo"
)

// Exit codes shared by every command.
const (
	ExitOK      = 0 // success
	ExitFinding = 1 // a finding or a check failed
	ExitError   = 2 // a usage or runtime error
)

// Env is what a command may touch of the outside world.
type Env struct {
	Stdin   io.Reader
	Stdout  io.Writer
	Stderr  io.Writer
	Getenv  func(string) string
	Version string
	Build   buildinfo.Info // commit, build date and Go version; its Version may be empty
	DataDir string         // from --data-dir; empty means the default
	// DatabaseURL is the team's PostgreSQL database, from --database-url;
	// empty means STEWARD_DATABASE_URL, or none.
	DatabaseURL string
	// Now is the clock of dated records and exports; time.Now when nil (tests set it).
	Now func() time.Time
}

// command is one subcommand.
type command struct {
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
}

// errUsage marks a usage error; its text is printed as is.
type errUsage struct{ msg string }

func (e errUsage) Error() string { return e.msg }

func usageErr(format string, a ...any) error { return errUsage{fmt.Sprintf(format, a...)} }

// errFinding makes a command exit 1 after printing its result.
var errFinding = errors.New("findings")

func commands() map[string]command {
	return map[string]command{
		"help":       {"show this help", runHelp},
		"version":    {"print the version, commit, build date and Go version", runVersion},
		"backup":     {"write a consistent copy of the database: backup FILE", runBackup},
		"checklist":  {"the policy checklist: list, set, evidence, workspaces, reviewed, export, import", runChecklist},
		"checks":     {"automatic checks of checklist items: list, run [--workspace NAME] [--format text|json], scope, auto-complete, override", runChecks},
		"audit":      {"the audit bundle: bundle --workspace NAME --out FILE.zip, verify FILE.zip", runAudit},
		"members":    {"team members: add, list, edit, remove, token, tokens, policy", runMembers},
		"settings":   {"settings the app can change: list, set NAME VALUE, team-db set|test|show|clear", runSettings},
		"scan":       {"find API keys in folders and git history: scan PATH... [--history] [--format text|json|sarif]", runScan},
		"moderate":   {"send prompts to the moderation endpoint in batches: moderate --in FILE [--format json|csv|html|pdf]", runModerate},
		"moderation": {"moderation suites and runs: suites, suite create|rename|delete|import|columns|export, prompts, prompt add|edit|remove, thresholds, runs, run, resume, cancel, export", runModeration},
		"gateway":    {"serve the local OpenAI-compatible gateway: gateway [--listen 127.0.0.1:8787] [--upstream URL] [--admin-listen ADDR] [--upstream-key-file FILE]; gateway providers list|add|remove|test, gateway drill, gateway blocklist list|release", runGateway},
		"usage":      {"API usage from the local log: report (table|csv|json|html|pdf), policy, budget, alerts, prices, keys, reconcile, bodies", runUsage},
		"pii":        {"find personal data in a file, offline: pii FILE [--format text|json] [--redact]", runPII},
		"privacy":    {"privacy-policy drafts: answers, suggestions, check, draft, drafts, polish", runPrivacy},
		"keys":       {"API keys in the vault: add, list, edit, verify, rotate, mark, places, events, remove, findings, vault", runKeys},
		"org":        {"the OpenAI organization (admin key): connect, disconnect, sync, keys, choose, revoke, audit, settings", runOrg},
	}
}

// Globals are the global flags, given before or after the command.
type Globals struct {
	DataDir     string // --data-dir DIR
	DatabaseURL string // --database-url URL (without its password)
}

// ParseGlobal takes the global flags (--data-dir DIR, --database-url URL)
// out of args, wherever they stand, and returns them and the remaining
// arguments. A database URL holding a password is refused: command lines
// are visible to other users of the machine.
func ParseGlobal(args []string) (g Globals, rest []string, err error) {
	flags := []struct {
		name, need string
		dst        *string
	}{{"data-dir", "a folder", &g.DataDir}, {"database-url", "a postgres:// URL", &g.DatabaseURL}}
next:
	for i := 0; i < len(args); i++ {
		a := args[i]
		for _, f := range flags {
			switch {
			case a == "--"+f.name || a == "-"+f.name:
				if i+1 >= len(args) {
					return g, nil, usageErr("--%s needs %s", f.name, f.need)
				}
				*f.dst = args[i+1]
				i++
				continue next
			case strings.HasPrefix(a, "--"+f.name+"="):
				*f.dst = strings.TrimPrefix(a, "--"+f.name+"=")
				continue next
			}
		}
		rest = append(rest, a)
	}
	if g.DatabaseURL != "" && app.URLHasPassword(g.DatabaseURL) {
		return g, nil, usageErr("--database-url must not hold the password, since command lines are visible to other users: " +
			"give it in PGPASSWORD or ~/.pgpass, or put the whole URL in STEWARD_DATABASE_URL")
	}
	return g, rest, nil
}

// SplitGlobal is ParseGlobal for callers that need only the data folder.
func SplitGlobal(args []string) (dataDir string, rest []string, err error) {
	g, rest, err := ParseGlobal(args)
	return g.DataDir, rest, err
}

// Run runs the subcommand in args (global flags already split off) and
// returns the exit code. Errors go to stderr.
func Run(ctx context.Context, env *Env, args []string) int {
	if len(args) == 0 {
		args = []string{"help"}
	}
	cmd, ok := commands()[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "steward: unknown command %q. Run \"steward help\" for the list.\n", args[0])
		return ExitError
	}
	err := cmd.run(ctx, env, args[1:])
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errFinding):
		return ExitFinding
	case errors.Is(err, flag.ErrHelp):
		return ExitOK
	}
	var ue errUsage
	if errors.As(err, &ue) {
		fmt.Fprintf(env.Stderr, "steward %s: %s\n", args[0], ue.msg)
		return ExitError
	}
	_, msg := apperr.Describe(err, "en")
	fmt.Fprintf(env.Stderr, "steward %s: %s\n", args[0], msg)
	return ExitError
}

func runHelp(_ context.Context, env *Env, _ []string) error {
	fmt.Fprintln(env.Stdout, "Steward — a compliance assistant for teams building on the OpenAI API.")
	fmt.Fprintln(env.Stdout, "\nRun without arguments to open the app, or give a command:")
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(env.Stdout, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(env.Stdout, "\nGlobal flag: --data-dir DIR (or STEWARD_DATA_DIR) picks the data folder.")
	fmt.Fprintln(env.Stdout, "Global flag: --database-url postgres://USER@HOST:5432/DB (or STEWARD_DATABASE_URL) keeps the team's")
	fmt.Fprintln(env.Stdout, "  members, keys, tokens, policies, providers and usage log in PostgreSQL; the password comes")
	fmt.Fprintln(env.Stdout, "  from PGPASSWORD or ~/.pgpass (or within STEWARD_DATABASE_URL), never the command line.")
	fmt.Fprintln(env.Stdout, "Exit codes: 0 success, 1 a finding or failed check, 2 a usage or runtime error.")
	fmt.Fprintln(env.Stdout, "Run \"steward COMMAND -h\" for a command's flags.")
	return nil
}

func runVersion(_ context.Context, env *Env, _ []string) error {
	b := env.Build
	if b.Version == "" {
		b.Version = env.Version
	}
	fmt.Fprint(env.Stdout, b.String())
	return nil
}
