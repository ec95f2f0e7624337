package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

// noKeyOnStdin is readSecret's answer to empty input where an API key belongs.
const noKeyOnStdin = "no key on standard input; pipe it in, e.g. printf %s \"$KEY\" | steward keys add ..."

// readSecret reads one secret (an API key, a password) from standard input,
// never from the command line. On a terminal it prompts and hides what is
// typed; empty input is refused with missing, which says how to give it.
func readSecret(env *Env, prompt, missing string) (string, error) {
	if f, ok := env.Stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(env.Stderr, prompt)
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(env.Stderr)
		if err != nil {
			return "", fmt.Errorf("read from the terminal: %w", err)
		}
		return strings.TrimSpace(string(b)), nil
	}
	line, err := bufio.NewReader(io.LimitReader(env.Stdin, 1<<16)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read standard input: %w", err)
	}
	if s := strings.TrimSpace(line); s != "" {
		return s, nil
	}
	return "", usageErr("%s", missing)
}

// vaultPassphrase returns the file vault's passphrase from
// STEWARD_VAULT_PASSPHRASE, or asks for it on the controlling terminal.
func vaultPassphrase(env *Env) func() (string, error) {
	return func() (string, error) {
		if p := env.Getenv("STEWARD_VAULT_PASSPHRASE"); p != "" {
			return p, nil
		}
		tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
		if err != nil {
			return "", usageErr("the encrypted file vault needs its passphrase: set STEWARD_VAULT_PASSPHRASE or run in a terminal")
		}
		defer tty.Close()
		fmt.Fprint(tty, "Vault passphrase: ")
		b, err := term.ReadPassword(int(tty.Fd()))
		fmt.Fprintln(tty)
		if err != nil {
			return "", fmt.Errorf("read the passphrase: %w", err)
		}
		return string(b), nil
	}
}
