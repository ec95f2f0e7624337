package cli

import (
	"context"
	"fmt"
	"os"
	"testing"

	"steward/backend/store/pgtest"
)

// envRunCLI makes the test binary run the command line instead of the
// tests, so a test can start `steward` as a process of its own (to send it
// signals, or read its exit code) without building the window.
const envRunCLI = "STEWARD_TEST_RUN_CLI"

// TestMain runs the command line as main does when asked to, else the
// tests, stopping their private PostgreSQL server when they end.
func TestMain(m *testing.M) {
	if os.Getenv(envRunCLI) == "1" {
		g, rest, err := ParseGlobal(os.Args[1:])
		if err != nil {
			fmt.Fprintf(os.Stderr, "steward: %v\n", err)
			os.Exit(ExitError)
		}
		env := &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Version: "test",
			DataDir: g.DataDir, DatabaseURL: g.DatabaseURL}
		os.Exit(Run(context.Background(), env, rest))
	}
	os.Exit(pgtest.Main(m))
}
