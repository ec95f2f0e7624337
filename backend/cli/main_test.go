package cli

import (
	"context"
	"fmt"
	"os"
	"testing"
)

// envRunCLI makes the test binary run the command line instead of the
// tests, so a test can start `steward` as a process of its own (to send it
// signals) without building the window.
const envRunCLI = "STEWARD_TEST_RUN_CLI"

func TestMain(m *testing.M) {
	if os.Getenv(envRunCLI) == "1" {
		dataDir, rest, err := SplitGlobal(os.Args[1:])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(ExitError)
		}
		env := &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Version: "test", DataDir: dataDir}
		os.Exit(Run(context.Background(), env, rest))
	}
	os.Exit(m.Run())
}
