package leakscan

import (
	"bufio"
	"bytes"
	"path"
	"strings"
)

// ignorePattern is one line of a .gitignore file.
type ignorePattern struct {
	segments []string // the pattern split at '/'; "**" matches any number of segments
	anchored bool     // contains a '/' before its end: matched from the file's folder
	dirOnly  bool     // ends in '/'
	negate   bool     // starts with '!'
}

// ignoreFile is the patterns of one .gitignore, which apply below base.
type ignoreFile struct {
	base     string // slash-separated folder relative to the root; "" for the root
	patterns []ignorePattern
}

// parseIgnore reads .gitignore content: comments, blank lines, negation,
// escapes of a leading '#' or '!', trailing-space trimming, dir-only and
// anchored patterns and "**".
func parseIgnore(base string, content []byte) ignoreFile {
	f := ignoreFile{base: base}
	sc := bufio.NewScanner(bytes.NewReader(content))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		if p, ok := parseIgnoreLine(sc.Text()); ok {
			f.patterns = append(f.patterns, p)
		}
	}
	return f
}

func parseIgnoreLine(line string) (ignorePattern, bool) {
	line = strings.TrimSuffix(line, "\r")
	for strings.HasSuffix(line, " ") && !strings.HasSuffix(line, `\ `) {
		line = line[:len(line)-1]
	}
	if line == "" || line[0] == '#' {
		return ignorePattern{}, false
	}
	var p ignorePattern
	if line[0] == '!' {
		p.negate = true
		line = line[1:]
	} else if strings.HasPrefix(line, `\!`) || strings.HasPrefix(line, `\#`) {
		line = line[1:]
	}
	if strings.HasSuffix(line, "/") {
		p.dirOnly = true
		line = strings.TrimRight(line, "/")
	}
	if line == "" {
		return ignorePattern{}, false
	}
	p.anchored = strings.Contains(line, "/")
	line = strings.TrimPrefix(line, "/")
	line = strings.ReplaceAll(line, "[!", "[^")
	p.segments = strings.Split(line, "/")
	return p, true
}

// matches reports whether rel, a path relative to the pattern's folder, matches.
func (p ignorePattern) matches(rel string, isDir bool) bool {
	if p.dirOnly && !isDir {
		return false
	}
	if !p.anchored {
		ok, _ := path.Match(p.segments[0], path.Base(rel))
		return ok
	}
	return matchSegments(p.segments, strings.Split(rel, "/"))
}

// matchSegments matches path segments against pattern segments with "**".
func matchSegments(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			if len(pat) == 1 {
				return len(name) > 0
			}
			for i := 0; i <= len(name); i++ {
				if matchSegments(pat[1:], name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}

// ignoreStack is the .gitignore files from the root down to a folder; a
// later (deeper) match overrides an earlier one, as in git.
type ignoreStack []ignoreFile

// ignored reports whether rel (slash-separated, relative to the root) is excluded.
func (s ignoreStack) ignored(rel string, isDir bool) bool {
	excluded := false
	for _, f := range s {
		sub := rel
		if f.base != "" {
			if !strings.HasPrefix(rel, f.base+"/") {
				continue
			}
			sub = rel[len(f.base)+1:]
		}
		for _, p := range f.patterns {
			if p.matches(sub, isDir) {
				excluded = !p.negate
			}
		}
	}
	return excluded
}
