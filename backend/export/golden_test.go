package export

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"steward/tools/golden"
)

// TestGolden renders the sample documents as Markdown and HTML and compares
// them with testdata/golden/ (regenerate with go test -update).
func TestGolden(t *testing.T) {
	docs := map[string]Document{"en": englishSample(), "zh": chineseSample()}
	formats := map[string]func(io.Writer, Document) error{"md": Markdown, "html": HTML}
	for name, d := range docs {
		for ext, render := range formats {
			t.Run(name+"."+ext, func(t *testing.T) {
				var buf bytes.Buffer
				if err := render(&buf, d); err != nil {
					t.Fatal(err)
				}
				golden.Assert(t, name+"."+ext, buf.Bytes())
			})
		}
	}
}

// TestHostileInput checks that user text cannot inject markup.
func TestHostileInput(t *testing.T) {
	d := englishSample()
	tests := []struct {
		name    string
		render  func(io.Writer, Document) error
		absent  []string
		present []string
	}{
		{"html", HTML,
			[]string{"<script>", "<img", "<b>tags"},
			[]string{"&lt;script&gt;", "&lt;img src=x onerror=alert(1)&gt;", `<html lang="en">`, `<meta charset="utf-8">`,
				"<!doctype html>", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "@page",
				`<span class="tag tag-blue">In progress</span>`, `class="note"`}},
		{"markdown", Markdown,
			[]string{"Pipe | inside", "Owner | team"},
			[]string{`\<script\>`, `Pipe \| inside \* cell`, `Owner \| team`, `\*stars\*`, "snake_case", `\# not a heading`,
				`\- not a list`, `1\. not ordered`, `\> not a quote`, "## Summary `In progress`",
				"- **Status:** Blocked", "> This is not legal advice."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.render(&buf, d); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			if tt.name == "markdown" {
				// Every '<' is escaped, except the <br> the writer adds in cells.
				for i := strings.IndexByte(out, '<'); i >= 0; i = nextIndex(out, i+1, '<') {
					if !strings.HasPrefix(out[i:], "<br>") && (i == 0 || out[i-1] != '\\') {
						t.Errorf("unescaped '<' at %q", out[i:min(len(out), i+20)])
					}
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(out, s) {
					t.Errorf("output contains %q", s)
				}
			}
			for _, s := range tt.present {
				if !strings.Contains(out, s) {
					t.Errorf("output lacks %q", s)
				}
			}
		})
	}
}

// TestHTMLSelfContained checks that the HTML loads nothing from outside.
func TestHTMLSelfContained(t *testing.T) {
	for _, d := range []Document{englishSample(), chineseSample(), {}} {
		var buf bytes.Buffer
		if err := HTML(&buf, d); err != nil {
			t.Fatal(err)
		}
		out := strings.ToLower(buf.String())
		for _, s := range []string{"<link", "<script", "@import", "url(", `src="`, `href="`} {
			if strings.Contains(out, s) {
				t.Errorf("HTML for %q contains %q", d.Title, s)
			}
		}
	}
}

// TestMarkdownEscape covers the escaping rules one by one.
func TestMarkdownEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"a|b", `a\|b`},
		{"*bold* _it_ snake_case", `\*bold\* \_it\_ snake_case`},
		{"<script>", `\<script\>`},
		{"# title", `\# title`},
		{"C# rocks", "C# rocks"},
		{"- item", `\- item`},
		{"-5 degrees", "-5 degrees"},
		{"1. one", `1\. one`},
		{"1.5 litres", "1.5 litres"},
		{"===", `\===`},
		{"a & b &amp; &#39;", `a & b \&amp; \&#39;`},
		{"[x](y) `c` ~s~ \\", "\\[x\\](y) \\`c\\` \\~s\\~ \\\\"},
		{"中文，测试", "中文，测试"},
	}
	for _, tt := range tests {
		if got := mdEscape(tt.in, true); got != tt.want {
			t.Errorf("mdEscape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// nextIndex is the index of c in s at or after from, or -1.
func nextIndex(s string, from int, c byte) int {
	if i := strings.IndexByte(s[from:], c); i >= 0 {
		return from + i
	}
	return -1
}
