package leakscan

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"steward/backend/apperr"
)

// hookMark identifies a pre-commit hook Steward wrote, which it may replace.
const hookMark = "# steward-leakscan-hook"

// InstallHook writes the repository's pre-commit hook so that a commit
// adding an OpenAI key is blocked: the hook runs `steward scan --staged`
// with the Steward binary at stewardPath. A hook Steward wrote before is
// replaced; any other hook is left alone and reported.
func InstallHook(repo string, stewardPath string) error {
	ctx := context.Background()
	top, err := openRepo(ctx, repo)
	if err != nil {
		return err
	}
	out, err := gitOutput(ctx, top, "rev-parse", "--git-path", "hooks/pre-commit")
	if err != nil {
		return err
	}
	path := strings.TrimSpace(string(out))
	if !filepath.IsAbs(path) {
		path = filepath.Join(top, path)
	}
	existing, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return fmt.Errorf("read %s: %w", path, err)
	case !bytes.Contains(existing, []byte(hookMark)):
		line := hookCommand(stewardPath, top)
		return apperr.Text(CodeHookExists, "leakscan.hook",
			fmt.Sprintf("%s already exists and was not written by Steward, so it was left as it is. To add the key check, put this line in it: %s", path, line),
			fmt.Sprintf("%s 已存在且不是 Steward 写入的，因此未作改动。如需加入密钥检查，请在其中加入这一行：%s", path, line))
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("create %s: %w", filepath.Dir(path), err)
	}
	if err := os.WriteFile(path, []byte(hookScript(stewardPath, top)), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return os.Chmod(path, 0o755)
}

// hookCommand is the line that scans the staged changes.
func hookCommand(stewardPath, repo string) string {
	return shellQuote(filepath.ToSlash(stewardPath)) + " scan --staged " + shellQuote(filepath.ToSlash(repo))
}

// hookScript is the pre-commit hook: exit 1 from the scan (a finding)
// blocks the commit with the findings shown; a failed scan blocks it too,
// so a broken check never lets a key through silently.
func hookScript(stewardPath, repo string) string {
	return `#!/bin/sh
` + hookMark + `
# Written by Steward. It blocks commits that add an OpenAI API key.
# Steward replaces this file when the hook is installed again; delete it to remove the check.
` + hookCommand(stewardPath, repo) + `
status=$?
if [ "$status" -eq 1 ]; then
	echo "" >&2
	echo "steward: commit blocked: it adds an OpenAI API key (listed above)." >&2
	echo "steward: remove the key and load it from the environment instead; rotate it if it was ever pushed." >&2
	echo "steward: a line that must stay can carry a steward:allow comment." >&2
	exit 1
fi
if [ "$status" -ne 0 ]; then
	echo "steward: commit blocked: the key check could not run (exit $status)." >&2
	exit "$status"
fi
exit 0
`
}

// shellQuote quotes s for sh in single quotes.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
