package leakscan

import "testing"

// TestIgnorePatterns covers the .gitignore subset: globs, negation,
// dir-only and anchored patterns, "**", escapes and comments.
func TestIgnorePatterns(t *testing.T) {
	tests := []struct {
		name    string
		content string
		path    string
		isDir   bool
		ignored bool
	}{
		{"Ignored_Glob", "*.log\n", "a/b/app.log", false, true},
		{"Kept_OtherExtension", "*.log\n", "a/b/app.txt", false, false},
		{"Kept_Negated", "*.log\n!keep.log\n", "keep.log", false, false},
		{"Ignored_NegationThenAgain", "*.log\n!keep.log\nkeep.log\n", "keep.log", false, true},
		{"Ignored_DirOnlyDir", "build/\n", "x/build", true, true},
		{"Kept_DirOnlyFile", "build/\n", "x/build", false, false},
		{"Ignored_AnchoredAtRoot", "/top.txt\n", "top.txt", false, true},
		{"Kept_AnchoredElsewhere", "/top.txt\n", "sub/top.txt", false, false},
		{"Ignored_MiddleSlashAnchors", "docs/api\n", "docs/api", true, true},
		{"Kept_MiddleSlashNotDeeper", "docs/api\n", "x/docs/api", true, false},
		{"Ignored_LeadingDoubleStar", "**/secret.md\n", "a/b/secret.md", false, true},
		{"Ignored_MiddleDoubleStar", "docs/**/secret.md\n", "docs/secret.md", false, true},
		{"Ignored_TrailingDoubleStar", "out/**\n", "out/a/b.txt", false, true},
		{"Kept_TrailingDoubleStarItself", "out/**\n", "out", true, false},
		{"Ignored_CharClassNegated", "file[!0-9].txt\n", "filea.txt", false, true},
		{"Kept_CharClassNegated", "file[!0-9].txt\n", "file1.txt", false, false},
		{"Kept_Comment", "# *.txt\n", "a.txt", false, false},
		{"Ignored_EscapedHash", "\\#notes\n", "#notes", false, true},
		{"Ignored_EscapedBang", "\\!important\n", "!important", false, true},
		{"Ignored_TrailingSpacesTrimmed", "*.tmp   \n", "x.tmp", false, true},
		{"Ignored_CRLF", "*.tmp\r\n", "x.tmp", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ignoreStack{parseIgnore("", []byte(tt.content))}
			if got := s.ignored(tt.path, tt.isDir); got != tt.ignored {
				t.Errorf("ignored(%q) with %q = %v, want %v", tt.path, tt.content, got, tt.ignored)
			}
		})
	}
}

// TestNestedIgnoreApplies only below its folder, and overrides the root's.
func TestNestedIgnoreApplies(t *testing.T) {
	s := ignoreStack{parseIgnore("", []byte("*.gen\n")), parseIgnore("pkg", []byte("!keep.gen\n/local.txt\n"))}
	tests := []struct {
		path    string
		ignored bool
	}{
		{"a.gen", true}, {"pkg/keep.gen", false}, {"keep.gen", true}, {"pkg/local.txt", true},
		{"pkg/sub/local.txt", false}, {"local.txt", false},
	}
	for _, tt := range tests {
		if got := s.ignored(tt.path, false); got != tt.ignored {
			t.Errorf("ignored(%q) = %v, want %v", tt.path, got, tt.ignored)
		}
	}
}
