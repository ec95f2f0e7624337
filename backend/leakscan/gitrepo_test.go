package leakscan

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// testRepo is a throwaway git repository with deterministic authors and dates.
type testRepo struct {
	t   testing.TB
	dir string
	n   int // commits made, which sets the next date
}

// newTestRepo creates a repository in a temp folder, with git's global
// and system configuration out of the way.
func newTestRepo(t testing.TB) *testRepo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	empty := filepath.Join(t.TempDir(), "gitconfig")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GIT_CONFIG_GLOBAL", empty)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	r := &testRepo{t: t, dir: t.TempDir()}
	r.git("init", "-q", "-b", "main")
	return r
}

// git runs git in the repository as Ana at the current commit's date.
func (r *testRepo) git(args ...string) string {
	r.t.Helper()
	out, err := r.gitErr(args...)
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(out)
}

func (r *testRepo) gitErr(args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	date := fmt.Sprintf("2024-01-%02dT10:00:00+00:00", r.n+1)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=Ana", "GIT_AUTHOR_EMAIL=ana@example.test",
		"GIT_COMMITTER_NAME=Ana", "GIT_COMMITTER_EMAIL=ana@example.test",
		"GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// commit writes files, removes the paths in remove, commits everything
// and returns the commit's hash.
func (r *testRepo) commit(msg string, files map[string]string, remove ...string) string {
	r.t.Helper()
	writeFiles(r.t, r.dir, files)
	for _, p := range remove {
		r.git("rm", "-q", p)
	}
	r.git("add", "-A")
	r.git("commit", "-q", "--allow-empty", "-m", msg)
	r.n++
	return r.git("rev-parse", "HEAD")
}

// date is the author date of the i-th commit (0-based), as git prints it.
func date(i int) string { return fmt.Sprintf("2024-01-%02dT10:00:00+00:00", i+1) }
