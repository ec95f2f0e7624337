package leakscan

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"steward/backend/apperr"
	"steward/backend/secret"
	"steward/backend/secret/fakekey"
)

// fakeCLIEnv makes the test binary act as `steward scan --staged REPO`, so
// the hook test does not depend on the real command line.
const fakeCLIEnv = "STEWARD_LEAKSCAN_TEST_AS_CLI"

func TestMain(m *testing.M) {
	if os.Getenv(fakeCLIEnv) == "1" {
		os.Exit(fakeCLI(os.Args[1:]))
	}
	os.Exit(m.Run())
}

// fakeCLI does what the lead's `steward scan --staged` does: report, and
// exit 1 on a finding, 2 on an error.
func fakeCLI(args []string) int {
	if len(args) != 3 || args[0] != "scan" || args[1] != "--staged" {
		fmt.Fprintf(os.Stderr, "usage: scan --staged REPO (got %q)\n", args)
		return 2
	}
	r, err := ScanStaged(context.Background(), args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	WriteText(os.Stdout, r)
	if len(r.Findings) > 0 {
		return 1
	}
	return 0
}

// TestPreCommitHook blocks a commit that adds a key and lets a clean one through.
func TestPreCommitHook(t *testing.T) {
	g := fakekey.New(41)
	repo := newTestRepo(t)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if err := InstallHook(repo.dir, exe); err != nil {
		t.Fatalf("InstallHook: %v", err)
	}
	t.Setenv(fakeCLIEnv, "1")

	t.Run("OK_CleanCommitPasses", func(t *testing.T) {
		writeFiles(t, repo.dir, map[string]string{"README.md": "Use sk-... from your dashboard.\n"})
		repo.git("add", "README.md")
		if out, err := repo.gitErr("commit", "-q", "-m", "docs"); err != nil {
			t.Fatalf("clean commit blocked: %v\n%s", err, out)
		}
	})
	t.Run("Blocked_CommitAddingKey", func(t *testing.T) {
		key := g.Project()
		writeFiles(t, repo.dir, map[string]string{"app/settings.py": "OPENAI = '" + key + "'\n"})
		repo.git("add", "app/settings.py")
		out, err := repo.gitErr("commit", "-q", "-m", "settings")
		if err == nil {
			t.Fatal("the commit adding a key went through")
		}
		if strings.Contains(out, key) {
			t.Fatal("hook output shows the key")
		}
		if !containsAll(out, "commit blocked", "app/settings.py:1:11", secret.Redact(key)) {
			t.Errorf("hook output lacks the explanation:\n%s", out)
		}
		if head := repo.git("log", "-1", "--format=%s"); head != "docs" {
			t.Errorf("HEAD is %q, want the commit before", head)
		}
	})
	t.Run("OK_ReinstallReplacesOwnHook", func(t *testing.T) {
		if err := InstallHook(repo.dir, "/opt/steward/steward"); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(filepath.Join(repo.dir, ".git", "hooks", "pre-commit"))
		if !strings.Contains(string(b), "'/opt/steward/steward' scan --staged ") {
			t.Errorf("hook =\n%s", b)
		}
	})
}

// TestInstallHookKeepsForeignHook refuses to overwrite another tool's hook.
func TestInstallHookKeepsForeignHook(t *testing.T) {
	repo := newTestRepo(t)
	path := filepath.Join(repo.dir, ".git", "hooks", "pre-commit")
	foreign := "#!/bin/sh\nnpx lint-staged\n"
	writeFiles(t, filepath.Dir(path), map[string]string{"pre-commit": foreign})
	err := InstallHook(repo.dir, "/usr/bin/steward")
	if !apperr.Is(err, CodeHookExists) {
		t.Fatalf("err = %v, want %s", err, CodeHookExists)
	}
	if _, msg := apperr.Describe(err, "en"); !strings.Contains(msg, "'/usr/bin/steward' scan --staged") {
		t.Errorf("message does not say what to add: %s", msg)
	}
	if b, _ := os.ReadFile(path); string(b) != foreign {
		t.Errorf("foreign hook changed to:\n%s", b)
	}
}

// TestInstallHookOutsideRepository says it is not a repository.
func TestInstallHookOutsideRepository(t *testing.T) {
	newTestRepo(t)
	if err := InstallHook(t.TempDir(), "/usr/bin/steward"); !apperr.Is(err, CodeNotRepository) {
		t.Fatalf("err = %v, want %s", err, CodeNotRepository)
	}
}

func TestShellQuote(t *testing.T) {
	if got := shellQuote("/a b/it's"); got != `'/a b/it'\''s'` {
		t.Errorf("shellQuote = %s", got)
	}
}
