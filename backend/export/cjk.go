package export

import (
	"strings"
	"unicode"
)

// isCJK reports whether r is a Chinese, Japanese or Korean character or CJK
// punctuation: text that needs a CJK font and may break between any two
// characters.
func isCJK(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x2E80 && r <= 0x2FDF, // radicals
		r >= 0x3000 && r <= 0x303F, // CJK symbols and punctuation
		r >= 0x3040 && r <= 0x30FF, // kana
		r >= 0x3100 && r <= 0x31FF, // bopomofo, kana extensions
		r >= 0x3200 && r <= 0x33FF, // enclosed, compatibility
		r >= 0xFE30 && r <= 0xFE4F, // compatibility forms
		r >= 0xFF00 && r <= 0xFFEF: // half- and full-width forms
		return true
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r)
}

// containsCJK reports whether s has at least one CJK character.
func containsCJK(s string) bool {
	for _, r := range s {
		if isCJK(r) {
			return true
		}
	}
	return false
}

// noBreakBefore lists characters that must not start a line (closing
// punctuation, CJK and Latin), so they stick to the character before them.
const noBreakBefore = ",.;:!?)]}%'\"»、。，．：；！？）］｝」』】》〉〕〗〙〛”’・ー々〻ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ～…‥"

// noBreakAfter lists characters that must not end a line (opening
// punctuation), so they stick to the character after them.
const noBreakAfter = "([{«（［｛「『【《〈〔〖〘〚“‘"

// isChineseLang reports whether lang asks for Chinese labels.
func isChineseLang(lang string) bool {
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(lang)), "zh")
}

// documentText calls fn with every piece of user text in d.
func documentText(d Document, fn func(string)) {
	fn(d.Title)
	fn(d.Subtitle)
	fields := func(fs []Field) {
		for _, f := range fs {
			fn(f.Label)
			fn(f.Value)
		}
	}
	fields(d.Meta)
	for _, b := range d.Blocks {
		if b.Heading != nil {
			fn(b.Heading.Text)
			fn(b.Heading.Tag)
		}
		fn(b.Paragraph)
		fn(b.Note)
		for _, s := range b.List {
			fn(s)
		}
		fields(b.Fields)
		if b.Chart != nil {
			fn(b.Chart.Title)
			for _, bar := range b.Chart.Bars {
				fn(bar.Label)
				fn(bar.Text)
			}
		}
		if b.Table != nil {
			for _, s := range b.Table.Header {
				fn(s)
			}
			for _, row := range b.Table.Rows {
				for _, s := range row {
					fn(s)
				}
			}
		}
	}
}

// documentHasCJK reports whether any text of d is CJK.
func documentHasCJK(d Document) bool {
	found := false
	documentText(d, func(s string) {
		if !found && containsCJK(s) {
			found = true
		}
	})
	return found
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	if !strings.ContainsRune(s, '\r') {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// tagTone classifies a status badge into a colour family shared by the HTML
// and PDF renderers: "green", "blue", "amber", "red" or "gray".
func tagTone(tag string) string {
	t := strings.ToLower(tag)
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(t, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("block", "fail", "error", "overdue", "risk", "high", "critical", "missing", "reject",
		"阻塞", "失败", "错误", "逾期", "风险", "高", "缺失", "拒绝", "未通过"):
		return "red"
	case has("progress", "doing", "active", "running", "进行", "处理中"):
		return "blue"
	case has("todo", "to do", "pending", "open", "review", "draft", "warn", "medium", "partial",
		"incomplete", "not done", "待", "未开始", "未完成", "审核", "草稿", "警告", "中等", "部分"):
		return "amber"
	case has("done", "complete", "pass", "ok", "ready", "resolved", "approved", "low",
		"完成", "通过", "就绪", "已解决", "批准", "低"):
		return "green"
	}
	return "gray"
}
