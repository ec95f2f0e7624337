package cli

import (
	"context"
	"fmt"

	"steward/backend/app"
)

// settingsTeamDB is Settings → Team database: the PostgreSQL database the
// usage reports read (read-only) instead of this computer's log.
func settingsTeamDB(ctx context.Context, env *Env, args []string) error {
	sub := map[string]func(context.Context, *Env, []string) error{
		"set": teamDBSet, "test": teamDBTest, "show": teamDBShow, "clear": teamDBClear}
	return dispatch("settings team-db", sub, ctx, env, args)
}

// teamDBArgs reads URL and the password: --password-stdin, else PGPASSWORD,
// else none (set keeps the stored one). Never from the command line.
func teamDBArgs(env *Env, name string, args []string) (string, string, error) {
	fs := newFlags("settings team-db "+name, env.Stderr)
	fromStdin := fs.Bool("password-stdin", false, "read the password from standard input")
	pos, err := parse(fs, args)
	if err != nil {
		return "", "", err
	}
	if len(pos) != 1 {
		return "", "", usageErr("usage: steward settings team-db %s postgres://user@host:5432/db [--password-stdin] (or the password in PGPASSWORD)", name)
	}
	if app.URLHasPassword(pos[0]) {
		return "", "", usageErr("the URL must not hold the password, since command lines are visible to other users: " +
			"pipe it in with --password-stdin or set PGPASSWORD")
	}
	pw := env.Getenv("PGPASSWORD")
	if *fromStdin {
		if pw, err = readSecret(env, "Team database password (input hidden): ",
			"no password on standard input; pipe it in, e.g. printf %s \"$PW\" | steward settings team-db set URL --password-stdin, or set PGPASSWORD"); err != nil {
			return "", "", err
		}
	}
	return pos[0], pw, nil
}

func teamDBSet(ctx context.Context, env *Env, args []string) error {
	raw, pw, err := teamDBArgs(env, "set", args)
	if err != nil {
		return err
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		st, err := svc.Settings.SetTeamDatabase(ctx, raw, pw)
		if err == nil {
			printTeamDB(env, st)
		}
		return err
	})
}

func teamDBTest(ctx context.Context, env *Env, args []string) error {
	raw, pw, err := teamDBArgs(env, "test", args)
	if err != nil {
		return err
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		st, err := svc.Settings.TestTeamDatabase(ctx, raw, pw)
		if err == nil {
			fmt.Fprintf(env.Stdout, "Connected to %s; its usage log can be read.\n", st.Name)
		}
		return err
	})
}

func teamDBShow(ctx context.Context, env *Env, args []string) error {
	if pos, err := parse(newFlags("settings team-db show", env.Stderr), args); err != nil || len(pos) != 0 {
		return firstErr(err, usageErr("usage: steward settings team-db show"))
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		st, err := svc.Settings.TeamDatabase(ctx)
		if err == nil {
			printTeamDB(env, st)
		}
		return err
	})
}

func teamDBClear(ctx context.Context, env *Env, args []string) error {
	if pos, err := parse(newFlags("settings team-db clear", env.Stderr), args); err != nil || len(pos) != 0 {
		return firstErr(err, usageErr("usage: steward settings team-db clear"))
	}
	return withServices(ctx, env, func(svc *app.Services) error {
		_, err := svc.Settings.ClearTeamDatabase(ctx)
		if err == nil {
			fmt.Fprintln(env.Stdout, "Team database cleared; usage reports read this computer's log.")
		}
		return err
	})
}

// printTeamDB shows the setting, never the password.
func printTeamDB(env *Env, st app.TeamDatabase) {
	if st.URL == "" {
		fmt.Fprintln(env.Stdout, "No team database: usage reports read this computer's log.")
		return
	}
	pw := "none stored"
	if st.PasswordSet {
		pw = "stored in the vault"
	}
	fmt.Fprintf(env.Stdout, "url:       %s\npassword:  %s\nconnected: %t\n", st.URL, pw, st.Connected)
	if st.Problem != nil {
		fmt.Fprintf(env.Stdout, "problem:   %s\n", st.Problem.Message)
	}
}

// firstErr is err when set, else alt.
func firstErr(err, alt error) error {
	if err != nil {
		return err
	}
	return alt
}
