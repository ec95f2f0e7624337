package privacy

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
)

// The two languages drafts are written in.
const (
	LangEn = "en"
	LangZh = "zh-CN"
)

// Text is an answer or label in English and Simplified Chinese. In an answers
// file it is written either as a plain string (filed under the language it is
// written in) or as a mapping with "en" and "zh-CN" (or "zh") keys.
type Text struct {
	En string `json:"en" yaml:"en"`
	Zh string `json:"zh-CN" yaml:"zh-CN"`
}

// T builds a Text from both languages.
func T(en, zh string) Text { return Text{En: en, Zh: zh} }

// In returns the text in lang, falling back to the other language when that
// one was not given.
func (t Text) In(lang string) string {
	en, zh := strings.TrimSpace(t.En), strings.TrimSpace(t.Zh)
	if lang == LangZh && zh != "" || en == "" {
		return zh
	}
	return en
}

// Empty reports whether neither language has any text.
func (t Text) Empty() bool { return strings.TrimSpace(t.En) == "" && strings.TrimSpace(t.Zh) == "" }

// textFrom files a plain string under the language it is written in:
// Chinese when it has any Han character, English otherwise.
func textFrom(s string) Text {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return Text{Zh: s}
		}
	}
	return Text{En: s}
}

// UnmarshalJSON accepts a plain string or an {"en", "zh-CN"} object.
func (t *Text) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*t = textFrom(s)
		return nil
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		return fmt.Errorf("text: want a string or an object with en and zh-CN: %w", err)
	}
	*t = Text{}
	for k, v := range m {
		switch k {
		case "en":
			t.En = v
		case "zh-CN", "zh":
			t.Zh = v
		default:
			return fmt.Errorf("text: unknown language %q; use en or zh-CN", k)
		}
	}
	return nil
}

// joinTexts renders a list of texts in lang, separated as the language does.
func joinTexts(ts []Text, lang string) string {
	parts := make([]string, 0, len(ts))
	for _, t := range ts {
		if s := t.In(lang); s != "" {
			parts = append(parts, s)
		}
	}
	return joinList(parts, lang)
}

// joinList joins items as a running list: "a, b and c" or "a、b和c".
func joinList(items []string, lang string) string {
	switch {
	case len(items) == 0:
		return ""
	case len(items) == 1:
		return items[0]
	case lang == LangZh:
		return strings.Join(items[:len(items)-1], "、") + "和" + items[len(items)-1]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// has reports whether s has any non-space text.
func has(s string) bool { return strings.TrimSpace(s) != "" }
