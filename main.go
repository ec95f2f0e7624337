package main

import (
	"context"
	"embed"
	"fmt"
	"os"
	"strings"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"steward/backend/buildinfo"
	"steward/backend/cli"
)

//go:embed all:frontend/dist
var assets embed.FS

func main() {
	build := buildinfo.Current()
	globals, rest, err := cli.ParseGlobal(os.Args[1:])
	dataDir := globals.DataDir
	if err != nil {
		fmt.Fprintf(os.Stderr, "steward: %v\n", err)
		os.Exit(cli.ExitError)
	}
	if len(rest) > 0 && !launchArgument(rest[0]) {
		env := &cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Version: build.Version, Build: build, DataDir: dataDir,
			DatabaseURL: globals.DatabaseURL}
		os.Exit(cli.Run(context.Background(), env, rest))
	}
	if err := runGUI(dataDir, build.Version); err != nil {
		fmt.Fprintf(os.Stderr, "steward: %v\n", err)
		os.Exit(cli.ExitError)
	}
}

// launchArgument reports macOS's process serial number argument, not a subcommand.
func launchArgument(a string) bool { return strings.HasPrefix(a, "-psn_") }

func runGUI(dataDir, version string) error {
	app := NewApp(dataDir, version)
	return wails.Run(&options.App{
		Title:            "Steward",
		Width:            1280,
		Height:           820,
		MinWidth:         960,
		MinHeight:        640,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 248, G: 249, B: 251, A: 1},
		OnStartup:        app.startup,
		OnShutdown:       app.shutdown,
		Bind:             app.bindings(),
		EnumBind:         app.enums(),
		ErrorFormatter:   app.formatError,
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               "dev.steward.app",
			OnSecondInstanceLaunch: app.onSecondInstance,
		},
		// No GPU compositing: Wails' own default when Linux options are absent;
		// the window paints sooner and the WebKit processes use ~90 MB less
		// (scripts/bench-first-paint.sh).
		Linux: &linux.Options{ProgramName: "steward", WebviewGpuPolicy: linux.WebviewGpuPolicyNever},
	})
}
