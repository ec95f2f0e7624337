package leakscan

import (
	"context"
	"slices"
	"strings"
	"testing"

	"steward/backend/secret"
	"steward/backend/secret/fakekey"
)

// TestScanHistory finds keys in every commit reachable from any ref, each
// once, in the commit that added it, with its author and date.
func TestScanHistory(t *testing.T) {
	g := fakekey.New(31)
	repo := newTestRepo(t)
	deleted, kept, branch, allowed := g.Project(), g.Legacy(), g.ServiceAccount(), g.Admin()
	envValue := g.Alnum(40)

	c0 := repo.commit("add config", map[string]string{
		"old/config.py": "KEY = '" + deleted + "'\n",
		"a.txt":         "intro\n" + kept + "\n",
		"fixture.txt":   "'" + allowed + "'  # steward:allow\n",
	})
	repo.commit("remove old config, edit a.txt", map[string]string{"a.txt": "intro\n" + kept + "\nmore\n"}, "old/config.py")
	repo.git("checkout", "-q", "-b", "feature")
	c2 := repo.commit("feature work", map[string]string{"feature.ipynb": `{"source": ["k = \"` + branch + `\"\n"]}`})
	repo.git("checkout", "-q", "main")
	c3 := repo.commit("local env", map[string]string{".env": "OPENAI_API_KEY=" + envValue + "\n"})
	repo.git("tag", "v1")

	r := scanDir(t, repo.dir, Options{History: true})
	type place struct{ rule, file, commit, date string }
	var got []place
	for _, f := range r.Findings {
		got = append(got, place{f.Rule, f.File, f.Commit, f.Date})
		if f.Commit != "" && f.Author != "Ana <ana@example.test>" {
			t.Errorf("author = %q", f.Author)
		}
	}
	want := []place{
		{RuleLegacyKey, "a.txt", "", ""},
		{RuleLegacyKey, "a.txt", c0, date(0)},
		{RuleServiceAccountKey, "feature.ipynb", c2, date(2)},
		{RuleProjectKey, "old/config.py", c0, date(0)},
		{RuleEnvAssignment, ".env", "", ""},
		{RuleEnvAssignment, ".env", c3, date(3)},
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings =\n%v\nwant\n%v", got, want)
	}
	if r.Stats.Commits != 4 || r.Stats.Suppressed != 2 {
		t.Errorf("commits = %d, suppressed = %d; want 4 and 2 (the allowed key, in the tree and in history)", r.Stats.Commits, r.Stats.Suppressed)
	}
	for _, f := range r.Findings {
		if f.File == "old/config.py" && (f.Fingerprint != secret.Fingerprint(deleted) || f.Line != 1 || f.Column != 8) {
			t.Errorf("deleted file's finding = %+v", f)
		}
	}
}

// TestMergeIsNotBlamed: a key added on a branch belongs to the branch's
// commit, not to the merge that brought it in.
func TestMergeIsNotBlamed(t *testing.T) {
	g := fakekey.New(32)
	repo := newTestRepo(t)
	repo.commit("start", map[string]string{"README": "hi\n"})
	repo.git("checkout", "-q", "-b", "topic")
	added := repo.commit("add key", map[string]string{"k.txt": g.Legacy() + "\n"})
	repo.git("checkout", "-q", "main")
	repo.commit("other", map[string]string{"other.txt": "x\n"})
	repo.git("merge", "-q", "--no-ff", "-m", "merge topic", "topic")
	repo.git("rm", "-q", "k.txt")
	repo.git("commit", "-q", "-m", "drop key")

	r := scanDir(t, repo.dir, Options{History: true})
	if len(r.Findings) != 1 || r.Findings[0].Commit != added {
		t.Fatalf("findings = %q (commits %v), want one in %s", findingsSummary(r.Findings), commits(r.Findings), added)
	}
}

func commits(fs []LeakFinding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Commit)
	}
	return out
}

// TestHistoryOfNonRepositoryIsSkipped says why, without failing.
func TestHistoryOfNonRepositoryIsSkipped(t *testing.T) {
	newTestRepo(t) // isolates git's configuration
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "x"})
	r := scanDir(t, dir, Options{History: true})
	if r.Status != StatusCompleted || len(r.Skipped) != 1 || !strings.Contains(r.Skipped[0].Reason, "not a git repository") {
		t.Fatalf("status %s, skipped %+v", r.Status, r.Skipped)
	}
}

// TestScanStaged reports what the staged changes add, not what was
// committed before.
func TestScanStaged(t *testing.T) {
	g := fakekey.New(33)
	repo := newTestRepo(t)
	old := g.Legacy()
	writeFiles(t, repo.dir, map[string]string{"a.txt": old + "\n"})
	repo.git("add", "a.txt")
	r, err := ScanStaged(context.Background(), repo.dir)
	if err != nil || len(r.Findings) != 1 || r.Findings[0].File != "a.txt" {
		t.Fatalf("before the first commit: findings %q, err %v", findingsSummary(r.Findings), err)
	}
	repo.git("commit", "-q", "-m", "first")

	fresh := g.Project()
	writeFiles(t, repo.dir, map[string]string{
		"a.txt":    old + "\nmore\n",
		"b/new.py": "x = 1\nk = '" + fresh + "'\n",
		"unstaged": g.Admin(),
	})
	repo.git("add", "a.txt", "b/new.py")
	r, err = ScanStaged(context.Background(), repo.dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"openai-project-key b/new.py:2:6"}
	if got := findingsSummary(r.Findings); !slices.Equal(got, want) || r.Findings[0].Fingerprint != secret.Fingerprint(fresh) {
		t.Fatalf("findings = %q, want %q", got, want)
	}
}
