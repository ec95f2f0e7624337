package cli

import (
	"context"
	"fmt"
	"os"
	"strings"

	"golang.org/x/term"

	"steward/backend/app"
	"steward/backend/leakscan"
	"steward/backend/moderation"
)

// open opens the data folder through the application layer, as the GUI
// does; the caller closes it.
func open(ctx context.Context, env *Env) (*app.Services, error) {
	return app.Open(ctx, app.Options{
		DataDir: env.DataDir, DatabaseURL: env.DatabaseURL, Getenv: env.Getenv, Version: env.Version, Source: "cli",
		Events: events(env), Passphrase: vaultPassphrase(env), EnvOverrides: true, Now: env.Now,
	})
}

// withServices opens the data folder for fn and closes it afterwards.
func withServices(ctx context.Context, env *Env, fn func(*app.Services) error) error {
	svc, err := open(ctx, env)
	if err != nil {
		return err
	}
	defer svc.Close()
	return fn(svc)
}

// events prints warnings, and draws progress on stderr when it is a terminal.
func events(env *Env) app.Events {
	f, tty := env.Stderr.(*os.File)
	tty = tty && term.IsTerminal(int(f.Fd()))
	return app.EventsFunc(func(name string, data any) {
		switch p := data.(type) {
		case string:
			if name == app.EventWarning {
				fmt.Fprintf(env.Stderr, "warning: %s\n", p)
			}
		case leakscan.Progress:
			if tty {
				scanProgress(f, p)
			}
		case moderation.Progress:
			if tty {
				moderationProgress(f, p)
			}
		}
	})
}

func scanProgress(f *os.File, p leakscan.Progress) {
	fmt.Fprintf(f, "\r\033[K%d files, %.1f MB, %d commits, %.0f files/s", p.Files, float64(p.Bytes)/1e6, p.Commits, p.FilesPerSecond)
	if p.Done {
		fmt.Fprintln(f)
	}
}

func moderationProgress(f *os.File, p moderation.Progress) {
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
}
