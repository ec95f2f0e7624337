package export

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// cells measures text in character cells: CJK characters are two wide.
func cells(s string) float64 {
	w := 0.0
	for _, r := range s {
		if isCJK(r) {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func TestWrapText(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		width float64
		want  []string
	}{
		{"fits", "hello world", 20, []string{"hello world"}},
		{"latin at spaces", "the quick brown fox jumps", 10, []string{"the quick", "brown fox", "jumps"}},
		{"long word broken", "abcdefghijklmnop", 6, []string{"abcdef", "ghijkl", "mnop"}},
		{"chinese between characters", "我们重视您的隐私", 6, []string{"我们重", "视您的", "隐私"}},
		{"no comma at line start", "我们重，视您的隐私", 6, []string{"我们", "重，视", "您的隐", "私"}},
		{"no opening bracket at line end", "我们「重视」您", 6, []string{"我们", "「重", "视」您"}},
		{"mixed", "使用 AES-256 加密", 10, []string{"使用", "AES-256 加", "密"}},
		{"newlines kept", "a\n\nb", 10, []string{"a", "", "b"}},
		{"empty", "", 10, []string{""}},
		{"trailing spaces trimmed", "aaa    bbb", 5, []string{"aaa", "bbb"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrapText(tt.in, tt.width, cells)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("wrapText(%q, %v) = %q, want %q", tt.in, tt.width, got, tt.want)
			}
		})
	}
}

// TestWrapTextProperties wraps a long Chinese paragraph: no text is lost,
// every line fits, and no line starts with closing punctuation.
func TestWrapTextProperties(t *testing.T) {
	in := longChineseParagraph(2000) + " mixed with some English words and a verylongidentifierthatmustbreak."
	for _, width := range []float64{7, 20, 61, 100} {
		lines := wrapText(in, width, cells)
		if got := strings.Join(lines, ""); strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(in, " ", "") {
			t.Fatalf("width %v: text changed", width)
		}
		for i, l := range lines {
			if cells(l) > width {
				t.Errorf("width %v: line %d %q is %v wide", width, i, l, cells(l))
			}
			if r, _ := utf8.DecodeRuneInString(l); i > 0 && strings.ContainsRune("，。、；：！？）", r) {
				t.Errorf("width %v: line %d starts with %q", width, i, r)
			}
		}
	}
}

func TestTruncateToWidth(t *testing.T) {
	if got := truncateToWidth("short", 10, "...", cells); got != "short" {
		t.Errorf("got %q", got)
	}
	if got := truncateToWidth("a rather long title", 10, "...", cells); got != "a rather..." && cells(got) > 10 {
		t.Errorf("got %q", got)
	}
	if got := truncateToWidth("隐私政策草案文档", 9, "...", cells); got != "隐私政..." {
		t.Errorf("got %q", got)
	}
}

func TestTagTone(t *testing.T) {
	tests := map[string]string{
		"Done": "green", "已完成": "green", "In progress": "blue", "进行中": "blue", "Blocked": "red",
		"高风险": "red", "To do": "amber", "待审核": "amber", "未完成": "amber", "Info": "gray", "": "gray",
	}
	for tag, want := range tests {
		if got := tagTone(tag); got != want {
			t.Errorf("tagTone(%q) = %q, want %q", tag, got, want)
		}
	}
}

func TestShareWidths(t *testing.T) {
	tests := []struct {
		want  []float64
		total float64
		out   []float64
	}{
		{[]float64{10, 50, 50, 10}, 80, []float64{10, 30, 30, 10}},
		{[]float64{40, 40}, 60, []float64{30, 30}},
		{[]float64{5, 100}, 50, []float64{5, 45}},
	}
	for _, tt := range tests {
		got := shareWidths(tt.want, tt.total)
		for j := range got {
			if got[j] != tt.out[j] {
				t.Errorf("shareWidths(%v, %v) = %v, want %v", tt.want, tt.total, got, tt.out)
				break
			}
		}
	}
}
