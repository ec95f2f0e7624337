package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// generateRepo builds a git repository with `git fast-import`: commits
// files on main and on a side branch, planting keys in some commits and
// deleting some of those files later, so the keys live only in history.
func (c *corpus) generateRepo(dir string, commits int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if out, err := exec.Command("git", "-C", dir, "init", "-q", "-b", "main").CombinedOutput(); err != nil {
		return fmt.Errorf("git init: %v: %s", err, out)
	}
	var stream bytes.Buffer
	w := bufio.NewWriter(&stream)
	pool := c.pools[".py"]
	live := map[string]bool{}
	for i := range commits {
		branch := "main"
		if i >= commits-commits/10 {
			branch = "feature/old-experiment"
		}
		fmt.Fprintf(w, "commit refs/heads/%s\nmark :%d\n", branch, i+1)
		when := 1704103200 + i*3600
		fmt.Fprintf(w, "author Dev%d <dev%d@example.test> %d +0000\ncommitter CI <ci@example.test> %d +0000\n", i%7, i%7, when, when)
		msg := fmt.Sprintf("change %d", i)
		fmt.Fprintf(w, "data %d\n%s\n", len(msg), msg)
		if i > 0 {
			from := i
			if branch != "main" && i == commits-commits/10 {
				from = commits / 2 // the side branch forks from the middle of main
			}
			fmt.Fprintf(w, "from :%d\n", from)
		}
		path, content := c.repoChange(i, pool)
		fmt.Fprintf(w, "M 100644 inline %s\ndata %d\n%s\n", path, len(content), content)
		live[path] = true
		if i%25 == 12 && branch == "main" {
			for p := range live {
				if strings.HasPrefix(p, "secrets/") {
					fmt.Fprintf(w, "D %s\n", p)
					delete(live, p)
				}
			}
		}
		w.WriteString("\n")
	}
	w.Flush()
	c.m.HistoryCommits = commits
	cmd := exec.Command("git", "-C", dir, "fast-import", "--quiet")
	cmd.Stdin = &stream
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("git fast-import: %v: %s", err, out)
	}
	if out, err := exec.Command("git", "-C", dir, "reset", "-q", "--hard", "main").CombinedOutput(); err != nil {
		return fmt.Errorf("git reset: %v: %s", err, out)
	}
	return nil
}

// repoChange is commit i's file: filler, and every 25th commit a new file
// holding a key.
func (c *corpus) repoChange(i int, pool []string) (string, string) {
	path := fmt.Sprintf("src/mod%02d/file%03d.py", i%20, c.r.IntN(300))
	var content strings.Builder
	for content.Len() < 2000+c.r.IntN(6000) {
		content.WriteString(pool[c.r.IntN(len(pool))])
	}
	if i%25 == 7 {
		key := c.anyKey()
		path = fmt.Sprintf("secrets/leak%04d.py", i)
		content.WriteString(`OPENAI_KEY = "` + key.value + "\"\n")
		c.m.plant(&c.m.HistoryPlanted, key.value, key.kind, "history-deleted-later", path)
	}
	return path, content.String()
}
